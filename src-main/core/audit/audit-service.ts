import type { AuditEvent } from '@shared/domain/audit';
import { GENESIS_HASH } from '@shared/domain/audit';
import type { AuditQuery, ChainVerification } from '@shared/contract/audit';
import type { Store } from '../store/store';
import { eventHash } from './chain-hash';

const VERIFY_BATCH = 5_000;

/** Reading the trail: search, and verification of the hash chain. */
export class AuditService {
  constructor(private readonly store: Store) {}

  async search(query: AuditQuery): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
    const rows = await this.store.read((tx) => tx.audit.search(query));
    const items = rows.slice(0, query.limit);
    return { items, nextCursor: rows.length > query.limit ? String(items.at(-1)?.seq) : null };
  }

  /**
   * Recomputes every event's hash from its fields and its predecessor's hash, and checks
   * that sequence numbers have no gap: an edited, inserted, deleted or reordered event is
   * named by the first sequence number where the chain breaks.
   */
  async verify(progress?: (checked: number) => void): Promise<ChainVerification> {
    let expectedSeq = 1;
    let previousHash = GENESIS_HASH;
    let head: ChainVerification['head'] = null;
    for (;;) {
      const batch = await this.store.read((tx) => tx.audit.range(expectedSeq, VERIFY_BATCH));
      for (const event of batch) {
        const problem = checkEvent(event, expectedSeq, previousHash);
        if (problem) return { ok: false, checked: expectedSeq - 1, head, firstBad: { seq: expectedSeq, reason: problem } };
        previousHash = event.hash;
        head = { seq: event.seq, hash: event.hash };
        expectedSeq += 1;
      }
      progress?.(expectedSeq - 1);
      if (batch.length < VERIFY_BATCH) return { ok: true, checked: expectedSeq - 1, head, firstBad: null };
    }
  }
}

function checkEvent(event: AuditEvent, expectedSeq: number, previousHash: string): string | null {
  if (event.seq !== expectedSeq) return `event ${expectedSeq} is missing (next present is ${event.seq})`;
  if (event.prevHash !== previousHash) return 'its previous-hash does not match the hash of the event before it (an event was removed, inserted or swapped)';
  const { hash, ...rest } = event;
  if (eventHash(rest) !== hash) return 'its content does not match its hash (the event was altered)';
  return null;
}
