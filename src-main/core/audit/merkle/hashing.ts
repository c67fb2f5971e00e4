import { hash } from 'node:crypto';

/**
 * The two hash functions of RFC 6962 §2.1 / RFC 9162 §2.1.1 with SHA-256. The 0x00 and
 * 0x01 prefixes keep a leaf from ever being mistaken for an interior node (a second
 * preimage attack on the tree).
 */
export const HASH_BYTES = 32;

/** MTH({}) = SHA-256 of the empty string: the root of a tree with no leaves. */
export const EMPTY_ROOT: Buffer = hash('sha256', new Uint8Array(0), 'buffer');

// One reusable buffer for node hashing: Merkle work is millions of 65-byte hashes, and
// building a fresh concatenation for each would dominate the cost. Safe because hashing
// is synchronous.
const nodeInput = Buffer.alloc(1 + 2 * HASH_BYTES);
nodeInput[0] = 0x01;

export function leafHash(leafData: Uint8Array): Buffer {
  const input = Buffer.allocUnsafe(1 + leafData.length);
  input[0] = 0x00;
  input.set(leafData, 1);
  return hash('sha256', input, 'buffer');
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  if (left.length !== HASH_BYTES || right.length !== HASH_BYTES) throw new TypeError(`node children must be ${HASH_BYTES}-byte hashes`);
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_BYTES);
  return hash('sha256', nodeInput, 'buffer');
}

/** A well-formed hash value: verifiers use this to refuse malformed input instead of throwing. */
export function isHash(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array && value.length === HASH_BYTES;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}
