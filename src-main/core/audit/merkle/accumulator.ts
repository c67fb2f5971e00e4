import { EMPTY_ROOT, HASH_BYTES, isHash, nodeHash } from './hashing';
import { half, isCount, isOdd } from './tree-shape';

export interface AccumulatorState {
  size: number;
  /** Hex roots of the perfect subtrees that make up the tree, leftmost (largest) first. */
  frontier: string[];
}

/**
 * The Merkle tree hash of a growing list of leaves, in O(log n) memory. A tree of size n is
 * the perfect subtrees given by the set bits of n, left to right (largest first), so it
 * suffices to keep one root per set bit: appending a leaf merges the trailing equal-sized
 * subtrees like a binary carry, and the root folds them from the right, which is exactly
 * RFC 6962's MTH split at the largest power of two.
 */
export class MerkleAccumulator {
  #size = 0;
  #frontier: Buffer[] = [];

  append(leafHash: Uint8Array): void {
    if (!isHash(leafHash)) throw new TypeError(`a leaf hash must be ${HASH_BYTES} bytes`);
    let node: Buffer = Buffer.from(leafHash);
    for (let n = this.#size; isOdd(n); n = half(n)) node = nodeHash(this.#frontier.pop() as Buffer, node);
    this.#frontier.push(node);
    this.#size += 1;
  }

  get size(): number {
    return this.#size;
  }

  /**
   * The root of the perfect subtree that the last append completed: leaves
   * [size - 2^j, size) where 2^j is the lowest set bit of size. A node cache records these.
   */
  lastCompleted(): Buffer {
    const last = this.#frontier.at(-1);
    if (!last) throw new RangeError('an empty tree has no subtree');
    return Buffer.from(last);
  }

  root(): Buffer {
    const frontier = this.#frontier;
    if (frontier.length === 0) return Buffer.from(EMPTY_ROOT);
    let root = frontier[frontier.length - 1] as Buffer;
    for (let i = frontier.length - 2; i >= 0; i--) root = nodeHash(frontier[i] as Buffer, root);
    return Buffer.from(root);
  }

  toJSON(): AccumulatorState {
    return { size: this.#size, frontier: this.#frontier.map((h) => h.toString('hex')) };
  }

  /** Throws on a state that no accumulator could have produced (wrong count or malformed hashes). */
  static fromJSON(state: unknown): MerkleAccumulator {
    const { size, frontier } = (state ?? {}) as Partial<AccumulatorState>;
    if (!isCount(size) || !Array.isArray(frontier)) throw new TypeError('not a Merkle accumulator state: needs a size and a frontier');
    if (frontier.length !== setBits(size)) throw new TypeError(`a tree of ${size} leaves has ${setBits(size)} frontier hashes, not ${frontier.length}`);
    if (!frontier.every((h) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h))) throw new TypeError('frontier hashes must be 64 lowercase hex digits');
    const accumulator = new MerkleAccumulator();
    accumulator.#size = size;
    accumulator.#frontier = frontier.map((h) => Buffer.from(h, 'hex'));
    return accumulator;
  }
}

function setBits(n: number): number {
  let count = 0;
  for (; n > 0; n = half(n)) if (isOdd(n)) count += 1;
  return count;
}
