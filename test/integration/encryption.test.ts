import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { DataKey } from '../../src-main/core/keys/data-key';
import { KeyRejectedError, openEncrypted } from '../../src-main/core/store/sqlite/connection';
import { decryptSqlcipher4 } from '../support/sqlcipher4';
import { createTestSite } from '../support/site';
import { useTempDirs } from '../support/temp';
import { runCli } from '../support/cli';
import { openRaw } from '../support/raw-db';

const tempDir = useTempDirs();

function containsMarker(path: string, marker: string): boolean {
  return existsSync(path) && readFileSync(path).includes(Buffer.from(marker));
}

describe('the encrypted store', () => {
  it('holds no plaintext of a stored record, in the database, its WAL or an attachment', async () => {
    const site = await createTestSite(tempDir());
    const marker = `MARKER-${randomBytes(8).toString('hex')}`;
    const open = await site.open();
    await open.store.unit((tx) =>
      tx.audit.append({ actor: { kind: 'system', component: 'test' }, action: 'test.recorded', payload: { note: marker } }, new Date().toISOString()),
    );
    const attachment = open.attachments.put(Buffer.from(`invoice ${marker}`));
    expect(containsMarker(`${site.paths.database}-wal`, marker)).toBe(false);
    await open.close();

    expect(containsMarker(site.paths.database, marker)).toBe(false);
    expect(containsMarker(`${site.paths.database}-wal`, marker)).toBe(false);
    expect(containsMarker(`${site.paths.attachments}/${attachment.id}.cla`, marker)).toBe(false);
    const reopened = await site.open();
    expect(reopened.attachments.get(attachment.id).toString()).toBe(`invoice ${marker}`);
    await reopened.close();
  });

  it('is SQLCipher 4: an independent implementation opens it with the raw data key', async () => {
    const site = await createTestSite(tempDir());
    const marker = `MARKER-${randomBytes(8).toString('hex')}`;
    const open = await site.open();
    await open.store.unit((tx) =>
      tx.audit.append({ actor: { kind: 'system', component: 'test' }, action: 'test.recorded', payload: { note: marker } }, new Date().toISOString()),
    );
    await open.close();

    const image = site.key().use((raw) => decryptSqlcipher4(readFileSync(site.paths.database), raw));
    expect(image.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    image[18] = 1; // WAL → rollback journal, so the image can be read from memory.
    image[19] = 1;
    const plain = new Database(image);
    const row = plain.prepare("SELECT payload FROM audit_events WHERE action = 'test.recorded'").get() as { payload: string };
    expect(JSON.parse(row.payload)).toEqual({ note: marker });
    plain.close();

    const wrong = DataKey.generate();
    expect(() => wrong.use((raw) => decryptSqlcipher4(readFileSync(site.paths.database), raw))).toThrow(/HMAC mismatch/);
  });

  it('refuses a wrong key cleanly, in code and at the command line', async () => {
    const dir = tempDir();
    const site = await createTestSite(dir);
    expect(() => openEncrypted(site.paths.database, DataKey.generate())).toThrow(KeyRejectedError);

    // A doctor run that opens the store is audited with the OS user; one that cannot, is not.
    const key = site.key();
    const doctorRuns = () => {
      const db = openRaw(site.paths.database, key);
      try {
        return db.prepare("SELECT actor, outcome, payload FROM audit_events WHERE action = 'site.doctor.run'").all() as {
          actor: string;
          outcome: string;
          payload: string;
        }[];
      } finally {
        db.close();
      }
    };
    const healthy = await runCli(['--data-dir', site.paths.dataDir, 'doctor']);
    expect(healthy.code, healthy.stdout).toBe(0);
    expect(healthy.stdout).toMatch(/OK\s+audit: this run is recorded in the audit trail/);
    const [run] = doctorRuns();
    expect(JSON.parse(run?.actor ?? '{}')).toMatchObject({ kind: 'cli', osUser: expect.any(String) });
    expect(run?.outcome).toBe('ok');
    expect(JSON.parse(run?.payload ?? '{}').checks).toEqual(expect.arrayContaining([{ name: 'integrity', status: 'ok' }]));

    writeFileSync(site.keyFile, `${DataKey.generate().hex()}\n`, { mode: 0o600 });
    const wrongKey = await runCli(['--data-dir', site.paths.dataDir, 'doctor']);
    expect(wrongKey.code).toBe(3);
    expect(wrongKey.stdout).toMatch(/FAIL\s+key provider: .*holds data key [0-9a-f]{16}, but this site is encrypted with data key/);
    expect(wrongKey.stdout).toMatch(/clearline recover --recovery-key/);
    expect(doctorRuns()).toHaveLength(1); // the failed run could not open the store, so it wrote nothing

    const backup = await runCli(['--data-dir', site.paths.dataDir, 'backup', `${dir}/b.clbak`]);
    expect(backup.code).toBe(4);
    expect(backup.stderr).toMatch(/^clearline: .*data key/);
    expect(backup.stderr).not.toMatch(/\n\s+at /);
  });

  it('fails with what to do when the key is missing', async () => {
    const dir = tempDir();
    const site = await createTestSite(dir);
    const { rmSync } = await import('node:fs');
    rmSync(site.keyFile);
    const result = await runCli(['--data-dir', site.paths.dataDir, 'backup', `${dir}/b.clbak`]);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(`the key file ${site.keyFile} is missing`);
    expect(result.stderr).toContain('clearline recover --recovery-key');

    const noSite = await runCli(['--data-dir', `${dir}/nothing-here`, 'doctor']);
    expect(noSite.code).toBe(3);
    expect(noSite.stdout).toMatch(/run `clearline init`/);
  });
});
