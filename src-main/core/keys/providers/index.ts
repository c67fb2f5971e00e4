import type { KeyProvider, KeyProviderContext } from '../key-provider';
import type { KeyProviderConfig } from '../../site/site-config';
import { KeychainProvider } from './keychain-provider';
import { PassphraseProvider } from './passphrase-provider';
import { KeyFileProvider } from './keyfile-provider';
import { EnvProvider } from './env-provider';

export { KeychainProvider, PassphraseProvider, KeyFileProvider, EnvProvider };

export const KEYCHAIN_SERVICE = 'Clearline';

/** Builds the provider a site's config names. There is deliberately no default and no fallback. */
export function providerFor(config: KeyProviderConfig, siteId: string, ctx: KeyProviderContext): KeyProvider {
  switch (config.kind) {
    case 'keychain':
      return new KeychainProvider(config);
    case 'passphrase':
      return new PassphraseProvider(config, siteId, ctx);
    case 'keyfile':
      return new KeyFileProvider(config);
    case 'env':
      return new EnvProvider(config, ctx);
  }
}

/** What an operator chooses at `init` or `key set-provider`; turned into a fresh provider. */
export type ProviderChoice = { kind: 'keychain' } | { kind: 'passphrase' } | { kind: 'keyfile'; path: string } | { kind: 'env'; variable: string };

export function freshProvider(choice: ProviderChoice, siteId: string, ctx: KeyProviderContext): KeyProvider {
  switch (choice.kind) {
    case 'keychain':
      return new KeychainProvider({ kind: 'keychain', service: KEYCHAIN_SERVICE, account: `data-key/${siteId}` });
    case 'passphrase':
      return PassphraseProvider.fresh(siteId, ctx);
    case 'keyfile':
      return new KeyFileProvider({ kind: 'keyfile', path: choice.path });
    case 'env':
      return new EnvProvider({ kind: 'env', variable: choice.variable }, ctx);
  }
}
