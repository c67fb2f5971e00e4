import type { DataKey } from './data-key';
import type { KeyProviderConfig, KeyProviderKind, KeySlot } from '../site/site-config';

/**
 * A key provider keeps or wraps the site's data key; it never chooses one. Each provider
 * has two slots: `current`, the key the database is encrypted with, and `pending`, used
 * only while a rekey moves the database to a new key (see docs/adr/0003-rekey.md).
 */
export interface KeyProvider {
  readonly kind: KeyProviderKind;
  /** One line for `doctor` and error messages, e.g. "OS keychain (Secret Service), entry Clearline/data-key/…". */
  describe(): string;
  /** The key in the slot, or null if the slot is empty. Throws KeyUnavailableError when the provider cannot be reached. */
  load(slot: KeySlot): Promise<DataKey | null>;
  /** Stores the key in the slot and returns the provider configuration to persist in clearline.json. */
  save(slot: KeySlot, key: DataKey): Promise<KeyProviderConfig>;
  /** Empties the slot and returns the provider configuration to persist. */
  clear(slot: KeySlot): Promise<KeyProviderConfig>;
}

/** Where a provider gets what only a person or the service manager can give it. */
export interface KeyProviderContext {
  /** Asks for the operator passphrase; `confirm` asks twice, for a new one. */
  passphrase(request: { purpose: string; confirm: boolean }): Promise<string>;
  /** For the env provider: a file to write a newly generated key to (0600), instead of printing it. */
  newKeyFile?: string;
  /** Shows a newly generated key once to the operator (env provider at init). */
  revealKey(key: DataKey, instructions: string): void;
  env: NodeJS.ProcessEnv;
}

export class KeyUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyUnavailableError';
  }
}
