import { createRequire } from 'node:module';
import { DataKey } from '../data-key';
import { KeyUnavailableError, type KeyProvider } from '../key-provider';
import type { KeyProviderConfig, KeySlot } from '../../site/site-config';

type Keytar = typeof import('keytar');
const loadModule = createRequire(import.meta.url);

/**
 * The OS keychain through keytar: Secret Service on Linux, Keychain on macOS, Credential
 * Manager on Windows. If the keychain cannot be reached the operator is told so and how
 * to choose another provider; nothing falls back silently.
 */
export class KeychainProvider implements KeyProvider {
  readonly kind = 'keychain' as const;

  constructor(private readonly config: Extract<KeyProviderConfig, { kind: 'keychain' }>) {}

  describe(): string {
    return `OS keychain, entry "${this.config.service}" / "${this.config.account}"`;
  }

  private account(slot: KeySlot): string {
    return slot === 'current' ? this.config.account : `${this.config.account}/pending`;
  }

  private keytar(): Keytar {
    try {
      return loadModule('keytar') as Keytar;
    } catch (error) {
      throw unreachable(`the keytar module failed to load (${(error as Error).message})`);
    }
  }

  async load(slot: KeySlot): Promise<DataKey | null> {
    let stored: string | null;
    try {
      stored = await this.keytar().getPassword(this.config.service, this.account(slot));
    } catch (error) {
      throw unreachable((error as Error).message);
    }
    if (stored === null) return null;
    try {
      return DataKey.fromHex(stored);
    } catch {
      throw new KeyUnavailableError(
        `the keychain entry ${this.describe()} does not hold a Clearline data key; restore access with \`clearline recover --recovery-key …\``,
      );
    }
  }

  async save(slot: KeySlot, key: DataKey): Promise<KeyProviderConfig> {
    try {
      await this.keytar().setPassword(this.config.service, this.account(slot), key.hex());
    } catch (error) {
      throw unreachable((error as Error).message);
    }
    return this.config;
  }

  async clear(slot: KeySlot): Promise<KeyProviderConfig> {
    try {
      await this.keytar().deletePassword(this.config.service, this.account(slot));
    } catch (error) {
      throw unreachable((error as Error).message);
    }
    return this.config;
  }
}

function unreachable(detail: string): KeyUnavailableError {
  return new KeyUnavailableError(
    `the OS keychain is not reachable (${detail}). On Linux it needs a desktop session with a running, unlocked Secret Service (gnome-keyring or KWallet). ` +
      'Start one, or move the site to another key provider with `clearline key set-provider passphrase|keyfile|env` from a session where the keychain works, ' +
      'or regain access with `clearline recover --recovery-key … --key-provider …`.',
  );
}
