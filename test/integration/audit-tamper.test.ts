import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { AuditVerification } from '@shared/contract/audit';
import type { CheckpointRecord } from '@shared/contract/evidence';
import { toTimestamp } from '@shared/domain/time';
import { storedEventHash } from '../../src-main/core/audit/chain-hash';
import type { StoredEvent } from '../../src-main/core/store/evidence-repositories';
import { ORIGIN, startTestCore, type TestCore } from '../support/core';
import { CoreApp } from '../../src-main/core/app/core-app';
import { openRaw } from '../support/raw-db';
import { useTempDirs } from '../support/temp';

/**
 * Tampering as someone holding the data key would do it: the database opened directly,
 * the append-only triggers dropped, rows edited with SQL. Each kind of change must be
 * caught, with the first bad sequence number named; removing the newest events and
 * rewriting the chain from an edit onwards are caught only by the witness checkpoints.
 */
const tempDir = useTempDirs();
let open: TestCore | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

/** The event right after checkpoint A: every case tampers with it (or from it on). */
interface Trail {
  core: TestCore;
  target: number;
  head: number;
  a: CheckpointRecord;
  b: CheckpointRecord;
}

async function appendEvents(core: TestCore, count: number): Promise<void> {
  await core.app.site.store.unit(async (tx) => {
    for (let i = 0; i < count; i++) {
      await tx.audit.append(
        {
          actor: { kind: 'system', component: 'tamper-test' },
          action: 'payment.booked',
          subject: { type: 'payment', id: `p-${i}` },
          payload: { amount: { value: `${100 + i}.50`, currency: 'EUR' }, note: `booking ${i}` },
        },
        toTimestamp(core.clock.now()),
      );
    }
  });
}

/** A trail with a witness folder and two checkpoints: A just before the target event, B some events later, then an unsigned tail. */
async function trailWithCheckpoints(): Promise<Trail> {
  const dir = tempDir();
  const core = await startTestCore(dir);
  open = core;
  const witness = join(dir, 'witness');
  mkdirSync(witness);
  const configured = await core.ok<{ status: string }>(
    'evidence.configure',
    { witnessFolder: witness, schedule: { everyMinutes: 0, everyEvents: 0 }, reason: 'tamper test' },
    core.admin,
  );
  expect(configured.status).toBe('applied');
  await appendEvents(core, 12);
  const a = await core.ok<CheckpointRecord>('checkpoints.create', {}, core.admin);
  await appendEvents(core, 15);
  const b = await core.ok<CheckpointRecord>('checkpoints.create', {}, core.admin);
  await appendEvents(core, 4);
  expect(readdirSync(witness).filter((f) => f.startsWith('ckpt-'))).toHaveLength(2);
  expect(a.witness.file).not.toBeNull();
  const head = await core.app.site.store.read((tx) => tx.trail.size());
  const intact = await core.ok<AuditVerification>('audit.verify', {}, core.admin);
  expect(intact).toMatchObject({ ok: true, firstBad: null, checkpoints: { ok: true, count: 2 }, witness: { state: 'ok', files: 2 } });
  return { core, target: a.checkpoint.treeSize + 1, head, a, b };
}

function rows(db: Database.Database, fromSeq: number): (StoredEvent & { actorKind: string; actorId: string | null })[] {
  return db
    .prepare(
      `SELECT seq, at, actor_kind AS actorKind, actor_id AS actorId, actor, action, subject_type AS subjectType, subject_id AS subjectId, outcome, payload, prev_hash AS prevHash, hash
         FROM audit_events WHERE seq >= ? ORDER BY seq`,
    )
    .all(fromSeq) as (StoredEvent & { actorKind: string; actorId: string | null })[];
}

