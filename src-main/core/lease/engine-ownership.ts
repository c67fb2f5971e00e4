import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Clock } from '@shared/domain/time';
import type { Store } from '../store/store';
import type { LeaseRow } from '../store/repositories';
import { toTimestamp } from '@shared/domain/time';

export interface OwnershipOptions {
  /** How long a lease lasts without a heartbeat. A killed owner is replaced after at most this long. */
  ttlMs: number;
  /** How often the owner renews, and a standby retries. Well under ttlMs so that one late beat does not lose the lease. */
  heartbeatMs: number;
}

export const DEFAULT_OWNERSHIP: OwnershipOptions = { ttlMs: 15_000, heartbeatMs: 3_000 };

export interface OwnershipListener {
  /**
   * This process became the engine owner with the given fencing token: start the engine and
   * scheduler. `cause` is start-up when it owned the engine from its first attempt, takeover
   * when it stood by (or lost the lease) first.
   */
  acquired(fence: number, cause: 'start-up' | 'takeover'): void | Promise<void>;
  /** This process lost the lease (another took over after a stall): stop every engine activity now. */
  lost(reason: string): void | Promise<void>;
}

export type OwnershipState = { role: 'owner'; fence: number } | { role: 'standby'; holder: LeaseRow | null } | { role: 'stopped' };

/**
 * Exactly one process owns a data folder's engine and scheduler: the holder of the lease
 * row, renewed by heartbeat. Others stand by and take over once it expires. Each acquisition
 * increments the fencing token, and the store refuses engine writes whose token is stale,
 * so an owner that was paused (SIGSTOP, a sleeping laptop) cannot write after waking up.
 */
export class EngineOwnership {
  readonly holderId = `${hostname()}:${process.pid}:${randomUUID()}`;
  private timer: NodeJS.Timeout | null = null;
  private current: OwnershipState = { role: 'stopped' };
  private renewedAt = 0;
  private attempted = false;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly listener: OwnershipListener,
    private readonly options: OwnershipOptions = DEFAULT_OWNERSHIP,
  ) {}

  get state(): OwnershipState {
    return this.current;
  }

  async start(): Promise<OwnershipState> {
    await this.beat();
    return this.current;
  }

  private schedule(): void {
    this.timer = setTimeout(() => void this.beat(), this.options.heartbeatMs);
    this.timer.unref();
  }

  /** One heartbeat now: renew if owner, else try to take over. Runs on a timer; also called after a detected clock jump and by tests. */
  async beat(): Promise<void> {
    this.timer = null;
    try {
      if (this.current.role === 'owner') await this.renew(this.current.fence);
      else await this.tryAcquire();
    } catch (error) {
      // A busy database or a transient I/O error: try again at the next beat. An owner
      // that could not renew before its lease ran out stops on its own; the fence protects
      // the store meanwhile.
      process.emitWarning(`engine lease ${this.current.role === 'owner' ? 'renewal' : 'acquisition'} failed: ${(error as Error).message}`);
      if (this.current.role === 'owner' && this.clock.now() >= this.renewedAt + this.options.ttlMs) {
        await this.lose('the engine lease could not be renewed before it expired');
      }
    }
    if (this.current.role !== 'stopped') this.schedule();
  }

  private async tryAcquire(): Promise<void> {
    const now = this.clock.now();
    const result = await this.store.unit(async (tx) => {
      const previous = await tx.lease.get();
      const claim = await tx.lease.tryAcquire({ holder: this.holderId, host: hostname(), pid: process.pid, now, ttlMs: this.options.ttlMs });
      if (claim.acquired) {
        await tx.audit.append(
          {
            actor: { kind: 'system', component: 'engine-ownership' },
            action: 'engine.owner.acquired',
            subject: { type: 'engine', id: 'owner' },
            payload: {
              holder: this.holderId,
              fence: claim.lease.fence,
              previousHolder: previous?.holder ?? null,
              previousExpiredAt: previous ? toTimestamp(previous.expiresAt) : null,
            },
          },
          toTimestamp(now),
        );
      }
      return claim;
    });
    const cause = this.attempted ? 'takeover' : 'start-up';
    this.attempted = true;
    if (result.acquired) {
      this.renewedAt = now;
      this.current = { role: 'owner', fence: result.lease.fence };
      this.store.setFence(result.lease.fence);
      await this.listener.acquired(result.lease.fence, cause);
    } else {
      this.current = { role: 'standby', holder: result.lease };
    }
  }

  private async renew(fence: number): Promise<void> {
    const now = this.clock.now();
    const ok = await this.store.unit((tx) => tx.lease.renew(this.holderId, fence, now, this.options.ttlMs));
    if (ok) this.renewedAt = now;
    else await this.lose('another process took over the engine lease (this process stalled past its expiry)');
  }

  private async lose(reason: string): Promise<void> {
    this.store.setFence(null);
    this.current = { role: 'standby', holder: null };
    await this.listener.lost(reason);
  }

  /** Stops heartbeats and, if we own the lease, releases it so a standby takes over at once. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const state = this.current;
    this.current = { role: 'stopped' };
    if (state.role === 'owner') {
      // The engine finishes what is in flight while it still holds the fence, then lets go.
      await this.listener.lost('shutting down');
      this.store.setFence(null);
      await this.store.unit((tx) => tx.lease.release(this.holderId, state.fence));
    }
  }
}
