import { createHash } from 'node:crypto';

/** Hash input block size in bytes (the "v" of RFC 7292 appendix B). */
const BLOCK_BYTES: Record<string, number> = { sha1: 64, sha224: 64, sha256: 64, sha384: 128, sha512: 128 };

export type Pkcs12KeyPurpose = 'key' | 'iv' | 'mac';
const PURPOSE_ID: Record<Pkcs12KeyPurpose, number> = { key: 1, iv: 2, mac: 3 };

/** A password as PKCS#12 hashes it: BMPString (UTF-16BE) with a two-byte terminator. */
export function bmpPassword(password: string): Buffer {
  return Buffer.from(`${password}\0`, 'utf16le').swap16();
}

function repeatTo(source: Buffer, blockBytes: number): Buffer {
  if (source.length === 0) return Buffer.alloc(0);
  const out = Buffer.alloc(blockBytes * Math.ceil(source.length / blockBytes));
  for (let i = 0; i < out.length; i++) out[i] = source[i % source.length]!;
  return out;
}

/**
 * The PKCS#12 key derivation of RFC 7292 appendix B.2. It derives the integrity (MAC) key of
 * every PKCS#12 file and the cipher key and IV of the legacy "pbeWithSHAAnd…" schemes, which
 * Windows and older OpenSSL still write; Node has no built-in for it.
 */
export function pkcs12Kdf(hash: string, password: Buffer, salt: Buffer, purpose: Pkcs12KeyPurpose, iterations: number, length: number): Buffer {
  const v = BLOCK_BYTES[hash];
  if (!v) throw new Error(`PKCS#12 key derivation with ${hash} is not supported`);
  const D = Buffer.alloc(v, PURPOSE_ID[purpose]);
  const I = Buffer.concat([repeatTo(salt, v), repeatTo(password, v)]);
  const blocks: Buffer[] = [];
  for (let produced = 0; produced < length;) {
    let A = createHash(hash).update(D).update(I).digest();
    for (let round = 1; round < iterations; round++) A = createHash(hash).update(A).digest();
    blocks.push(A);
    produced += A.length;
    if (produced >= length) break;
    // I_j = (I_j + B + 1) mod 2^(8v), for each v-byte block of I, with B = A repeated to v bytes.
    const B = repeatTo(A, v).subarray(0, v);
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = I[j + k]! + B[k]! + carry;
        I[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return Buffer.concat(blocks).subarray(0, length);
}
