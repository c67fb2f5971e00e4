import type { Repositories } from '../../store/repositories';
import type { MerkleNode } from '../../store/evidence-repositories';
import type { MerkleAccumulator } from '../merkle/accumulator';
import { leafHash } from '../merkle/hashing';
import type { LeafSource } from '../merkle/leaf-source';

/** Runs work against the repositories: `store.read` for a snapshot read, or `(work) => work(tx)` inside a unit. */
export type TrailReader = <T>(work: (tx: Repositories) => Promise<T>) => Promise<T>;

/** Only subtrees of at least 2^8 leaves are cached: below that, hashing the leaves is cheaper than a lookup. */
export const MIN_CACHED_LEVEL = 8;

export class MissingEventsError extends Error {
  /** The first seq of the range that came back short. */
  readonly fromSeq: number;

  constructor(afterSeq: number, toSeq: number, found: number) {
    super(`events are missing in seq ${afterSeq + 1}..${toSeq}: ${found} of ${toSeq - afterSeq} present (removed from the trail)`);
    this.name = 'MissingEventsError';
    this.fromSeq = afterSeq + 1;
  }
}

/** Leaf i is the event with seq i + 1; its leaf data is the event's 32-byte hash (docs/audit-evidence.md). */
export function eventLeaf(hashHex: string): Buffer {
  return leafHash(Buffer.from(hashHex, 'hex'));
}

/**
 * The trail as a Merkle leaf source of `size` leaves. With `nodeCache`, proofs use the
 * subtree roots recorded at checkpoints; every proof built so is checked against a signed
 * root by whoever relies on it, so a wrong cache entry can only make a proof fail.
 */
export function trailLeaves(read: TrailReader, size: number, nodeCache: boolean): LeafSource {
  const source: LeafSource = {
    size,
    async leaves(start, end) {
      const hashes = await read((tx) => tx.trail.hashes(start, end));
      if (hashes.length !== end - start) throw new MissingEventsError(start, end, hashes.length);
      return hashes.map(eventLeaf);
    },
  };
  if (nodeCache) {
    source.knownSubtree = async (start, end) => {
      const width = end - start;
      const level = Math.log2(width);
      if (!Number.isInteger(level) || level < MIN_CACHED_LEVEL || start % width !== 0) return undefined;
      return (await read((tx) => tx.merkleNodes.get(level, start / width))) ?? undefined;
    };
  }
  return source;
}

/** The cacheable subtree that appending leaf number `accumulator.size` completed, if any. */
export function completedNode(accumulator: MerkleAccumulator): MerkleNode | null {
  const size = accumulator.size;
  if (size === 0) return null;
  let width = 1;
  while (size % (width * 2) === 0) width *= 2; // the lowest set bit of size, without 32-bit operators
  const level = Math.log2(width);
  if (level < MIN_CACHED_LEVEL) return null;
  return { level, index: (size - width) / width, hash: accumulator.lastCompleted() };
}