/** Runs SQL against the closed site's database with the key, the append-only triggers dropped first; then verifies through the contract. */
async function tamper(trail: Trail, work: (db: Database.Database) => void): Promise<AuditVerification> {
  const { core } = trail;
  await core.close();
  open = null;
  const db = openRaw(core.site.paths.database, core.site.key());
  try {
    db.exec(`DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;
             DROP TRIGGER audit_checkpoints_signed; DROP TRIGGER audit_checkpoints_no_delete;`);
    db.transaction(() => work(db))();
  } finally {
    db.close();
  }
  const app = await CoreApp.start({ site: await core.site.open(core.clock), clock: core.clock, ownership: false, log: () => {} });
  try {
    const result = await app.dispatch({ op: 'audit.verify', input: {}, credential: core.admin, origin: ORIGIN });
    if (!result.ok) throw new Error(`audit.verify failed: ${JSON.stringify(result.error)}`);
    return result.value as AuditVerification;
  } finally {
    await app.close();
  }
}

const setPayload = (db: Database.Database, seq: number, payload: string) => db.prepare('UPDATE audit_events SET payload = ? WHERE seq = ?').run(payload, seq);

/** Rewrites every event from `fromSeq` on so that the chain links again: what an attacker with the key can do. */
function rechain(db: Database.Database, fromSeq: number): void {
  let previous = (db.prepare('SELECT hash FROM audit_events WHERE seq = ?').get(fromSeq - 1) as { hash: string }).hash;
  for (const row of rows(db, fromSeq)) {
    const hash = storedEventHash({ ...row, prevHash: previous });
    db.prepare('UPDATE audit_events SET prev_hash = ?, hash = ? WHERE seq = ?').run(previous, hash, row.seq);
    previous = hash;
  }
}

