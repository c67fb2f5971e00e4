import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { DataKey } from '../../src-main/core/keys/data-key';
import { KeyRejectedError, openEncrypted } from '../../src-main/core/store/sqlite/connection';
import { createTestSite, type TestSite } from '../support/site';
import { useTempDirs } from '../support/temp';
import { collect, runCli, startCli } from '../support/cli';

const tempDir = useTempDirs();

async function seed(site: TestSite, count: number): Promise<void> {
  const open = await site.open();
  for (let i = 0; i < count; i++) {
    await open.store.unit((tx) =>
      tx.audit.append({ actor: { kind: 'system', component: 'test' }, action: 'test.recorded', payload: { i } }, new Date().toISOString()),
    );
  }
  await open.close();
}

function opensWith(site: TestSite, key: DataKey): boolean {
  try {
    openEncrypted(site.paths.database, key, { readonly: true }).close();
    return true;
  } catch (error) {
    if (error instanceof KeyRejectedError) return false;
    throw error;
  }
}

async function recordedCount(site: TestSite): Promise<number> {
  const open = await site.open();
  try {
    return (await open.store.read((tx) => tx.audit.range(1, 100_000))).filter((e) => e.action === 'test.recorded').length;
  } finally {
    await open.close();
  }
}

describe('rekey', () => {
  it('keeps all data, and the old key no longer opens the database', async () => {
    const site = await createTestSite(tempDir());
    await seed(site, 50);
    const oldKey = site.key();
    const result = await runCli(['--data-dir', site.paths.dataDir, 'rekey']);
    expect(result.code, result.stderr).toBe(0);
    const newKey = site.key();
    expect(newKey.equals(oldKey)).toBe(false);
    expect(opensWith(site, oldKey)).toBe(false);
    expect(opensWith(site, newKey)).toBe(true);
    expect(await recordedCount(site)).toBe(50);
    expect(JSON.parse(readFileSync(site.paths.config, 'utf8')).dataKeyId).toBe(newKey.id);
    const doctor = await runCli(['--data-dir', site.paths.dataDir, 'doctor']);
    expect(doctor.code, doctor.stdout).toBe(0);
  });

  it.each(['rekey.copied', 'rekey.rekeyed-copy', 'rekey.pending-recorded', 'rekey.renamed', 'rekey.promoted'])(
    'killed at %s leaves a database that opens with one of the two keys and loses nothing',
    async (point) => {
      const site = await createTestSite(tempDir());
      await seed(site, 20);
      const oldKey = site.key();
      const killed = await runCli(['--data-dir', site.paths.dataDir, 'rekey'], { env: { CLEARLINE_FAULT: point } });
      expect(killed.signal).toBe('SIGKILL');
      const pendingFile = `${site.keyFile}.pending`;
      const pendingKey = existsSync(pendingFile) ? DataKey.fromHex(readFileSync(pendingFile, 'utf8')) : null;
      expect(opensWith(site, oldKey) || (pendingKey !== null && opensWith(site, pendingKey)) || opensWith(site, site.key())).toBe(true);

      const doctor = await runCli(['--data-dir', site.paths.dataDir, 'doctor']);
      expect(doctor.code, doctor.stdout + doctor.stderr).toBe(0);
      expect(await recordedCount(site)).toBe(20);
      expect(existsSync(site.paths.rekeyTemp)).toBe(false);
      expect(existsSync(pendingFile)).toBe(false);
      // A completed rekey after the crash works as usual.
      expect((await runCli(['--data-dir', site.paths.dataDir, 'rekey'])).code).toBe(0);
      expect(await recordedCount(site)).toBe(20);
    },
  );

  it('survives SIGKILL at random moments', async () => {
    const site = await createTestSite(tempDir());
    await seed(site, 200);
    const timing = Date.now();
    expect((await runCli(['--data-dir', site.paths.dataDir, 'rekey'])).code).toBe(0);
    const duration = Date.now() - timing;
    for (let round = 0; round < 10; round++) {
      const child = startCli(['--data-dir', site.paths.dataDir, 'rekey']);
      const done = collect(child);
      setTimeout(() => child.kill('SIGKILL'), Math.random() * duration);
      await done;
      const doctor = await runCli(['--data-dir', site.paths.dataDir, 'doctor']);
      expect(doctor.code, `round ${round}: ${doctor.stdout}${doctor.stderr}`).toBe(0);
      expect(await recordedCount(site)).toBe(200);
    }
  });
});
