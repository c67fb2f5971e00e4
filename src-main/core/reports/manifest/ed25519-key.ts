import { createPublicKey, type KeyObject } from 'node:crypto';
import { fingerprintOf } from '../../audit/checkpoints/keys';

/** An Ed25519 public key from its raw 32 bytes in base64 (how the site stores and prints it). */
export function ed25519PublicKey(rawBase64: string): KeyObject {
  const raw = Buffer.from(rawBase64, 'base64');
  if (raw.length !== 32) throw new Error(`an Ed25519 public key has 32 bytes, not ${raw.length}`);
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

/** The raw 32 bytes, base64, of an Ed25519 public key (or of the public half of a private key). */
export function ed25519RawBase64(key: KeyObject): string {
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the manifest key must be Ed25519, not ${key.asymmetricKeyType}`);
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const x = (publicKey.export({ format: 'jwk' }) as { x?: string }).x;
  return Buffer.from(x ?? '', 'base64url').toString('base64');
}

/**
 * Lowercase hex SHA-256 of the raw public key, the one fingerprint of the site key (see
 * fingerprintOf). An auditor recomputes it from manifest-key.pem with stock tools: the last
 * 32 bytes of the SPKI DER are the raw key
 * (`openssl pkey -pubin -in manifest-key.pem -outform DER | tail -c 32 | sha256sum`).
 */
export const ed25519Fingerprint = fingerprintOf;

export function ed25519SpkiPem(rawBase64: string): string {
  return ed25519PublicKey(rawBase64).export({ type: 'spki', format: 'pem' }).toString();
}
