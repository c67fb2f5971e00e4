import { sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '@shared/domain/canonical-json';

/**
 * manifest.json: the SHA-256 and size of every other file of the bundle, as RFC 8785
 * canonical JSON, so that its bytes are fixed by its content and manifest.sig (a raw
 * Ed25519 signature over exactly those bytes) can be checked with `openssl pkeyutl -rawin`.
 */
export const ManifestFile = z.object({
  name: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
});
export type ManifestFile = z.infer<typeof ManifestFile>;

export const Manifest = z.object({
  format: z.literal(1),
  site: z.object({ id: z.string(), name: z.string() }),
  generatedAt: z.string(),
  files: z.array(ManifestFile),
  signingKey: z.object({ algorithm: z.literal('Ed25519'), publicKey: z.string(), fingerprint: z.string() }),
});
export type Manifest = z.infer<typeof Manifest>;

export function manifestBytes(manifest: Manifest): Buffer {
  return Buffer.from(canonicalJson(manifest), 'utf8');
}

export function parseManifest(bytes: Buffer): Manifest {
  return Manifest.parse(JSON.parse(bytes.toString('utf8')));
}

/** Ed25519 (pure, RFC 8032): the signature is over the message itself, 64 bytes. */
export function signManifest(bytes: Buffer, privateKey: KeyObject): Buffer {
  return sign(null, bytes, privateKey);
}

export function manifestSignatureValid(bytes: Buffer, signature: Buffer, publicKey: KeyObject): boolean {
  return signature.length === 64 && verify(null, bytes, publicKey, signature);
}
