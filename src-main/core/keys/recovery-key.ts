import { createHash, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { DataKey } from './data-key';
import { SealedBox, seal, unseal } from './aead';

/**
 * The recovery key is an X25519 key pair. Its public half stays in the site config and in
 * every backup; its private half is shown once (at init, or when an admin re-issues it) and
 * then lives only on paper or in a vault. Because wrapping needs only the public half, every
 * new data key (after a rekey) and every backup is wrapped for recovery without anyone
 * typing the recovery key, and a replacement machine whose keychain never held the data key
 * can still unwrap it.
 */
export const RecoveryWrap = z.object({
  scheme: z.literal('x25519-hkdf-sha256-a256gcm'),
  ephemeralPublicKey: z.string().min(1),
  box: SealedBox,
});
export type RecoveryWrap = z.infer<typeof RecoveryWrap>;

export class RecoveryKeyFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecoveryKeyFormatError';
  }
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PREFIX = 'CLR1';

function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += CROCKFORD[(value << (5 - bits)) & 31];
  return out;
}

function base32Decode(text: string): Buffer {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of text) {
    const normalized = ch === 'O' ? '0' : ch === 'I' || ch === 'L' ? '1' : ch;
    const digit = CROCKFORD.indexOf(normalized);
    if (digit < 0) throw new RecoveryKeyFormatError(`the recovery key holds a character that is not in it: "${ch}"`);
    value = (value << 5) | digit;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
      value &= (1 << bits) - 1;
    }
  }
  return Buffer.from(bytes);
}

function checksum(secret: Buffer): Buffer {
  return createHash('sha256').update(secret).digest().subarray(0, 2);
}

function privateKeyFromRaw(raw: Buffer): KeyObject {
  return createPrivateKey({ key: { kty: 'OKP', crv: 'X25519', d: raw.toString('base64url'), x: '' }, format: 'jwk' });
}

function rawPublic(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  if (!jwk.x) throw new Error('X25519 key without public value');
  return Buffer.from(jwk.x, 'base64url');
}

function publicKeyFromRaw(raw: Buffer): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') }, format: 'jwk' });
}

export interface IssuedRecoveryKey {
  /** The text shown once to the operator: CLR1-XXXXX-… */
  readonly display: string;
  /** Base64 of the X25519 public key, kept in config and backups. */
  readonly publicKey: string;
}

export function issueRecoveryKey(): IssuedRecoveryKey {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const secret = Buffer.from(jwk.d as string, 'base64url');
  const body = base32Encode(Buffer.concat([secret, checksum(secret)]));
  const groups = body.match(/.{1,5}/g) ?? [];
  return { display: [PREFIX, ...groups].join('-'), publicKey: rawPublic(publicKey).toString('base64') };
}

/** Parses what an operator typed: case, spaces and dashes do not matter; a typo is caught by the checksum. */
export function parseRecoveryKey(text: string): { privateKey: KeyObject; publicKey: string } {
  const compact = text.toUpperCase().replace(/[\s-]/g, '');
  if (!compact.startsWith(PREFIX)) throw new RecoveryKeyFormatError(`a recovery key starts with ${PREFIX}-`);
  const decoded = base32Decode(compact.slice(PREFIX.length));
  if (decoded.length !== 34) throw new RecoveryKeyFormatError('the recovery key is too short or too long; check that every group was copied');
  const secret = decoded.subarray(0, 32);
  if (!checksum(secret).equals(decoded.subarray(32))) {
    throw new RecoveryKeyFormatError('the recovery key does not pass its checksum: a character was mistyped');
  }
  const privateKey = privateKeyFromRaw(secret);
  return { privateKey, publicKey: rawPublic(createPublicKey(privateKey)).toString('base64') };
}

function kek(shared: Buffer, ephemeralPublic: Buffer, recipientPublic: Buffer): Buffer {
  const salt = Buffer.concat([ephemeralPublic, recipientPublic]);
  return Buffer.from(hkdfSync('sha256', shared, salt, 'clearline recovery wrap v1', 32));
}

export function wrapForRecovery(dataKey: DataKey, recipientPublicKeyB64: string, aad: string): RecoveryWrap {
  const recipientRaw = Buffer.from(recipientPublicKeyB64, 'base64');
  const ephemeral = generateKeyPairSync('x25519');
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: publicKeyFromRaw(recipientRaw) });
  const ephemeralRaw = rawPublic(ephemeral.publicKey);
  const box = dataKey.use((bytes) => seal(kek(shared, ephemeralRaw, recipientRaw), bytes, aad));
  return { scheme: 'x25519-hkdf-sha256-a256gcm', ephemeralPublicKey: ephemeralRaw.toString('base64'), box };
}

export function unwrapWithRecoveryKey(wrap: RecoveryWrap, recoveryKeyText: string, aad: string): DataKey {
  const { privateKey, publicKey } = parseRecoveryKey(recoveryKeyText);
  const ephemeralRaw = Buffer.from(wrap.ephemeralPublicKey, 'base64');
  const shared = diffieHellman({ privateKey, publicKey: publicKeyFromRaw(ephemeralRaw) });
  const bytes = unseal(
    kek(shared, ephemeralRaw, Buffer.from(publicKey, 'base64')),
    wrap.box,
    aad,
    'this recovery key does not open this site or backup: it may be an older or newer recovery key than the one the backup was made under',
  );
  return DataKey.fromBytes(bytes);
}
