import { GENESIS_HASH } from '@shared/domain/audit';
import type { ChainVerification } from '@shared/contract/audit';
import type { Store } from '../store/store';
import type { StoredEvent } from '../store/evidence-repositories';
import { storedEventHash } from './chain-hash';
import { leafHash } from './merkle/hashing';
import { MerkleAccumulator } from './merkle/accumulator';

/** Where a walk stands: the last event that verified, and the Merkle tree of the events so far. */
export interface ChainPosition {
  seq: number;
  hash: string;
}

export const CHAIN_START: ChainPosition = { seq: 0, hash: GENESIS_HASH };

/**
 * Recomputes the hash chain in batches, resumable: each step reads the next batch, checks
 * that sequence numbers have no gap, that each event names its predecessor's hash, and that
 * its content matches its own hash; an edited, inserted, deleted or reordered event is named
 * by the first sequence number where the chain breaks. As it goes it builds the Merkle tree
 * of the events (when started from the first event), so a full verification knows the live
 * tree's root without another pass.
 */
export class ChainWalker {
  private position: ChainPosition;
  private bad: { seq: number; reason: string } | null = null;
  readonly tree: MerkleAccumulator | null;

  constructor(
    private readonly store: Store,
    from: ChainPosition = CHAIN_START,
  ) {
    this.position = { ...from };
    this.tree = from.seq === 0 ? new MerkleAccumulator() : null;
  }

  get verified(): ChainPosition {
    return { ...this.position };
  }

  get firstBad(): { seq: number; reason: string } | null {
    return this.bad;
  }

  /** Checks up to `limit` more events (none beyond `until`); true while events may remain. */
  async step(limit: number, until = Number.MAX_SAFE_INTEGER): Promise<boolean> {
    if (this.bad) return false;
    const want = Math.min(limit, until - this.position.seq);
    if (want <= 0) return false;
    const batch = await this.store.read((tx) => tx.trail.stored(this.position.seq + 1, want));
    for (const event of batch) {
      const problem = checkEvent(event, this.position);
      if (problem) {
        this.bad = { seq: this.position.seq + 1, reason: problem };
        return false;
      }
      this.position = { seq: event.seq, hash: event.hash };
      this.tree?.append(leafHash(Buffer.from(event.hash, 'hex')));
    }
    return batch.length === want;
  }

  /** The verdict so far, in the contract's shape. */
  verdict(): ChainVerification {
    const head = this.position.seq > 0 ? { ...this.position } : null;
    return { ok: this.bad === null, checked: this.position.seq, head, firstBad: this.bad };
  }
}

function checkEvent(event: StoredEvent, previous: ChainPosition): string | null {
  const expectedSeq = previous.seq + 1;
  if (event.seq !== expectedSeq) return `event ${expectedSeq} is missing (next present is ${event.seq})`;
  if (event.prevHash !== previous.hash) return 'its previous-hash does not match the hash of the event before it (an event was removed, inserted or swapped)';
  if (storedEventHash(event) !== event.hash) return 'its content does not match its hash (the event was altered)';
  return null;
}
