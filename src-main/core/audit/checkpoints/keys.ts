import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

/**
 * The site's Ed25519 checkpoint keys. A public key travels as the base64 of its raw 32 bytes
 * (RFC 8032), the form an auditor pastes into openssl after a fixed 12-byte SPKI prefix.
 */
const RAW_KEY_BYTES = 32;

/** Strict base64 of exactly `bytes` bytes, in its one canonical spelling; undefined otherwise. */
export function decodeBase64(text: unknown, bytes: number): Buffer | undefined {
  if (typeof text !== 'string') return undefined;
  const decoded = Buffer.from(text, 'base64');
  return decoded.length === bytes && decoded.toString('base64') === text ? decoded : undefined;
}

function rawPublicKey(publicKeyRawBase64: string): Buffer {
  const raw = decodeBase64(publicKeyRawBase64, RAW_KEY_BYTES);
  if (!raw) throw new TypeError('an Ed25519 public key is the base64 of 32 raw bytes');
  return raw;
}

/** The key's short id, carried in every checkpoint it signs: the first 16 hex digits of SHA-256(raw key). */
export function keyIdOf(publicKeyRawBase64: string): string {
  return createHash('sha256').update(rawPublicKey(publicKeyRawBase64)).digest('hex').slice(0, 16);
}

/**
 * What people compare (Admin, every report): the full SHA-256 of the raw key as 64 lowercase
 * hex digits, exactly what `sha256sum` prints for those 32 bytes, so an auditor can
 * recompute it from the base64 key or from manifest-key.pem with stock tools and compare
 * without reformatting. Its first 16 digits are the key id.
 */
export function fingerprintOf(publicKeyRawBase64: string): string {
  return createHash('sha256').update(rawPublicKey(publicKeyRawBase64)).digest('hex');
}

export function publicKeyObject(publicKeyRawBase64: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: rawPublicKey(publicKeyRawBase64).toString('base64url') }, format: 'jwk' });
}

/** The raw public half of an Ed25519 key (private or public), as base64. */
export function publicKeyOf(key: KeyObject): string {
  if (key.asymmetricKeyType !== 'ed25519') throw new TypeError(`not an Ed25519 key: ${key.asymmetricKeyType ?? key.type}`);
  const { x } = createPublicKey(key).export({ format: 'jwk' });
  return Buffer.from(x as string, 'base64url').toString('base64');
}

export function generateSigningKey(): { privateKey: KeyObject; publicKey: string; keyId: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const publicKey = publicKeyOf(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/** PKCS#8 DER, base64: the standard container, readable by `openssl pkey -inform DER`. It is a secret: store it as one. */
export function exportPrivateKey(k: KeyObject): string {
  if (k.type !== 'private' || k.asymmetricKeyType !== 'ed25519') throw new TypeError('only an Ed25519 private key is exported');
  return k.export({ format: 'der', type: 'pkcs8' }).toString('base64');
}

export function importPrivateKey(b64: string): KeyObject {
  const key = createPrivateKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new TypeError(`not an Ed25519 private key: ${key.asymmetricKeyType}`);
  return key;
}
