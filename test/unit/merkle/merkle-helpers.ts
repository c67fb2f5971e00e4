import { createHash } from 'node:crypto';
import { leafHash, nodeHash, type LeafSource } from '../../../src-main/core/audit/merkle';

/** Distinct, reproducible leaf hashes: leaf data is the SHA-256 of "leaf <i>", as an event hash would be. */
export function sampleLeaves(n: number): Buffer[] {
  return Array.from({ length: n }, (_, i) => leafHash(createHash('sha256').update(`leaf ${i}`).digest()));
}

/** A LeafSource over an array that, like the store, answers asynchronously and records how many leaves it served. */
export function arraySource(leaves: readonly Buffer[]): LeafSource & { served: number } {
  return {
    size: leaves.length,
    served: 0,
    async leaves(start, end) {
      this.served += end - start;
      return leaves.slice(start, end);
    },
  };
}

/** RFC 6962 §2.1 MTH written straight from the definition: the reference the fast code is checked against. */
export function referenceRoot(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return createHash('sha256').digest();
  if (leaves.length === 1) return leaves[0] as Buffer;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

/** A copy of `bytes` with one bit flipped. */
export function flipBit(bytes: Uint8Array, bit: number): Buffer {
  const copy = Buffer.from(bytes);
  const byte = Math.floor(bit / 8) % copy.length;
  copy[byte] = (copy[byte] as number) ^ (1 << (bit % 8));
  return copy;
}

/** The tree the proof sweeps run over: sizes 1..130 cover every shape up to eight levels, around several powers of two. */
export const SWEEP_MAX = 130;
export const sweepLeaves = sampleLeaves(SWEEP_MAX);
export const sweepSource = arraySource(sweepLeaves);
const sweepRoots = Array.from({ length: SWEEP_MAX + 1 }, (_, n) => referenceRoot(sweepLeaves.slice(0, n)));
export const sweepRoot = (n: number): Buffer => sweepRoots[n] as Buffer;
export const sweepSizes = Array.from({ length: SWEEP_MAX }, (_, i) => i + 1);

/**
 * The sweeps make hundreds of thousands of checks: they collect the failing ones and assert
 * once, since an expect() per check would cost more than the hashing.
 */
export function sweep(): { check: (ok: boolean, what: () => string) => void; failures: string[] } {
  const failures: string[] = [];
  return { failures, check: (ok, what) => void (ok || failures.length > 20 || failures.push(what())) };
}

/** Every bit for small trees, where that is cheap; one bit per hash (a different one each time) beyond. */
export function bitsToFlip(size: number, salt: number): number[] {
  return size <= 16 ? [...Array(256).keys()] : [(salt * 37) % 256];
}
