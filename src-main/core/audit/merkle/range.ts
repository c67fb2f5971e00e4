import { MerkleAccumulator } from './accumulator';
import { isHash, nodeHash, sameBytes } from './hashing';
import { checkTreeSize, subtreeRoot, type LeafSource } from './leaf-source';
import { isCount, splitPoint } from './tree-shape';

/**
 * A range proof shows that the contiguous leaves [start, end), given in full, are leaves
 * start..end-1 of the tree of `size`. Walking RFC 6962's tree shape from the root, every
 * subtree is either inside the range (the verifier hashes it from the given leaves),
 * outside it (the proof carries its root), or straddles an edge of the range (split
 * further). The proof is the outside roots in left-to-right tree order: those left of the
 * range, then those right of it. A one-leaf range carries the same hashes as an inclusion
 * proof, in that order instead of bottom-up.
 */
type Visit = { lo: number; hi: number };

function isOutside(start: number, end: number, { lo, hi }: Visit): boolean {
  return hi <= start || end <= lo;
}

function isInside(start: number, end: number, { lo, hi }: Visit): boolean {
  return start <= lo && hi <= end;
}

function children({ lo, hi }: Visit): [Visit, Visit] {
  const mid = lo + splitPoint(hi - lo);
  return [
    { lo, hi: mid },
    { lo: mid, hi },
  ];
}

export async function rangeProof(source: LeafSource, start: number, end: number, size: number): Promise<Buffer[]> {
  checkTreeSize(source, size);
  if (!isCount(start) || !isCount(end) || start >= end || end > size)
    throw new RangeError(`[${start}, ${end}) is not a non-empty range of a tree of ${size} leaves`);
  const proof: Buffer[] = [];
  const collect = async (node: Visit): Promise<void> => {
    if (isOutside(start, end, node)) proof.push(await subtreeRoot(source, node.lo, node.hi));
    else if (!isInside(start, end, node)) for (const child of children(node)) await collect(child);
  };
  await collect({ lo: 0, hi: size });
  return proof;
}

/** False (never throws) on any malformed input, a proof with too few or too many hashes, or a root mismatch. */
export function verifyRange(
  start: number,
  end: number,
  size: number,
  leafHashes: readonly Uint8Array[],
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!isCount(start) || !isCount(end) || !isCount(size) || start >= end || end > size) return false;
  if (!Array.isArray(leafHashes) || leafHashes.length !== end - start || !leafHashes.every(isHash)) return false;
  if (!Array.isArray(proof) || !proof.every(isHash) || !isHash(root)) return false;
  let used = 0;
  const rebuild = (node: Visit): Uint8Array | undefined => {
    if (isOutside(start, end, node)) return proof[used++];
    if (isInside(start, end, node)) {
      const accumulator = new MerkleAccumulator();
      for (let i = node.lo; i < node.hi; i++) accumulator.append(leafHashes[i - start] as Uint8Array);
      return accumulator.root();
    }
    const [left, right] = children(node).map(rebuild);
    return left && right && nodeHash(left, right);
  };
  const computed = rebuild({ lo: 0, hi: size });
  return computed !== undefined && used === proof.length && sameBytes(computed, root);
}
