import type { CoreEvent } from '@shared/contract/events';
import type { Repositories } from '../repositories';
import { StaleFenceError, StoreBusyError, type Store, type StoreStats, type UnitOptions } from '../store';
import { isBusy, type SqliteDb } from './connection';
import { prepared } from './prepared';
import { sqliteRepositories } from './repos';

interface PendingUnit {
  work: (tx: Repositories) => Promise<unknown>;
  fenced: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Outcome {
  unit: PendingUnit;
  ok: boolean;
  value: unknown;
  announced: readonly CoreEvent[];
}

/** Upper bound on units sharing one commit, so one batch never holds the write lock for long. */
const MAX_BATCH = 256;

/**
 * How often the planner's statistics are refreshed (PRAGMA optimize, which re-analyses only
 * tables that grew or shrank a lot): a site that is new when its 100,000 tasks arrive would
 * otherwise plan the work queue without statistics and sort every open task for each page.
 */
const OPTIMIZE_EVERY_COMMITS = 2000;

/**
 * The SQLite store. Writes go through one writer connection; units queued while a
 * transaction is open join it, up to MAX_BATCH, and the rest are taken together into the
 * next transaction (group commit), each inside its own savepoint so that one unit's
 * failure rolls back only that unit. With
 * synchronous=FULL the COMMIT returns after the WAL is fsynced, and only then are the
 * units' promises settled. Reads use a second connection that sees committed data only.
 *
 * A unit's work must touch only the repositories (no network, no timers): the write lock
 * is held while it runs, and side effects belong after the commit (the engine's outbox).
 */
export class SqliteStore implements Store {
  readonly stats: StoreStats = { commits: 0, units: 0 };
  private readonly queue: PendingUnit[] = [];
  private draining = false;
  private fence: number | null = null;
  private closed = false;
  private readChain: Promise<void> = Promise.resolve();
  private readonly writeRepos: Repositories;
  private readonly readRepos: Repositories;
  /** What the unit running now has announced (units of a batch run one after another). */
  private announcing: CoreEvent[] | null = null;
  private readonly announcedListeners: ((events: readonly CoreEvent[]) => void)[] = [];

  constructor(
    private readonly writer: SqliteDb,
    private readonly reader: SqliteDb,
  ) {
    this.writeRepos = {
      ...sqliteRepositories(writer),
      announce: (event) => {
        if (!this.announcing) throw new Error('an event can be announced only from inside a unit of work');
        this.announcing.push(event);
      },
    };
    this.readRepos = {
      ...sqliteRepositories(reader),
      announce: () => {
        throw new Error('a read cannot announce an event: nothing it does is committed');
      },
    };
  }

  onAnnounced(listener: (events: readonly CoreEvent[]) => void): void {
    this.announcedListeners.push(listener);
  }

  setFence(token: number | null): void {
    this.fence = token;
  }

  unit<T>(work: (tx: Repositories) => Promise<T>, options: UnitOptions = {}): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the store is closed'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, fenced: options.fenced ?? false, resolve: resolve as (v: unknown) => void, reject });
      if (!this.draining) {
        this.draining = true;
        // Let the rest of this tick submit its units too, so they share the commit.
        setImmediate(() => void this.drain());
      }
    });
  }

  read<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the store is closed'));
    // Reads run one at a time, each in one read transaction so that a multi-statement read
    // sees a single snapshot (the reader connection can hold only one transaction).
    const run = async (): Promise<T> => {
      prepared(this.reader, 'BEGIN').run();
      try {
        return await work(this.readRepos);
      } finally {
        prepared(this.reader, 'COMMIT').run();
      }
    };
    const result = this.readChain.then(run, run);
    this.readChain = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        await this.commitBatch(this.queue.splice(0, MAX_BATCH));
      }
    } finally {
      this.draining = false;
    }
  }

  private async commitBatch(batch: PendingUnit[]): Promise<void> {
    try {
      prepared(this.writer, 'BEGIN IMMEDIATE').run();
    } catch (error) {
      const failure = isBusy(error) ? new StoreBusyError((error as Error).message) : error;
      for (const unit of batch) unit.reject(failure);
      return;
    }
    const outcomes: Outcome[] = [];
    for (let i = 0; i < batch.length; i++) {
      outcomes.push(await this.runInSavepoint(batch[i] as PendingUnit));
      // Units submitted while this transaction is open join it rather than wait a commit:
      // e.g. an instance's first transition, submitted by the unit that created it.
      if (i === batch.length - 1 && batch.length < MAX_BATCH) batch.push(...this.queue.splice(0, MAX_BATCH - batch.length));
    }
    try {
      prepared(this.writer, 'COMMIT').run();
    } catch (error) {
      if (this.writer.inTransaction) this.writer.exec('ROLLBACK');
      for (const unit of batch) unit.reject(error);
      return;
    }
    this.stats.commits += 1;
    this.stats.units += outcomes.filter((o) => o.ok).length;
    const announced = outcomes.flatMap((o) => (o.ok ? o.announced : []));
    if (announced.length > 0) for (const listener of this.announcedListeners) listener(announced);
    for (const o of outcomes) (o.ok ? o.unit.resolve : o.unit.reject)(o.value);
    if (this.stats.commits % OPTIMIZE_EVERY_COMMITS === 0) this.optimize();
  }

  private optimize(): void {
    try {
      this.writer.pragma('optimize');
    } catch (error) {
      // Statistics are an optimisation: a busy or failed ANALYZE is retried at the next round.
      if (!isBusy(error)) throw error;
    }
  }

  private async runInSavepoint(unit: PendingUnit): Promise<Outcome> {
    // Statements prepared once: thousands of units per second each open and close a savepoint.
    prepared(this.writer, 'SAVEPOINT unit').run();
    const announced: CoreEvent[] = [];
    this.announcing = announced;
    try {
      if (unit.fenced) this.checkFence();
      const value = await unit.work(this.writeRepos);
      prepared(this.writer, 'RELEASE unit').run();
      return { unit, ok: true, value, announced };
    } catch (error) {
      prepared(this.writer, 'ROLLBACK TO unit').run();
      prepared(this.writer, 'RELEASE unit').run();
      return { unit, ok: false, value: error, announced: [] };
    } finally {
      this.announcing = null;
    }
  }

  private checkFence(): void {
    const row = prepared(this.writer, 'SELECT fence FROM engine_lease WHERE id = 1').get() as { fence: number } | undefined;
    if (this.fence === null || row?.fence !== this.fence) throw new StaleFenceError(this.fence, row?.fence ?? null);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    while (this.draining) await new Promise((r) => setImmediate(r));
    await this.readChain;
    this.optimize();
    this.reader.close();
    this.writer.close();
  }
}
