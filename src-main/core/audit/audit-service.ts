import type { AuditEvent } from '@shared/domain/audit';
import type { AuditQuery, ChainVerification } from '@shared/contract/audit';
import type { Store } from '../store/store';
import { ChainWalker } from './chain-walker';
import { catchUpSearchIndex } from './search-indexer';

const VERIFY_BATCH = 5_000;

export class AuditService {
  constructor(private readonly store: Store) {}

  async search(query: AuditQuery): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
    // The full-text index is filled behind the trail; a text search first adds what is missing.
    if (query.text) await catchUpSearchIndex(this.store);
    const rows = await this.store.read((tx) => tx.audit.search(query));
    const items = rows.slice(0, query.limit);
    return { items, nextCursor: rows.length > query.limit ? String(items.at(-1)?.seq) : null };
  }

  /** Recomputes the whole hash chain and names the first event where it breaks (see ChainWalker). */
  async verify(progress?: (checked: number) => void): Promise<ChainVerification> {
    const walker = new ChainWalker(this.store);
    while (await walker.step(VERIFY_BATCH)) progress?.(walker.verified.seq);
    progress?.(walker.verified.seq);
    return walker.verdict();
  }
}
