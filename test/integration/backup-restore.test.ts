import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestSite } from '../support/site';
import { useTempDirs } from '../support/temp';
import { recoveryKeyFrom, runCli } from '../support/cli';
import { sitePaths } from '../../src-main/core/site/data-dir';
import { openSite } from '../../src-main/core/site/open-site';
import { systemClock } from '../../src-main/core/clock/clocks';
import { testKeyContext } from '../support/site';
import type { OpenSite } from '../../src-main/core/site/open-site';

const tempDir = useTempDirs();

async function record(site: OpenSite, note: string): Promise<void> {
  await site.store.unit((tx) =>
    tx.audit.append({ actor: { kind: 'system', component: 'test' }, action: 'test.recorded', payload: { note } }, new Date().toISOString()),
  );
}

async function notes(site: OpenSite): Promise<string[]> {
  const events = await site.store.read((tx) => tx.audit.range(1, 10_000));
  return events.filter((e) => e.action === 'test.recorded').map((e) => String(e.payload.note));
}

describe('backup and restore', () => {
  it('round-trips records and attachments, and the backup holds no plaintext', async () => {
    const dir = tempDir();
    const site = await createTestSite(dir);
    const marker = `MARKER-${randomBytes(8).toString('hex')}`;
    let open = await site.open();
    await record(open, `${marker}-1`);
    const doc = open.attachments.put(Buffer.from(`scanned invoice ${marker}`));
    await open.close();

    const file = join(dir, 'site.clbak');
    const backup = await runCli(['--data-dir', site.paths.dataDir, 'backup', file]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stderr).toMatch(/backup: 100%/);
    expect(readFileSync(file).includes(Buffer.from(marker))).toBe(false);

    open = await site.open();
    await record(open, `${marker}-after-backup`);
    open.attachments.put(Buffer.from('a document added after the backup'));
    await open.close();

    const restore = await runCli(['--data-dir', site.paths.dataDir, 'restore', file]);
    expect(restore.code, restore.stderr).toBe(0);
    open = await site.open();
    expect(await notes(open)).toEqual([`${marker}-1`]);
    expect(open.attachments.list()).toEqual([doc.id]);
    expect(open.attachments.get(doc.id).toString()).toBe(`scanned invoice ${marker}`);
    const actions = (await open.store.read((tx) => tx.audit.range(1, 100))).map((e) => e.action);
    expect(actions).toContain('site.restored');
    await open.close();
  });

  it('restores on a new machine with only the recovery key', async () => {
    const dir = tempDir();
    const site = await createTestSite(dir);
    let open = await site.open();
    await record(open, 'before the disaster');
    const doc = open.attachments.put(Buffer.from('evidence'));
    await open.close();
    const file = join(dir, 'site.clbak');
    expect((await runCli(['--data-dir', site.paths.dataDir, 'backup', file])).code).toBe(0);

    const machine2 = sitePaths(join(dir, 'machine-2'));
    const newKeyFile = join(dir, 'machine-2.key');
    const withoutProvider = await runCli(['--data-dir', machine2.dataDir, 'restore', file, '--recovery-key', site.recoveryKey]);
    expect(withoutProvider.code).toBe(6);
    expect(withoutProvider.stderr).toMatch(/--key-provider/);

    const result = await runCli([
      '--data-dir',
      machine2.dataDir,
      'restore',
      file,
      '--recovery-key',
      site.recoveryKey,
      '--key-provider',
      'keyfile',
      '--key-file',
      newKeyFile,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/onto this new machine/);
    open = await openSite(machine2, testKeyContext(), systemClock);
    expect(await notes(open)).toEqual(['before the disaster']);
    expect(open.attachments.get(doc.id).toString()).toBe('evidence');
    expect(open.config.siteId).toBe(JSON.parse(readFileSync(site.paths.config, 'utf8')).siteId);
    await open.close();

    const wrongRecovery = await runCli([
      '--data-dir',
      join(dir, 'machine-3'),
      'restore',
      file,
      '--recovery-key',
      (await createTestSite(tempDir())).recoveryKey,
      '--key-provider',
      'keyfile',
      '--key-file',
      join(dir, 'k3'),
    ]);
    expect(wrongRecovery.code).toBe(4);
    expect(wrongRecovery.stderr).toMatch(/does not open this site or backup/);
  });

  it('re-issues the recovery key: the new key restores backups made after it, the old key only those made before', async () => {
    const dir = tempDir();
    const site = await createTestSite(dir);
    let open = await site.open();
    await record(open, 'before the re-issue');
    await open.close();
    const before = join(dir, 'before.clbak');
    expect((await runCli(['--data-dir', site.paths.dataDir, 'backup', before])).code).toBe(0);

    const reissued = await runCli(['--data-dir', site.paths.dataDir, 'recovery-key']);
    expect(reissued.code, reissued.stderr).toBe(0);
    const newKey = recoveryKeyFrom(reissued.stdout);
    expect(newKey).not.toBe(site.recoveryKey);
    expect(reissued.stdout).toMatch(/Keep the previous recovery key as long as you keep backups made before now/);

    open = await site.open();
    const events = await open.store.read((tx) => tx.audit.range(1, 10_000));
    expect(events.find((e) => e.action === 'site.recovery-key.reissued')).toMatchObject({
      actor: { kind: 'cli' },
      subject: { type: 'site', id: open.config.siteId },
    });
    await record(open, 'after the re-issue');
    await open.close();
    const after = join(dir, 'after.clbak');
    expect((await runCli(['--data-dir', site.paths.dataDir, 'backup', after])).code).toBe(0);

    /** Restores a backup onto a fresh data folder ("a new machine") with only a recovery key. */
    let machines = 0;
    const restoreOnNewMachine = async (file: string, recoveryKey: string) => {
      const machine = sitePaths(join(dir, `machine-${++machines}`));
      const result = await runCli([
        '--data-dir',
        machine.dataDir,
        'restore',
        file,
        '--recovery-key',
        recoveryKey,
        '--key-provider',
        'keyfile',
        '--key-file',
        join(dir, `machine-${machines}.key`),
      ]);
      return { result, machine };
    };

    // The new key restores a backup made after it, with everything up to the backup.
    const restored = await restoreOnNewMachine(after, newKey);
    expect(restored.result.code, restored.result.stderr).toBe(0);
    open = await openSite(restored.machine, testKeyContext(), systemClock);
    expect(await notes(open)).toEqual(['before the re-issue', 'after the re-issue']);
    await open.close();

    // Each backup carries the data key wrapped for the recovery key of its day: the old key
    // still restores the backup made before the re-issue, and opens nothing made after it.
    const oldOnOld = await restoreOnNewMachine(before, site.recoveryKey);
    expect(oldOnOld.result.code, oldOnOld.result.stderr).toBe(0);
    open = await openSite(oldOnOld.machine, testKeyContext(), systemClock);
    expect(await notes(open)).toEqual(['before the re-issue']);
    await open.close();
    const oldOnNew = await restoreOnNewMachine(after, site.recoveryKey);
    expect(oldOnNew.result.code).toBe(4);
    expect(oldOnNew.result.stderr).toMatch(/does not open this site or backup/);
    const newOnOld = await restoreOnNewMachine(before, newKey);
    expect(newOnOld.result.code).toBe(4);

    // Nor does the old key regain access to the live site: clearline.json holds the new wrap only.
    const recovered = await runCli([
      '--data-dir',
      site.paths.dataDir,
      'recover',
      '--recovery-key',
      site.recoveryKey,
      '--key-provider',
      'keyfile',
      '--key-file',
      join(dir, 'recovered.key'),
    ]);
    expect(recovered.code).toBe(4);
    expect(recovered.stderr).toMatch(/does not open this site or backup/);
  });

  it('rejects a backup with one flipped byte, and a restore while the site is in use', async () => {
    const dir = tempDir();
    const site = await createTestSite(dir);
    const file = join(dir, 'site.clbak');
    expect((await runCli(['--data-dir', site.paths.dataDir, 'backup', file])).code).toBe(0);
    const bytes = readFileSync(file);
    const flipped = Buffer.from(bytes);
    const at = bytes.length - 100;
    flipped[at] = (flipped[at] ?? 0) ^ 0x01;
    writeFileSync(join(dir, 'flipped.clbak'), flipped);
    const damaged = await runCli(['--data-dir', site.paths.dataDir, 'restore', join(dir, 'flipped.clbak')]);
    expect(damaged.code).toBe(6);
    expect(damaged.stderr).toMatch(/altered or damaged/);

    const inUse = await site.open();
    try {
      const busy = await runCli(['--data-dir', site.paths.dataDir, 'restore', file]);
      expect(busy.code).toBe(5);
      expect(busy.stderr).toMatch(/cannot restore while the site .* is in use/);
    } finally {
      await inUse.close();
    }

    const overwrite = await runCli(['--data-dir', site.paths.dataDir, 'backup', file]);
    expect(overwrite.code).toBe(1);
    expect(overwrite.stderr).toMatch(/already exists/);
  });
});
