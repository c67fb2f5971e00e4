import { randomBytes, scrypt as scryptCb } from 'node:crypto';
import { promisify } from 'node:util';
import { DataKey } from '../data-key';
import { seal, unseal, UnsealError } from '../aead';
import { KeyUnavailableError, type KeyProvider, type KeyProviderContext } from '../key-provider';
import type { KeyProviderConfig, KeySlot, ScryptParams } from '../../site/site-config';

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;

type PassphraseConfig = Extract<KeyProviderConfig, { kind: 'passphrase' }>;

/**
 * For sites with no keychain: an operator passphrase, stretched by scrypt (memory-hard,
 * 128 MiB per derivation, so offline guessing is expensive) into a key-encryption key that
 * wraps the data key. Only the wrapped key and the scrypt parameters are stored.
 */
export const PASSPHRASE_MIN_LENGTH = 12;
export const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;

export class PassphraseProvider implements KeyProvider {
  readonly kind = 'passphrase' as const;
  #kek: Buffer | null = null;

  constructor(
    private config: PassphraseConfig | { kind: 'passphrase'; kdf: ScryptParams; wrapped?: undefined },
    private readonly siteId: string,
    private readonly ctx: KeyProviderContext,
  ) {}

  /** A provider for a new site or a passphrase change: fresh salt, nothing wrapped yet. */
  static fresh(siteId: string, ctx: KeyProviderContext): PassphraseProvider {
    return new PassphraseProvider({ kind: 'passphrase', kdf: { name: 'scrypt', ...DEFAULT_SCRYPT, salt: randomBytes(16).toString('base64') } }, siteId, ctx);
  }

  describe(): string {
    return `operator passphrase (scrypt N=${this.config.kdf.N}, r=${this.config.kdf.r}, p=${this.config.kdf.p})`;
  }

  private aad(slot: KeySlot): string {
    return `clearline:passphrase:${slot}:${this.siteId}`;
  }

  private async kek(confirm: boolean): Promise<Buffer> {
    if (this.#kek) return this.#kek;
    const passphrase = await this.ctx.passphrase({ purpose: confirm ? 'new site passphrase' : 'site passphrase', confirm });
    if (confirm && passphrase.length < PASSPHRASE_MIN_LENGTH) {
      throw new KeyUnavailableError(`the passphrase must be at least ${PASSPHRASE_MIN_LENGTH} characters long`);
    }
    const { N, r, p, salt } = this.config.kdf;
    this.#kek = await scrypt(passphrase.normalize('NFC'), Buffer.from(salt, 'base64'), 32, { N, r, p, maxmem: 256 * N * r });
    return this.#kek;
  }

  async load(slot: KeySlot): Promise<DataKey | null> {
    const box = this.config.wrapped?.[slot];
    if (!box) return null;
    const kek = await this.kek(false);
    try {
      return DataKey.fromBytes(unseal(kek, box, this.aad(slot), 'wrong passphrase'));
    } catch (error) {
      if (error instanceof UnsealError) {
        this.#kek = null;
        throw new KeyUnavailableError(
          "the passphrase is wrong: it does not unwrap this site's data key. Type it again; if it is lost, use `clearline recover --recovery-key …`.",
        );
      }
      throw error;
    }
  }

  async save(slot: KeySlot, key: DataKey): Promise<KeyProviderConfig> {
    const kek = await this.kek(this.config.wrapped === undefined);
    const box = key.use((bytes) => seal(kek, bytes, this.aad(slot)));
    const wrapped = slot === 'current' ? { ...this.config.wrapped, current: box } : { current: this.requireCurrent(), pending: box };
    this.config = { ...this.config, wrapped };
    return this.config;
  }

  async clear(slot: KeySlot): Promise<KeyProviderConfig> {
    if (slot === 'current') throw new Error('the current passphrase slot is never cleared, only replaced');
    this.config = { ...this.config, wrapped: { current: this.requireCurrent() } };
    return this.config;
  }

  private requireCurrent() {
    const current = this.config.wrapped?.current;
    if (!current) throw new Error('passphrase provider has no current key yet');
    return current;
  }
}
