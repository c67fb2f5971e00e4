import { performance } from 'node:perf_hooks';
import type { Store } from '../../store/store';
import type { DueWork } from '../../engine/runtime/engine';
import type { Checkpointer } from './checkpointer';
import type { EvidenceSettings } from './evidence-settings';

/** How long after a failed checkpoint or witness copy it is tried again. */
const RETRY_MS = 60_000;
/** The engine asks when work is next due after every pump; the answer is read from the store at most this often. */
const LOOK_EVERY_MS = 1_000;

/**
 * Scheduled checkpoints, made by the engine owner only (one signer at a time): as soon as
 * `everyEvents` events were added since the last checkpoint, and at least every
 * `everyMinutes` while events are being added. Witness copies that failed (an unmounted
 * share) are retried on the same beat. fireDue starts a round and returns: a first
 * checkpoint of a long trail reads every event, and the engine loop must not wait for it.
 */
export class CheckpointSchedule implements DueWork {
  readonly name = 'audit-checkpoints';
  private retryAt = 0;
  private round: Promise<void> | null = null;
  private cached: { due: number | null; at: number } | null = null;

  constructor(
    private readonly store: Store,
    private readonly settings: EvidenceSettings,
    private readonly checkpointer: Checkpointer,
    private readonly log: (message: string) => void,
  ) {}

  ownerStarted(): void {
    this.settings.refresh();
    this.cached = null;
  }

  /** Something changed (settings, a checkpoint made elsewhere in this process): look again now. */
  invalidate(): void {
    this.cached = null;
    this.retryAt = 0;
  }

  async nextDueAt(): Promise<number | null> {
    if (this.round) return null;
    const mono = performance.now();
    if (this.cached && mono - this.cached.at < LOOK_EVERY_MS) return this.cached.due;
    const due = await this.lookUp();
    this.cached = { due, at: mono };
    return due;
  }

  private async lookUp(): Promise<number | null> {
    const { schedule, witnessFolder } = await this.settings.get();
    const { head, latest, unwitnessed } = await this.store.read(async (tx) => ({
      head: await tx.trail.size(),
      latest: (await tx.checkpoints.page(null, 1))[0] ?? null,
      unwitnessed: witnessFolder ? (await tx.checkpoints.count()).unwitnessed : 0,
    }));
    const candidates: number[] = [];
    if (unwitnessed > 0) candidates.push(this.retryAt);
    const added = head - (latest?.checkpoint.treeSize ?? 0);
    if (added > 0) {
      if (!latest || (schedule.everyEvents > 0 && added >= schedule.everyEvents)) candidates.push(this.retryAt);
      else if (schedule.everyMinutes > 0) candidates.push(Math.max(this.retryAt, Date.parse(latest.checkpoint.time) + schedule.everyMinutes * 60_000));
    }
    return candidates.length ? Math.min(...candidates) : null;
  }

  async fireDue(now: number): Promise<void> {
    if (this.round) return;
    const due = await this.nextDueAt();
    if (due === null || due > now) return;
    this.round = this.run(now).finally(() => {
      this.round = null;
      this.cached = null;
    });
  }

  /** Waits for a round in progress (shutdown). */
  async stop(): Promise<void> {
    await this.round;
  }

  private async run(now: number): Promise<void> {
    try {
      this.settings.refresh();
      await this.checkpointer.create('schedule', { skipIfCurrent: true });
      await this.checkpointer.retryWitness();
    } catch (error) {
      this.retryAt = now + RETRY_MS;
      this.log(`audit: scheduled checkpoint failed, retrying in a minute: ${(error as Error).message}`);
      return;
    }
    // A witness folder that is still unavailable is not retried on every engine beat.
    const { witnessFolder } = await this.settings.get();
    const unwitnessed = witnessFolder ? (await this.store.read((tx) => tx.checkpoints.count())).unwitnessed : 0;
    this.retryAt = unwitnessed > 0 ? now + RETRY_MS : 0;
  }
}
