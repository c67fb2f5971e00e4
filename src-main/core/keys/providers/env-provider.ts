import { existsSync, readFileSync } from 'node:fs';
import { DataKey } from '../data-key';
import { KeyUnavailableError, type KeyProvider, type KeyProviderContext } from '../key-provider';
import { writeFileAtomic } from '../../fs/durable-fs';
import type { KeyProviderConfig, KeySlot } from '../../site/site-config';

type EnvConfig = Extract<KeyProviderConfig, { kind: 'env' }>;

/**
 * Service mode where the service manager injects the key as an environment variable. The
 * variable is outside Clearline's reach, so a newly generated key is handed to the operator
 * (printed once at init, written to a 0600 file at rekey) to put into the variable.
 */
export class EnvProvider implements KeyProvider {
  readonly kind = 'env' as const;

  constructor(
    private config: EnvConfig,
    private readonly ctx: KeyProviderContext,
  ) {}

  describe(): string {
    return `environment variable ${this.config.variable}`;
  }

  async load(slot: KeySlot): Promise<DataKey | null> {
    if (slot === 'pending') {
      const file = this.config.pendingKeyFile;
      return file && existsSync(file) ? DataKey.fromHex(readFileSync(file, 'utf8')) : null;
    }
    const value = this.ctx.env[this.config.variable];
    if (!value) {
      throw new KeyUnavailableError(
        `the environment variable ${this.config.variable} is not set: the service manager must provide the site's data key in it (64 hex characters)`,
      );
    }
    try {
      return DataKey.fromHex(value);
    } catch {
      throw new KeyUnavailableError(`the environment variable ${this.config.variable} does not hold a data key: it must be 64 hexadecimal characters`);
    }
  }

  async save(slot: KeySlot, key: DataKey): Promise<KeyProviderConfig> {
    if (slot === 'current') {
      // Promoting a rekey's key: it already waits in the pending file for the operator.
      const pending = await this.load('pending');
      if (pending?.equals(key)) return this.config;
      this.ctx.revealKey(key, `Set ${this.config.variable} to this value in the service's environment before the next start.`);
      return this.config;
    }
    const file = this.ctx.newKeyFile;
    if (!file)
      throw new KeyUnavailableError(
        `the env provider cannot store a new key by itself: pass --new-key-file <path> and then move the key into ${this.config.variable}`,
      );
    writeFileAtomic(file, `${key.hex()}\n`, 0o600);
    this.config = { ...this.config, pendingKeyFile: file };
    return this.config;
  }

  async clear(slot: KeySlot): Promise<KeyProviderConfig> {
    if (slot === 'current') throw new Error('the env provider cannot clear the variable');
    // The pending key file stays until the operator has moved the key into the variable;
    // only the config's pointer to it is dropped.
    const { pendingKeyFile: _dropped, ...rest } = this.config;
    this.config = rest;
    return this.config;
  }
}
