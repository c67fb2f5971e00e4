import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { DataKey } from '../data-key';
import { KeyUnavailableError, type KeyProvider } from '../key-provider';
import { writeFileAtomic } from '../../fs/durable-fs';
import type { KeyProviderConfig, KeySlot } from '../../site/site-config';

type KeyFileConfig = Extract<KeyProviderConfig, { kind: 'keyfile' }>;

/**
 * Service mode: the data key in a file only the service account can read (0600), typically
 * on a separate volume or mounted by the service manager (systemd credentials, a
 * Kubernetes secret). The file holds the key as 64 hex characters.
 */
export class KeyFileProvider implements KeyProvider {
  readonly kind = 'keyfile' as const;

  constructor(private readonly config: KeyFileConfig) {}

  describe(): string {
    return `key file ${this.config.path}`;
  }

  private path(slot: KeySlot): string {
    return slot === 'current' ? this.config.path : `${this.config.path}.pending`;
  }

  /** Group- or world-readable key files are reported by doctor; the key is still usable. */
  permissionProblem(): string | null {
    if (process.platform === 'win32' || !existsSync(this.config.path)) return null;
    const mode = statSync(this.config.path).mode & 0o777;
    return mode & 0o077 ? `key file ${this.config.path} is readable by others (mode ${mode.toString(8)}); run chmod 600 on it` : null;
  }

  async load(slot: KeySlot): Promise<DataKey | null> {
    const path = this.path(slot);
    if (!existsSync(path)) {
      if (slot === 'pending') return null;
      throw new KeyUnavailableError(`the key file ${path} is missing: mount or restore it, or regain access with \`clearline recover --recovery-key …\``);
    }
    try {
      return DataKey.fromHex(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new KeyUnavailableError(`the key file ${path} cannot be used (${(error as Error).message})`);
    }
  }

  async save(slot: KeySlot, key: DataKey): Promise<KeyProviderConfig> {
    writeFileAtomic(this.path(slot), `${key.hex()}\n`, 0o600);
    return this.config;
  }

  async clear(slot: KeySlot): Promise<KeyProviderConfig> {
    if (slot === 'current') throw new Error('the current key file is never deleted by Clearline');
    rmSync(this.path(slot), { force: true });
    return this.config;
  }
}
