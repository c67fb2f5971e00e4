import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { inspect } from 'node:util';

/**
 * The site's 256-bit data key. Nobody types it: it is random, applied to SQLCipher as a raw
 * key, and only kept or wrapped by a key provider. The class keeps the bytes private and
 * renders as "[DataKey <id>]" in logs, JSON and inspection, so a stray console.log or an
 * audit payload can never carry it.
 */
export class DataKey {
  static readonly BYTES = 32;
  readonly #bytes: Buffer;

  private constructor(bytes: Buffer) {
    if (bytes.length !== DataKey.BYTES) throw new RangeError(`a data key is ${DataKey.BYTES} bytes, got ${bytes.length}`);
    this.#bytes = Buffer.from(bytes);
  }

  static generate(): DataKey {
    return new DataKey(randomBytes(DataKey.BYTES));
  }

  static fromBytes(bytes: Uint8Array): DataKey {
    return new DataKey(Buffer.from(bytes));
  }

  static fromHex(hex: string): DataKey {
    const clean = hex.trim().toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(clean)) throw new RangeError('a data key is written as 64 hexadecimal characters');
    return new DataKey(Buffer.from(clean, 'hex'));
  }

  /** A stable public identifier of the key: lets configs, backups and doctor say which key without holding it. */
  get id(): string {
    return createHash('sha256').update('clearline data key id v1\0').update(this.#bytes).digest('hex').slice(0, 16);
  }

  /** Exposes the bytes to a callback only, so that no caller keeps a long-lived copy by accident. */
  use<T>(fn: (bytes: Buffer) => T): T {
    return fn(this.#bytes);
  }

  /** The SQLCipher raw-key literal, x'…'. Only the store's open routine needs it. */
  sqlcipherRawKey(): string {
    return `x'${this.#bytes.toString('hex')}'`;
  }

  hex(): string {
    return this.#bytes.toString('hex');
  }

  equals(other: DataKey): boolean {
    return other.use((b) => timingSafeEqual(b, this.#bytes));
  }

  toString(): string {
    return `[DataKey ${this.id}]`;
  }

  toJSON(): string {
    return this.toString();
  }

  [inspect.custom](): string {
    return this.toString();
  }
}
