import { isHash, nodeHash, sameBytes } from './hashing';
import { checkTreeSize, subtreeRoot, type LeafSource } from './leaf-source';
import { half, isCount, isOdd, splitPoint } from './tree-shape';

/**
 * RFC 9162 §2.1.3.1 PATH(index, D[size]): the sibling subtree roots from the leaf up to the
 * root. The siblings are disjoint, so every leaf is read at most once.
 */
export async function inclusionProof(source: LeafSource, index: number, size: number): Promise<Buffer[]> {
  checkTreeSize(source, size);
  if (!isCount(index) || index >= size) throw new RangeError(`leaf ${index} is not in a tree of ${size} leaves`);
  const topDown: Buffer[] = [];
  let lo = 0;
  let hi = size;
  while (hi - lo > 1) {
    const mid = lo + splitPoint(hi - lo);
    if (index < mid) {
      topDown.push(await subtreeRoot(source, mid, hi));
      hi = mid;
    } else {
      topDown.push(await subtreeRoot(source, lo, mid));
      lo = mid;
    }
  }
  return topDown.reverse();
}

/** RFC 9162 §2.1.3.2, step by step; false (never throws) on any malformed input. */
export function verifyInclusion(index: number, size: number, leafHash: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): boolean {
  if (!isCount(index) || !isCount(size) || index >= size) return false;
  if (!isHash(leafHash) || !isHash(root) || !Array.isArray(proof) || !proof.every(isHash)) return false;
  let fn = index;
  let sn = size - 1;
  let r: Uint8Array = leafHash;
  for (const p of proof) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && sameBytes(r, root);
}
