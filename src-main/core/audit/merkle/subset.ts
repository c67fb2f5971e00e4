import { isHash, nodeHash, sameBytes } from './hashing';
import { checkTreeSize, subtreeRoot, type LeafSource } from './leaf-source';
import { isCount, splitPoint } from './tree-shape';

/**
 * Proof that a set of leaves, given in full and in order, are those leaves of the tree of
 * `size`: the range proof of range.ts generalised from one contiguous range to any set
 * (an instance's events are scattered through the trail; a filtered period report skips
 * events). Walking RFC 6962's tree shape from the root, a subtree holding none of the set
 * is the next hash of the proof; a single leaf of the set is its given leaf hash; any other
 * subtree is split. The proof is those roots in left-to-right order. For a contiguous set it
 * is exactly range.ts's range proof, and for one leaf the hashes of its inclusion proof.
 *
 * The set is given as runs: sorted, disjoint, non-empty [start, end) leaf ranges.
 */
export type LeafRuns = readonly (readonly [number, number])[];

/** What is wrong with the runs for a tree of `size`, or null. */
export function runsProblem(runs: LeafRuns, size: number): string | null {
  if (!Array.isArray(runs) || runs.length === 0) return 'no leaves are given';
  let previousEnd = -1;
  for (const [start, end] of runs) {
    if (!isCount(start) || !isCount(end) || start >= end) return `[${start}, ${end}) is not a non-empty range`;
    if (start <= previousEnd) return `[${start}, ${end}) is not after the previous range and apart from it`;
    previousEnd = end;
  }
  return previousEnd > size ? `the leaves run to ${previousEnd}, beyond a tree of ${size}` : null;
}

/** Where [lo, hi) stands against the runs: none of its leaves in the set, all of them in one run, or some. */
function classify(runs: LeafRuns, lo: number, hi: number): 'outside' | 'inside' | 'mixed' {
  // Binary search for the first run ending after lo.
  let a = 0;
  let b = runs.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if ((runs[mid] as readonly [number, number])[1] <= lo) a = mid + 1;
    else b = mid;
  }
  const run = runs[a];
  if (!run || run[0] >= hi) return 'outside';
  return run[0] <= lo && hi <= run[1] ? 'inside' : 'mixed';
}

export async function subsetProof(source: LeafSource, runs: LeafRuns, size: number): Promise<Buffer[]> {
  checkTreeSize(source, size);
  const problem = runsProblem(runs, size);
  if (problem) throw new RangeError(`no subset proof: ${problem}`);
  const proof: Buffer[] = [];
  const collect = async (lo: number, hi: number): Promise<void> => {
    const where = classify(runs, lo, hi);
    if (where === 'outside') proof.push(await subtreeRoot(source, lo, hi));
    else if (where === 'mixed') {
      const mid = lo + splitPoint(hi - lo);
      await collect(lo, mid);
      await collect(mid, hi);
    }
  };
  await collect(0, size);
  return proof;
}

export interface ProvenLeaf {
  index: number;
  leafHash: Uint8Array;
}

export type SubsetVerdict = { ok: true; leaves: number } | { ok: false; reason: string };

/**
 * Checks a subset proof against a signed root while the leaves stream in (a report's
 * events are read from a file once): memory O(log size + proof). The leaves must come in
 * strictly increasing index order. Never throws on bad input; says what is wrong.
 */
export async function verifySubset(
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
  leaves: AsyncIterable<ProvenLeaf> | Iterable<ProvenLeaf>,
): Promise<SubsetVerdict> {
  if (!isCount(size) || size === 0) return { ok: false, reason: `${size} is not the size of a non-empty tree` };
  if (!Array.isArray(proof) || !proof.every(isHash)) return { ok: false, reason: 'the proof is not a list of 32-byte hashes' };
  if (!isHash(root)) return { ok: false, reason: 'the root is not a 32-byte hash' };
  const iterator = (Symbol.asyncIterator in leaves ? leaves[Symbol.asyncIterator]() : leaves[Symbol.iterator]()) as
    AsyncIterator<ProvenLeaf> | Iterator<ProvenLeaf>;
  let next: ProvenLeaf | null = null;
  let lastIndex = -1;
  let consumed = 0;
  let used = 0;
  let problem: string | null = null;
  const pull = async (): Promise<void> => {
    const step = await iterator.next();
    if (step.done) {
      next = null;
      return;
    }
    const leaf = step.value;
    if (!isCount(leaf.index) || leaf.index <= lastIndex || leaf.index >= size || !isHash(leaf.leafHash)) {
      problem ??= `leaf ${String(leaf.index)} is out of order, outside the tree of ${size}, or not a 32-byte hash`;
      next = null;
      return;
    }
    lastIndex = leaf.index;
    next = leaf;
  };
  await pull();
  if (next === null) return { ok: false, reason: problem ?? 'no leaves are given' };

  const rebuild = async (lo: number, hi: number): Promise<Uint8Array | undefined> => {
    if (problem) return undefined;
    const upcoming: ProvenLeaf | null = next;
    if (upcoming === null || upcoming.index >= hi) {
      if (used >= proof.length) {
        problem = `the proof ends before the subtree of leaves ${lo}..${hi - 1}`;
        return undefined;
      }
      return proof[used++];
    }
    if (hi - lo === 1) {
      consumed += 1;
      await pull();
      return upcoming.leafHash;
    }
    const mid = lo + splitPoint(hi - lo);
    const left = await rebuild(lo, mid);
    const right = await rebuild(mid, hi);
    return left && right && nodeHash(left, right);
  };
  const computed = await rebuild(0, size);
  if (problem) return { ok: false, reason: problem };
  if (next !== null) return { ok: false, reason: `leaf ${(next as ProvenLeaf).index} is left over` };
  if (used !== proof.length) return { ok: false, reason: `${proof.length - used} proof hashes are left over` };
  if (!computed || !sameBytes(computed, root)) return { ok: false, reason: 'the leaves and the proof lead to another root than the checkpoint signs' };
  return { ok: true, leaves: consumed };
}
