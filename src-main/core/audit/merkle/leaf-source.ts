import { MerkleAccumulator } from './accumulator';
import { isHash, nodeHash } from './hashing';
import { isCount, splitPoint } from './tree-shape';

/** Leaf hashes by index, e.g. from the database; may be async (batched reads). */
export interface LeafSource {
  size: number;
  /** Leaf hashes [start, end). */
  leaves(start: number, end: number): Promise<Buffer[]>;
  /**
   * A node cache, if the source has one: the root of the perfect subtree [start, end)
   * (a power-of-two size, start a multiple of it) when known, else undefined. Proofs over
   * a large tree then read a few dozen nodes instead of every leaf.
   */
  knownSubtree?(start: number, end: number): Promise<Buffer | undefined>;
}

/** Leaves are read this many at a time: large enough to amortise a database round trip, small enough to keep memory flat. */
const BATCH = 4096;

/** Refuses a tree size the source cannot serve, before any work is done. */
export function checkTreeSize(source: LeafSource, size: number): void {
  if (!isCount(size)) throw new RangeError(`not a tree size: ${size}`);
  if (size > source.size) throw new RangeError(`the tree has ${source.size} leaves, fewer than ${size}`);
}

/**
 * Appends leaves [start, end) to `accumulator`, read in batches. A source that returns the
 * wrong number of leaves or a malformed hash is a bug in the caller, so it throws.
 */
export async function feedLeaves(source: LeafSource, start: number, end: number, accumulator: MerkleAccumulator): Promise<void> {
  for (let from = start; from < end; from += BATCH) {
    const to = Math.min(end, from + BATCH);
    const batch = await source.leaves(from, to);
    if (batch.length !== to - from) throw new Error(`the leaf source returned ${batch.length} leaves for [${from}, ${to})`);
    for (const leaf of batch) {
      if (!isHash(leaf)) throw new Error(`the leaf source returned a malformed hash in [${from}, ${to})`);
      accumulator.append(leaf);
    }
  }
}

/** Below this many leaves a subtree is hashed from its leaves even when the source has a node cache. */
const STREAM_BELOW = 256;

/** MTH(D[start:end]), streamed: memory O(log n) whatever the size; through the source's node cache when it has one. */
export async function subtreeRoot(source: LeafSource, start: number, end: number): Promise<Buffer> {
  const n = end - start;
  if (source.knownSubtree && n >= STREAM_BELOW) {
    if (splitPoint(n) * 2 === n) {
      const known = await source.knownSubtree(start, end);
      if (known) return known;
    }
    // RFC 6962's split: the left part is perfect and aligned, so it may be cached.
    const k = splitPoint(n);
    return nodeHash(await subtreeRoot(source, start, start + k), await subtreeRoot(source, start + k, end));
  }
  const accumulator = new MerkleAccumulator();
  await feedLeaves(source, start, end, accumulator);
  return accumulator.root();
}

/** MTH of the first `size` leaves; streams the leaves in batches, memory O(log n). */
export async function treeRoot(source: LeafSource, size: number): Promise<Buffer> {
  checkTreeSize(source, size);
  return subtreeRoot(source, 0, size);
}
