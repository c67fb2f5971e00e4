import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultDataDir } from '../../../src-main/core/site/data-dir';
import { checkSite, noSiteMessage } from '../../../src-main/electron/site-check';

let dir: string;
const box = { alg: 'A256GCM', iv: 'aXY=', ct: 'Y3Q=', tag: 'dGFn' };

function siteWith(name: string, keyProvider: object): string {
  const dataDir = join(dir, name);
  mkdirSync(dataDir);
  const config = {
    format: 1,
    siteId: 'site-1',
    siteName: name,
    createdAt: '2026-11-29T00:00:00.000Z',
    keyProvider,
    dataKeyId: '0123456789abcdef',
    recovery: {
      publicKey: 'pk',
      issuedAt: '2026-11-29T00:00:00.000Z',
      wrappedDataKey: { scheme: 'x25519-hkdf-sha256-a256gcm', ephemeralPublicKey: 'epk', box },
    },
  };
  writeFileSync(join(dataDir, 'clearline.json'), JSON.stringify(config));
  return dataDir;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clearline-site-check-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the site check before the window opens', () => {
  it('tells a passphrase site from one whose key needs no person', () => {
    const passphrase = siteWith('north', { kind: 'passphrase', kdf: { name: 'scrypt', N: 131072, r: 8, p: 1, salt: 'c2FsdA==' }, wrapped: { current: box } });
    const keychain = siteWith('south', { kind: 'keychain', service: 'Clearline', account: 'data-key/site-1' });
    expect(checkSite(passphrase)).toEqual({ kind: 'ready', needsPassphrase: true });
    expect(checkSite(keychain)).toEqual({ kind: 'ready', needsPassphrase: false });
  });

  it('reports a missing site and an unreadable configuration apart', () => {
    expect(checkSite(join(dir, 'nothing-here'))).toEqual({ kind: 'missing' });
    mkdirSync(join(dir, 'broken'));
    writeFileSync(join(dir, 'broken', 'clearline.json'), '{ not json');
    expect(checkSite(join(dir, 'broken'))).toMatchObject({ kind: 'invalid', message: expect.stringContaining('not valid JSON') });
  });

  it('explains how to create a site with the command this installation has', () => {
    const packaged = { packaged: true, resourcesPath: 'C:\\Program Files\\Clearline\\resources', appImage: undefined };
    expect(noSiteMessage(defaultDataDir(), { ...packaged, platform: 'linux' }).detail).toContain('  clearline init --key-provider');
    expect(noSiteMessage(defaultDataDir(), { ...packaged, platform: 'win32' }).detail).toContain('clearline.cmd" init');
    expect(noSiteMessage(defaultDataDir(), { ...packaged, platform: 'linux', appImage: '/home/a/Clearline.AppImage' }).detail).toContain(
      '"/home/a/Clearline.AppImage" --cli init',
    );
    expect(noSiteMessage('/srv/site', { ...packaged, platform: 'linux' }).detail).toContain('clearline --data-dir "/srv/site" init');
    expect(noSiteMessage(defaultDataDir(), { ...packaged, packaged: false, platform: 'linux' }).detail).toContain('npx clearline init');
  });
});
