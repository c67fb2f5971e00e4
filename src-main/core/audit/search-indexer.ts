import type { Store } from '../store/store';
import type { DueWork } from '../engine/runtime/engine';

/** Events indexed per write unit: about 15 ms of the write lock at a time, so engine transitions barely wait. */
const CHUNK = 1_000;

/**
 * Adds every event not yet in the full-text index, one short write unit at a time, yielding
 * to the event loop between units. Returns how many were added.
 */
export async function catchUpSearchIndex(store: Store, stopped: () => boolean = () => false): Promise<number> {
  let total = 0;
  for (;;) {
    const step = await store.unit((tx) => tx.trail.indexSearch(CHUNK));
    total += step.indexed;
    if (step.upTo >= step.head || step.indexed === 0 || stopped()) return total;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Keeps the full-text index of the trail close behind it, in the engine owner: appending
 * an event never touches the index (that would slow every transition); this does, a few
 * seconds later, in the background. A round is started by fireDue and runs on its own, so
 * the engine loop is never held up by indexing.
 */
export class SearchIndexer implements DueWork {
  readonly name = 'audit-search-index';
  private active = false;
  private round: Promise<void> | null = null;
  private nextAt = 0;
  private stopped = false;
  /** The index's presence is checked once per ownership, not on every round. */
  private ensured = false;

  constructor(
    private readonly store: Store,
    private readonly clock: { now(): number },
    private readonly log: (message: string) => void,
    private readonly everyMs = 5_000,
  ) {}

  ownerStarted(): void {
    this.active = true;
    this.ensured = false;
    this.nextAt = this.clock.now();
  }

  async nextDueAt(): Promise<number | null> {
    return this.active && !this.round && !this.stopped ? this.nextAt : null;
  }

  async fireDue(now: number): Promise<void> {
    if (!this.active || this.round || this.stopped || now < this.nextAt) return;
    this.round = (async () => {
      if (!this.ensured && (await this.store.unit((tx) => tx.trail.ensureSearchIndex())))
        this.log('audit: the full-text search index was missing; it is being rebuilt from the trail');
      this.ensured = true;
      await catchUpSearchIndex(this.store, () => this.stopped);
    })()
      .catch((error: unknown) => {
        if (!this.stopped) this.log(`audit: indexing the trail for search failed: ${(error as Error).message}`);
      })
      .finally(() => {
        this.round = null;
        this.nextAt = this.clock.now() + this.everyMs;
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.round;
  }
}
