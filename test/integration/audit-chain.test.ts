import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { canonicalJson } from '@shared/domain/canonical-json';
import { createHash } from 'node:crypto';
import { useTempDirs } from '../support/temp';
import { collect, runCli, startCli } from '../support/cli';
import { openRaw } from '../support/raw-db';
import { createTestSite, type TestSite } from '../support/site';
import { PASSWORD } from '../support/core';

const tempDir = useTempDirs();

/** A site with an admin who can act from the CLI with a personal access token. */
async function siteWithAdminToken(dir: string): Promise<{ site: TestSite; env: NodeJS.ProcessEnv; base: string[] }> {
  const site = await createTestSite(dir);
  const base = ['--data-dir', site.paths.dataDir];
  const { startTestCoreOn } = await import('../support/core');
  const token = await startTestCoreOn(site);
  return { site, env: { CLEARLINE_TOKEN: token }, base };
}

function usersAndEvents(site: TestSite): { users: string[]; created: string[] } {
  const db = openRaw(site.paths.database, site.key());
  try {
    const users = (db.prepare('SELECT id FROM users').all() as { id: string }[]).map((r) => r.id).sort();
    const created = (db.prepare("SELECT subject_id FROM audit_events WHERE action = 'user.created'").all() as { subject_id: string }[])
      .map((r) => r.subject_id)
      .sort();
    return { users, created };
  } finally {
    db.close();
  }
}

describe('the audit chain', () => {
  it('writes each mutation and its event in one transaction: killed between the two, neither exists', async () => {
    const { site, env, base } = await siteWithAdminToken(tempDir());
    const passwordFile = join(site.paths.dataDir, '..', 'pw');
    writeFileSync(passwordFile, 'Temporary-Pass-123');
    const add = (name: string, fault?: string) =>
      runCli([...base, 'user', 'add', name, '--name', 'A Clerk', '--role', 'clerk', '--password-file', passwordFile], {
        env: { ...env, ...(fault ? { CLEARLINE_FAULT: fault } : {}) },
      });

    for (const [name, fault] of [
      ['killed-before-event', 'audit.appending:user.created'],
      ['killed-after-event', 'audit.appended:user.created'],
    ] as const) {
      const killed = await add(name, fault);
      expect(killed.signal, killed.stderr).toBe('SIGKILL');
    }
    expect((await add('survivor')).code).toBe(0);
    const { users, created } = usersAndEvents(site);
    expect(users.length).toBe(2); // the first admin and the survivor: neither killed user exists
    expect(created).toEqual(users); // …and each existing user has its event, no other does

    // SIGKILL at random moments of many CLI mutations: every user has its event and vice versa.
    for (let round = 0; round < 12; round++) {
      const child = startCli([...base, 'user', 'add', `random-${round}`, '--name', 'A Clerk', '--role', 'clerk', '--password-file', passwordFile], { env });
      const done = collect(child);
      setTimeout(() => child.kill('SIGKILL'), 150 + Math.random() * 600);
      await done;
    }
    const after = usersAndEvents(site);
    expect(after.created).toEqual(after.users);
    const verify = await runCli([...base, 'audit', 'verify']);
    expect(verify.code, verify.stdout).toBe(0);
  });

  it('refuses UPDATE and DELETE, and verify names the first altered, removed or swapped event', async () => {
    const { site, env, base } = await siteWithAdminToken(tempDir());
    const passwordFile = join(site.paths.dataDir, '..', 'pw');
    writeFileSync(passwordFile, 'Temporary-Pass-123');
    for (const name of ['clerk-a', 'clerk-b', 'clerk-c']) {
      expect((await runCli([...base, 'user', 'add', name, '--name', 'A Clerk', '--role', 'clerk', '--password-file', passwordFile], { env })).code).toBe(0);
    }
    const intact = await runCli([...base, 'audit', 'verify', '--json']);
    expect(intact.code).toBe(0);
    expect(JSON.parse(intact.stdout)).toMatchObject({ ok: true, firstBad: null });

    const db = openRaw(site.paths.database, site.key());
    expect(() => db.prepare("UPDATE audit_events SET payload = '{}' WHERE seq = 3").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_events WHERE seq = 3').run()).toThrow(/append-only/);

    // With the key in hand and the triggers dropped, a change is still caught by the chain.
    db.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;');
    const target = db.prepare("SELECT seq, payload FROM audit_events WHERE action = 'user.created' ORDER BY seq LIMIT 1 OFFSET 1").get() as {
      seq: number;
      payload: string;
    };
    const altered = JSON.parse(target.payload);
    altered.after.roles = ['admin'];
    db.prepare('UPDATE audit_events SET payload = ? WHERE seq = ?').run(canonicalJson(altered), target.seq);
    db.close();
    const changed = await runCli([...base, 'audit', 'verify', '--json']);
    expect(changed.code).toBe(3);
    expect(JSON.parse(changed.stdout).firstBad).toMatchObject({ seq: target.seq, reason: expect.stringMatching(/altered/) });

    // Recomputing the altered event's own hash moves the break to its successor.
    const db2 = openRaw(site.paths.database, site.key());
    const row = db2.prepare('SELECT * FROM audit_events WHERE seq = ?').get(target.seq) as Record<string, string | number>;
    const fields = {
      seq: row.seq,
      at: row.at,
      actor: JSON.parse(String(row.actor)),
      action: row.action,
      subject: row.subject_type === null ? null : { type: row.subject_type, id: row.subject_id },
      outcome: row.outcome,
      payload: JSON.parse(String(row.payload)),
      prevHash: row.prev_hash,
    };
    const rehash = createHash('sha256').update(canonicalJson(fields)).digest('hex');
    db2.prepare('UPDATE audit_events SET hash = ? WHERE seq = ?').run(rehash, target.seq);
    db2.close();
    const relinked = JSON.parse((await runCli([...base, 'audit', 'verify', '--json'])).stdout);
    expect(relinked.firstBad).toMatchObject({ seq: target.seq + 1, reason: expect.stringMatching(/previous-hash/) });

    const db3 = openRaw(site.paths.database, site.key());
    db3.prepare('DELETE FROM audit_events WHERE seq = 2').run();
    db3.close();
    const removed = JSON.parse((await runCli([...base, 'audit', 'verify', '--json'])).stdout);
    expect(removed.firstBad).toMatchObject({ seq: 2, reason: expect.stringMatching(/missing/) });
  });
});
