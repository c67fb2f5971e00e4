import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * AES-256-GCM sealing of small secrets (a data key under a key-encryption key). The
 * associated data binds each sealed box to its purpose and site, so a box copied from
 * another site or another slot fails to open instead of silently decrypting.
 */
export const SealedBox = z.object({
  alg: z.literal('A256GCM'),
  iv: z.string().min(1),
  ct: z.string().min(1),
  tag: z.string().min(1),
});
export type SealedBox = z.infer<typeof SealedBox>;

export class UnsealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsealError';
  }
}

export function seal(key: Buffer, plaintext: Buffer, aad: string): SealedBox {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { alg: 'A256GCM', iv: iv.toString('base64'), ct: ct.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

export function unseal(key: Buffer, box: SealedBox, aad: string, failure: string): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(box.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(box.ct, 'base64')), decipher.final()]);
  } catch {
    throw new UnsealError(failure);
  }
}
