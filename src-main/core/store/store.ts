/**
 * The store's dialect-neutral interface. Business logic sees only this and the repository
 * interfaces in ./repositories: no SQL, no SQLite. A unit of work is an async function over
 * the repositories that runs as one transaction; its promise settles only once the
 * transaction is durable (or rolled back), so nothing is acknowledged before it would
 * survive a power cut. Units submitted together may share one durable commit (group commit).
 */
import type { CoreEvent } from '@shared/contract/events';
import type { Repositories } from './repositories';

export interface UnitOptions {
  /**
   * An engine write: refused with StaleFenceError unless this process still holds the
   * engine lease with the fencing token it was granted. Keeps a paused or partitioned
   * former owner from writing after another process took over.
   */
  readonly fenced?: boolean;
}

export interface Store {
  unit<T>(work: (tx: Repositories) => Promise<T>, options?: UnitOptions): Promise<T>;
  /** Reads committed data only; never sees another unit's uncommitted writes. */
  read<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /** Receives what committed units announced (`tx.announce`), after their commit is durable. */
  onAnnounced(listener: (events: readonly CoreEvent[]) => void): void;
  /** Sets the fencing token that fenced units must match (null: this process is not the owner). */
  setFence(token: number | null): void;
  readonly stats: StoreStats;
  close(): Promise<void>;
}

export interface StoreStats {
  /** Durable commits performed. */
  commits: number;
  /** Units of work committed (≥ commits when group commit batches them). */
  units: number;
}

export class StaleFenceError extends Error {
  constructor(expected: number | null, actual: number | null) {
    super(
      `engine write refused: this process's fencing token (${expected ?? 'none'}) is no longer the owner's (${actual ?? 'none'}); another process took over the engine`,
    );
    this.name = 'StaleFenceError';
  }
}

export class StoreBusyError extends Error {
  constructor(detail: string) {
    super(`the database stayed locked by another process (${detail}); retry, or see \`clearline doctor\` for who holds it`);
    this.name = 'StoreBusyError';
  }
}
