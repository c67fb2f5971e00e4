import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir, sitePaths } from '../core/site/data-dir';
import { readSiteConfig } from '../core/site/site-config';

export type SiteCheck = { kind: 'ready'; needsPassphrase: boolean } | { kind: 'missing' } | { kind: 'invalid'; message: string };

/**
 * What the data folder holds, before any window opens: a site (and whether its key waits
 * for the operator's passphrase), nothing yet, or a configuration the core cannot read.
 */
export function checkSite(dataDir: string): SiteCheck {
  const paths = sitePaths(dataDir);
  if (!existsSync(paths.config)) return { kind: 'missing' };
  try {
    return { kind: 'ready', needsPassphrase: readSiteConfig(paths.config).keyProvider.kind === 'passphrase' };
  } catch (error) {
    return { kind: 'invalid', message: (error as Error).message };
  }
}

export interface Launcher {
  packaged: boolean;
  platform: NodeJS.Platform;
  /** process.resourcesPath: where the Windows `clearline.cmd` launcher is installed. */
  resourcesPath: string;
  /** $APPIMAGE when running from an AppImage, which installs no `clearline` command. */
  appImage: string | undefined;
}

/**
 * The dialog text when there is no site yet. Creating one means choosing where its data
 * key is kept and writing down a recovery key shown once, which stays a deliberate CLI step
 * for an administrator rather than a first-run screen anyone at the machine could click through.
 */
export function noSiteMessage(dataDir: string, launcher: Launcher): { title: string; message: string; detail: string } {
  const command = !launcher.packaged
    ? 'npx clearline'
    : launcher.platform === 'win32'
      ? `"${join(launcher.resourcesPath, 'clearline.cmd')}"`
      : launcher.appImage
        ? `"${launcher.appImage}" --cli`
        : 'clearline';
  const dataDirOption = dataDir === defaultDataDir() ? '' : ` --data-dir "${dataDir}"`;
  return {
    title: 'Clearline',
    message: 'There is no Clearline site on this computer yet.',
    detail: [
      `No site was found in ${dataDir}.`,
      'An administrator creates one in a terminal, choosing where its data key is kept:',
      `  ${command}${dataDirOption} init --key-provider keychain|passphrase|keyfile|env`,
      'Then start Clearline again.',
    ].join('\n'),
  };
}
