import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { resolveDataDir, sitePaths, type SitePaths } from '../core/site/data-dir';
import { KEY_PROVIDER_KINDS } from '../core/site/site-config';
import type { ProviderChoice } from '../core/keys/providers';
import { UsageError } from './exit-codes';
import type { SecretSources } from './prompt';

export interface GlobalOptions {
  dataDir?: string;
  passphraseFile?: string;
}

export function globalOptions(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals<GlobalOptions>();
}

export function pathsOf(cmd: Command): SitePaths {
  return sitePaths(resolveDataDir(globalOptions(cmd).dataDir));
}

export function secretSources(cmd: Command): SecretSources {
  const o = cmd.optsWithGlobals<{ passphraseFile?: string; newPassphraseFile?: string; newKeyFile?: string }>();
  return {
    ...(o.passphraseFile ? { passphraseFile: o.passphraseFile } : {}),
    ...(o.newPassphraseFile ? { newPassphraseFile: o.newPassphraseFile } : {}),
    ...(o.newKeyFile ? { newKeyFile: resolve(o.newKeyFile) } : {}),
  };
}

/** Adds the options that choose a key provider (init, restore on a new machine, key set-provider, recover). */
export function withProviderChoice(cmd: Command, required: boolean): Command {
  const kind = new Option('--key-provider <kind>', 'where the data key is kept: keychain (OS keychain), passphrase (scrypt-wrapped), keyfile, env').choices(
    KEY_PROVIDER_KINDS,
  );
  if (required) kind.makeOptionMandatory();
  return cmd
    .addOption(kind)
    .option('--key-file <path>', 'with --key-provider keyfile: where to keep the key (0600; ideally another volume)')
    .option('--key-env <variable>', 'with --key-provider env: the variable the service manager sets', 'CLEARLINE_DATA_KEY')
    .option(
      '--new-passphrase-file <path>',
      'with --key-provider passphrase: read the new passphrase from this file (else CLEARLINE_NEW_PASSPHRASE, else a prompt)',
    );
}

export function providerChoice(cmd: Command): ProviderChoice | undefined {
  const o = cmd.opts<{ keyProvider?: ProviderChoice['kind']; keyFile?: string; keyEnv: string }>();
  switch (o.keyProvider) {
    case undefined:
      return undefined;
    case 'keyfile':
      if (!o.keyFile) throw new UsageError('--key-provider keyfile needs --key-file <path>: where the key file is kept');
      return { kind: 'keyfile', path: resolve(o.keyFile) };
    case 'env':
      return { kind: 'env', variable: o.keyEnv };
    default:
      return { kind: o.keyProvider };
  }
}