describe('tampering with the audit trail through raw SQL', () => {
  it('a changed payload is named by the chain', async () => {
    const trail = await trailWithCheckpoints();
    const result = await tamper(trail, (db) => setPayload(db, trail.target, '{"amount":{"currency":"EUR","value":"999999.00"},"note":"booking 0"}'));
    expect(result.ok).toBe(false);
    expect(result.firstBad?.seq).toBe(trail.target);
    expect(result.chain.firstBad).toMatchObject({ seq: trail.target, reason: expect.stringMatching(/content does not match its hash/) });
  });

  it('a changed hash is named', async () => {
    const trail = await trailWithCheckpoints();
    const result = await tamper(trail, (db) => db.prepare('UPDATE audit_events SET hash = ? WHERE seq = ?').run('ab'.repeat(32), trail.target));
    expect(result.ok).toBe(false);
    expect(result.firstBad?.seq).toBe(trail.target);
  });

  it('a deleted event is named', async () => {
    const trail = await trailWithCheckpoints();
    const result = await tamper(trail, (db) => db.prepare('DELETE FROM audit_events WHERE seq = ?').run(trail.target));
    expect(result.firstBad).toMatchObject({ seq: trail.target, reason: expect.stringMatching(/missing/) });
  });

  it('an inserted event is named', async () => {
    const trail = await trailWithCheckpoints();
    const result = await tamper(trail, (db) => {
      for (let seq = trail.head; seq >= trail.target; seq--) db.prepare('UPDATE audit_events SET seq = seq + 1 WHERE seq = ?').run(seq);
      const previous = (db.prepare('SELECT hash FROM audit_events WHERE seq = ?').get(trail.target - 1) as { hash: string }).hash;
      const forged = {
        seq: trail.target,
        at: '2026-11-30T09:00:00.000Z',
        actor: '{"component":"tamper-test","kind":"system"}',
        action: 'payment.booked',
        subjectType: 'payment',
        subjectId: 'p-forged',
        outcome: 'ok',
        payload: '{"amount":{"currency":"EUR","value":"5000.00"},"note":"forged"}',
        prevHash: previous,
      };
      db.prepare(
        `INSERT INTO audit_events (seq, at, actor_kind, actor_id, actor, action, subject_type, subject_id, outcome, payload, prev_hash, hash)
           VALUES (?, ?, 'system', 'system:tamper-test', ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        forged.seq,
        forged.at,
        forged.actor,
        forged.action,
        forged.subjectType,
        forged.subjectId,
        forged.outcome,
        forged.payload,
        forged.prevHash,
        storedEventHash({ ...forged, hash: '' }),
      );
    });
    expect(result.ok).toBe(false);
    // The forged event links to its predecessor; the one after it does not, and checkpoint B no longer matches from A on.
    expect(result.chain.firstBad?.seq).toBe(trail.target + 1);
    expect(result.firstBad?.seq).toBe(trail.target);
  });

  it('swapped events are named', async () => {
    const trail = await trailWithCheckpoints();
    const result = await tamper(trail, (db) => {
      const [x, y] = [trail.target, trail.target + 1];
      db.prepare('UPDATE audit_events SET seq = -1 WHERE seq = ?').run(x);
      db.prepare('UPDATE audit_events SET seq = ? WHERE seq = ?').run(x, y);
      db.prepare('UPDATE audit_events SET seq = ? WHERE seq = -1').run(y);
    });
    expect(result.ok).toBe(false);
    expect(result.firstBad?.seq).toBe(trail.target);
  });

  it('a truncated tail (with the stored checkpoints removed) is caught by the witness checkpoints', async () => {
    const trail = await trailWithCheckpoints();
    const keep = trail.b.checkpoint.treeSize - 3;
    const result = await tamper(trail, (db) => {
      db.prepare('DELETE FROM audit_events WHERE seq > ?').run(keep);
      db.prepare('DELETE FROM audit_checkpoints WHERE tree_size > ?').run(keep);
    });
    expect(result.chain.ok).toBe(true); // what is left is a perfectly linked chain
    expect(result.ok).toBe(false);
    expect(result.firstBad).toMatchObject({ seq: keep + 1, reason: expect.stringMatching(/events removed after seq/) });
  });

  it('a changed payload with every later hash recomputed (and the stored checkpoints removed) is caught by the witness checkpoints', async () => {
    const trail = await trailWithCheckpoints();
    const result = await tamper(trail, (db) => {
      setPayload(db, trail.target, '{"amount":{"currency":"EUR","value":"0.01"},"note":"booking 0"}');
      rechain(db, trail.target);
      db.prepare('DELETE FROM audit_checkpoints').run();
    });
    expect(result.chain.ok).toBe(true);
    expect(result.ok).toBe(false);
    expect(result.firstBad?.seq).toBe(trail.target);
    expect(result.checkpoints.problems.join(' ')).toMatch(/no longer have the root/);
  });

  it('without tampering, a key rotation keeps old checkpoints verifiable and exposes the new fingerprint', async () => {
    const trail = await trailWithCheckpoints();
    const { core } = trail;
    const rotated = await core.ok<{ previous: { keyId: string }; current: { keyId: string; fingerprint: string }; checkpoint: CheckpointRecord }>(
      'audit.rotateKey',
      { reason: 'yearly rotation' },
      core.admin,
    );
    expect(rotated.checkpoint.checkpoint.keyId).toBe(rotated.previous.keyId);
    expect(rotated.checkpoint.checkpoint.nextKey?.keyId).toBe(rotated.current.keyId);
    await appendEvents(core, 3);
    const after = await core.ok<CheckpointRecord>('checkpoints.create', {}, core.admin);
    expect(after.checkpoint.keyId).toBe(rotated.current.keyId);
    const settings = await core.ok<{ signingKey: { fingerprint: string }; keyHistory: unknown[] }>('evidence.settings', {}, core.admin);
    expect(settings.signingKey.fingerprint).toBe(rotated.current.fingerprint);
    expect(settings.signingKey.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(settings.keyHistory).toHaveLength(2);
    const verified = await core.ok<AuditVerification>('audit.verify', {}, core.admin);
    expect(verified).toMatchObject({ ok: true, checkpoints: { ok: true, count: 4 }, witness: { state: 'ok', files: 4 } });
  });
});
