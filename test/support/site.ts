import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { systemClock } from '../../src-main/core/clock/clocks';
import type { KeyProviderContext } from '../../src-main/core/keys/key-provider';
import { DataKey } from '../../src-main/core/keys/data-key';
import { initSite } from '../../src-main/core/maintenance/init-site';
import { sitePaths, type SitePaths } from '../../src-main/core/site/data-dir';
import { openSite, type OpenSite } from '../../src-main/core/site/open-site';
import type { Clock } from '@shared/domain/time';

export function testKeyContext(passphrase = 'correct horse battery staple'): KeyProviderContext {
  return {
    env: process.env,
    passphrase: async () => passphrase,
    revealKey: () => {},
  };
}

export interface TestSite {
  paths: SitePaths;
  keyFile: string;
  recoveryKey: string;
  key(): DataKey;
  open(clock?: Clock): Promise<OpenSite>;
}

/** A real site (SQLCipher file, key file provider) created in-process in `dir`. */
export async function createTestSite(dir: string, siteName = 'Test site'): Promise<TestSite> {
  const paths = sitePaths(join(dir, 'site'));
  const keyFile = join(dir, 'data.key');
  const { recoveryKey } = await initSite({ paths, siteName, provider: { kind: 'keyfile', path: keyFile }, ctx: testKeyContext(), clock: systemClock });
  return {
    paths,
    keyFile,
    recoveryKey,
    key: () => DataKey.fromHex(readFileSync(keyFile, 'utf8')),
    open: (clock = systemClock) => openSite(paths, testKeyContext(), clock),
  };
}
