import { isHash, nodeHash, sameBytes } from './hashing';
import { checkTreeSize, subtreeRoot, type LeafSource } from './leaf-source';
import { half, isCount, isOdd, splitPoint } from './tree-shape';

/**
 * RFC 9162 §2.1.4.1 PROOF(size1, D[size2]), unrolled: descend towards the old tree's right
 * edge, collecting the subtree root beside the path at each level, then list them from the
 * bottom up as SUBPROOF does. size1 = size2 needs no proof; size1 = 0 is refused, as a
 * consistency proof from the empty tree proves nothing.
 */
export async function consistencyProof(source: LeafSource, size1: number, size2: number): Promise<Buffer[]> {
  checkTreeSize(source, size2);
  if (!isCount(size1) || size1 === 0 || size1 > size2) throw new RangeError(`no consistency proof from ${size1} to ${size2} leaves (need 0 < size1 <= size2)`);
  const topDown: Buffer[] = [];
  let lo = 0;
  let hi = size2;
  let m = size1; // leaves of the old tree inside [lo, hi)
  let oldTreeIsWholeSubtree = true; // SUBPROOF's b: the old root is the subtree itself, known to the verifier
  while (m !== hi - lo) {
    const k = splitPoint(hi - lo);
    if (m <= k) {
      topDown.push(await subtreeRoot(source, lo + k, hi));
      hi = lo + k;
    } else {
      topDown.push(await subtreeRoot(source, lo, lo + k));
      lo += k;
      m -= k;
      oldTreeIsWholeSubtree = false;
    }
  }
  if (!oldTreeIsWholeSubtree) topDown.push(await subtreeRoot(source, lo, hi));
  return topDown.reverse();
}

/**
 * RFC 9162 §2.1.4.2, step by step; false (never throws) on any malformed input. Equal sizes
 * are consistent exactly when the roots are identical and the proof is empty.
 */
export function verifyConsistency(size1: number, size2: number, root1: Uint8Array, root2: Uint8Array, proof: readonly Uint8Array[]): boolean {
  if (!isCount(size1) || !isCount(size2) || size1 === 0 || size1 > size2 || !Array.isArray(proof)) return false;
  if (!(root1 instanceof Uint8Array) || !(root2 instanceof Uint8Array)) return false;
  if (size1 === size2) return proof.length === 0 && sameBytes(root1, root2);
  if (proof.length === 0 || !isHash(root1) || !isHash(root2) || !proof.every(isHash)) return false;
  // Step 2: when the old tree is a perfect subtree, its root is the proof's missing first element.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : proof;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0] as Uint8Array;
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && sameBytes(fr, root1) && sameBytes(sr, root2);
}

function isPowerOfTwo(n: number): boolean {
  while (n > 1 && !isOdd(n)) n = half(n);
  return n === 1;
}
