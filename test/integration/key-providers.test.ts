import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { useTempDirs } from '../support/temp';
import { recoveryKeyFrom, runCli } from '../support/cli';

const tempDir = useTempDirs();
type Keytar = typeof import('keytar');
const keytar = createRequire(import.meta.url)('keytar') as Keytar;
const PASS = 'a long operator passphrase';

function siteConfig(dataDir: string) {
  return JSON.parse(readFileSync(join(dataDir, 'clearline.json'), 'utf8'));
}

describe('key providers', () => {
  it('keychain: keeps the data key in the real Secret Service', async () => {
    expect(process.env.DBUS_SESSION_BUS_ADDRESS, 'run through `npm test`, which starts a D-Bus session with gnome-keyring').toBeTruthy();
    const dataDir = join(tempDir(), 'site');
    const init = await runCli(['--data-dir', dataDir, 'init', '--key-provider', 'keychain']);
    expect(init.code, init.stderr).toBe(0);
    const config = siteConfig(dataDir);
    expect(config.keyProvider).toEqual({ kind: 'keychain', service: 'Clearline', account: `data-key/${config.siteId}` });
    const stored = await keytar.getPassword('Clearline', `data-key/${config.siteId}`);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(config)).not.toContain(stored);

    const doctor = await runCli(['--data-dir', dataDir, 'doctor']);
    expect(doctor.code, doctor.stdout).toBe(0);
    expect(doctor.stdout).toMatch(/OK\s+key provider: OS keychain/);

    // Rekey stores the new key in the keychain and removes the pending entry.
    expect((await runCli(['--data-dir', dataDir, 'rekey'])).code).toBe(0);
    const rekeyed = await keytar.getPassword('Clearline', `data-key/${config.siteId}`);
    expect(rekeyed).not.toBe(stored);
    expect(await keytar.getPassword('Clearline', `data-key/${config.siteId}/pending`)).toBeNull();

    // Keychain wiped: the recovery key regains access.
    await keytar.deletePassword('Clearline', `data-key/${config.siteId}`);
    const lost = await runCli(['--data-dir', dataDir, 'doctor']);
    expect(lost.code).toBe(3);
    expect(lost.stdout).toMatch(/holds no data key for this site/);
    const recover = await runCli(['--data-dir', dataDir, 'recover', '--recovery-key', recoveryKeyFrom(init.stdout), '--key-provider', 'keychain']);
    expect(recover.code, recover.stderr).toBe(0);
    expect((await runCli(['--data-dir', dataDir, 'doctor'])).code).toBe(0);
    await keytar.deletePassword('Clearline', `data-key/${config.siteId}`);
  });

  it('keychain without a Secret Service: a clear error, no site and no plaintext fallback', async () => {
    const dataDir = join(tempDir(), 'site');
    const env = { PATH: process.env.PATH, HOME: process.env.HOME };
    const init = await runCli(['--data-dir', dataDir, 'init', '--key-provider', 'keychain'], { env, cleanEnv: true });
    expect(init.code).toBe(4);
    expect(init.stderr).toMatch(/the OS keychain is not reachable/);
    expect(init.stderr).toMatch(/passphrase\|keyfile\|env/);
    expect(existsSync(join(dataDir, 'clearline.db'))).toBe(false);
    expect(existsSync(join(dataDir, 'clearline.json'))).toBe(false);
  });

  it('passphrase: scrypt-wrapped key, wrong passphrase refused, passphrase change re-wraps', async () => {
    const dataDir = join(tempDir(), 'site');
    const tooShort = await runCli(['--data-dir', dataDir, 'init', '--key-provider', 'passphrase'], { env: { CLEARLINE_NEW_PASSPHRASE: 'short' } });
    expect(tooShort.code).toBe(4);
    expect(tooShort.stderr).toMatch(/at least 12 characters/);

    const init = await runCli(['--data-dir', dataDir, 'init', '--key-provider', 'passphrase'], { env: { CLEARLINE_NEW_PASSPHRASE: PASS } });
    expect(init.code, init.stderr).toBe(0);
    const provider = siteConfig(dataDir).keyProvider;
    expect(provider.kdf).toMatchObject({ name: 'scrypt', N: 131072, r: 8, p: 1 });
    expect(provider.wrapped.current.alg).toBe('A256GCM');

    expect((await runCli(['--data-dir', dataDir, 'doctor'], { env: { CLEARLINE_PASSPHRASE: PASS } })).code).toBe(0);
    const wrong = await runCli(['--data-dir', dataDir, 'doctor'], { env: { CLEARLINE_PASSPHRASE: 'not the passphrase at all' } });
    expect(wrong.code).toBe(3);
    expect(wrong.stdout).toMatch(/the passphrase is wrong/);
    const noTty = await runCli(['--data-dir', dataDir, 'backup', join(dataDir, '..', 'b.clbak')], { env: { CLEARLINE_PASSPHRASE: '' } });
    expect(noTty.code).toBe(2);
    expect(noTty.stderr).toMatch(/no terminal to ask on/);

    const change = await runCli(['--data-dir', dataDir, 'key', 'change-passphrase'], {
      env: { CLEARLINE_PASSPHRASE: PASS, CLEARLINE_NEW_PASSPHRASE: 'the new operator passphrase' },
    });
    expect(change.code, change.stderr).toBe(0);
    expect((await runCli(['--data-dir', dataDir, 'doctor'], { env: { CLEARLINE_PASSPHRASE: PASS } })).code).toBe(3);
    expect((await runCli(['--data-dir', dataDir, 'doctor'], { env: { CLEARLINE_PASSPHRASE: 'the new operator passphrase' } })).code).toBe(0);
  });

  it('key file: 0600, moved to another provider without rewriting the database', async () => {
    const dir = tempDir();
    const dataDir = join(dir, 'site');
    const keyFile = join(dir, 'keys', 'site.key');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'keys'));
    expect((await runCli(['--data-dir', dataDir, 'init', '--key-provider', 'keyfile', '--key-file', keyFile])).code).toBe(0);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const before = readFileSync(join(dataDir, 'clearline.db'));
    const moved = await runCli(['--data-dir', dataDir, 'key', 'set-provider', '--key-provider', 'passphrase'], { env: { CLEARLINE_NEW_PASSPHRASE: PASS } });
    expect(moved.code, moved.stderr).toBe(0);
    rmSync(keyFile);
    expect((await runCli(['--data-dir', dataDir, 'doctor'], { env: { CLEARLINE_PASSPHRASE: PASS } })).code).toBe(0);
    expect(readFileSync(join(dataDir, 'clearline.db')).subarray(0, 4096).equals(before.subarray(0, 4096))).toBe(true);
  });

  it('env: the key is handed over once and read from the variable', async () => {
    const dir = tempDir();
    const dataDir = join(dir, 'site');
    const init = await runCli(['--data-dir', dataDir, 'init', '--key-provider', 'env', '--key-env', 'SITE_KEY']);
    expect(init.code, init.stderr).toBe(0);
    const key = /Data key \(shown once\): ([0-9a-f]{64})/.exec(init.stdout)?.[1];
    expect(key).toBeDefined();
    const missing = await runCli(['--data-dir', dataDir, 'doctor']);
    expect(missing.code).toBe(3);
    expect(missing.stdout).toMatch(/SITE_KEY is not set/);
    expect((await runCli(['--data-dir', dataDir, 'doctor'], { env: { SITE_KEY: key } })).code).toBe(0);

    const noFile = await runCli(['--data-dir', dataDir, 'rekey'], { env: { SITE_KEY: key } });
    expect(noFile.code).toBe(4);
    expect(noFile.stderr).toMatch(/--new-key-file/);
    const newKeyFile = join(dir, 'new.key');
    expect((await runCli(['--data-dir', dataDir, 'rekey', '--new-key-file', newKeyFile], { env: { SITE_KEY: key } })).code).toBe(0);
    const stale = await runCli(['--data-dir', dataDir, 'doctor'], { env: { SITE_KEY: key } });
    expect(stale.code).toBe(3);
    expect(stale.stdout).toMatch(/after a rekey, put the new key into the variable/);
    const newKey = readFileSync(newKeyFile, 'utf8').trim();
    expect((await runCli(['--data-dir', dataDir, 'doctor'], { env: { SITE_KEY: newKey } })).code).toBe(0);
  });
});
