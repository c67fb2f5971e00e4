import { performance } from 'node:perf_hooks';
import type { JsonValue } from '@shared/domain/audit';
import type { Clock } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import { newUuidV7 } from '@shared/domain/ids';
import type { Store } from '../store/store';
import type { Repositories } from '../store/repositories';
import type { ScheduleRow } from '../store/schedule-repositories';
import type { EventBus } from '../events/event-bus';
import type { DueWork } from '../engine/runtime/engine';
import { nextFireTimes } from '../schedule-rules';
import { notifyUsers, usersFor } from '../work/notifier';
import type { CalendarRegistry } from './calendar-registry';
import { decideFires, type FireDecision } from './fire-decision';
import { resolveSpec } from './schedule-definition';
import { RunStarter, SCHEDULE_LINK } from './run-starter';
import { localDateOf } from './calendar-views';

export interface SchedulerOptions {
  /** A fire time that passed longer ago than this is a misfire (decided by the schedule's policy), not a late start. */
  graceMs: number;
  /** The wall clock moving this much more (or less) than the monotonic clock between two checks is a clock jump (or sleep). */
  jumpToleranceMs: number;
  /** How often to look for schedules changed by other processes (the CLI). */
  pollMs: number;
}

export const DEFAULT_SCHEDULER_OPTIONS: SchedulerOptions = { graceMs: 60_000, jumpToleranceMs: 5_000, pollMs: 1_000 };

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

/**
 * The scheduler, run by the engine owner as one of the engine's due-work sources: the
 * engine's wake-up timer is the tick, and the store's next fire times are the truth. Each
 * fire is claimed with a conditional update of the schedule row in the same unit of work as
 * the run and the instance it starts, so a fire time starts at most one run whatever crashes,
 * and a takeover continues where the last owner's commits ended.
 *
 * Fire times found late (at start-up, on takeover, after a clock jump or sleep) are decided
 * by the schedule's misfire policy, and each decision is audited with its cause.
 */
export class ScheduleRunner implements DueWork {
  readonly name = 'schedules';
  private readonly starter: RunStarter;
  private cause: 'start-up' | 'takeover' | null = null;
  private wallAt: number | null = null;
  private monoAt = 0;
  private jumpMs: number | null = null;
  private dirty = true;
  private cachedNext: number | null = null;
  private cachedAt = Number.NEGATIVE_INFINITY;
  private calendarsVersion = -1;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly calendars: CalendarRegistry,
    starter: RunStarter,
    private readonly log: (message: string) => void,
    private readonly options: SchedulerOptions = DEFAULT_SCHEDULER_OPTIONS,
    private readonly monotonic: () => number = () => performance.now(),
  ) {
    this.starter = starter;
    // A run that ends may let a queued run start, or settle a cut-off watch.
    events.subscribe((event) => {
      if (event.topic === 'instances.changed' && TERMINAL.has((event.payload as { status: string }).status)) this.dirty = true;
    });
  }

  ownerStarted(cause: 'start-up' | 'takeover'): void {
    this.cause = cause;
    this.dirty = true;
    this.wallAt = null;
  }

  /** A schedule changed in this process: look again now rather than at the next poll. */
  invalidate(): void {
    this.dirty = true;
  }

  async nextDueAt(): Promise<number | null> {
    await this.refreshCache();
    return this.cachedNext;
  }

  private async refreshCache(): Promise<void> {
    const mono = this.monotonic();
    if (!this.dirty && mono - this.cachedAt < this.options.pollMs) return;
    const [fire, alert] = await this.store.read(async (tx) => [await tx.schedules.nextFireAt(), await tx.scheduleRuns.nextAlertAt()]);
    const known = [fire, alert].filter((t): t is number => t !== null);
    this.cachedNext = known.length > 0 ? Math.min(...known) : null;
    this.cachedAt = mono;
  }

  async fireDue(now: number): Promise<void> {
    this.detectJump(now);
    await this.calendars.refresh();
    if (this.calendars.version !== this.calendarsVersion) {
      this.calendarsVersion = this.calendars.version;
      await this.recomputeNextFires(now);
    }
    const wasDirty = this.dirty;
    await this.refreshCache();
    if (!wasDirty && (this.cachedNext === null || this.cachedNext > now)) return;
    this.dirty = false;
    const cause = this.cause ?? (this.jumpMs !== null ? 'clock-jump' : 'late');
    for (const schedule of await this.store.read((tx) => tx.schedules.due(now, 100))) await this.fireSchedule(schedule.id, now, cause);
    await this.startQueued(now);
    await this.checkCutoffs(now);
    this.cause = null;
    this.jumpMs = null;
    this.cachedAt = Number.NEGATIVE_INFINITY;
  }

  /** The wall clock against the monotonic one: a difference beyond the tolerance is a clock change or a sleep. */
  private detectJump(now: number): void {
    const mono = this.monotonic();
    if (this.wallAt !== null) {
      const drift = now - this.wallAt - (mono - this.monoAt);
      if (Math.abs(drift) > this.options.jumpToleranceMs) {
        this.jumpMs = Math.round(drift);
        this.dirty = true;
        this.log(`scheduler: the wall clock moved ${Math.round(drift / 1000)} s more than the monotonic clock (clock change or sleep)`);
      }
    }
    this.wallAt = now;
    this.monoAt = mono;
  }

  private async fireSchedule(scheduleId: string, now: number, cause: string): Promise<void> {
    try {
      const fired = await this.store.unit(
        async (tx) => {
          const schedule = await tx.schedules.get(scheduleId);
          if (!schedule || schedule.status !== 'active' || schedule.nextFireAt === null || schedule.nextFireAt > now) return false;
          const spec = resolveSpec(schedule.definition.spec, this.calendars.lookup);
          if (Array.isArray(spec)) {
            await this.suspendBroken(tx, schedule, spec.map((i) => i.message).join('; '), now);
            return true;
          }
          const decision = decideFires(spec, schedule.nextFireAt, now, schedule.definition.misfire, this.options.graceMs);
          if (decision.misfire) await this.recordMisfire(tx, schedule, decision, cause, now);
          for (const fire of decision.fires) {
            const note =
              fire.trigger === 'misfire' || (decision.misfire && schedule.definition.misfire.policy === 'run-once') ? misfireNote(decision, cause) : null;
            await this.starter.fire(tx, { schedule, scheduledFor: fire.at, trigger: fire.trigger, actor: { kind: 'schedule', scheduleId }, note }, now);
          }
          const lastConsidered = Math.max(schedule.nextFireAt, ...decision.fires.map((f) => f.at), decision.misfire?.last ?? 0);
          const saved = await tx.schedules.save(
            {
              ...schedule,
              nextFireAt: decision.next,
              lastFireAt: lastConsidered,
              status: decision.next === null ? 'ended' : 'active',
              updatedAt: toTimestamp(now),
            },
            schedule.revision,
          );
          if (!saved) throw new Error(`schedule ${schedule.name} changed while firing`);
          return true;
        },
        { fenced: true },
      );
      if (fired) this.events.publish('schedules.changed', { scheduleId }, { kind: 'permission', permission: 'schedule.read' });
    } catch (error) {
      this.log(`scheduler: firing schedule ${scheduleId} failed: ${(error as Error).message}`);
      this.dirty = true;
    }
  }

  /** The decision on late fire times, with its cause; a history row shows the times that start nothing. */
  private async recordMisfire(tx: Repositories, schedule: ScheduleRow, decision: FireDecision, cause: string, now: number): Promise<void> {
    const m = decision.misfire!;
    const payload: { [key: string]: JsonValue } = {
      schedule: schedule.name,
      cause,
      clockJumpMs: this.jumpMs,
      policy: m.policy,
      cap: m.policy === 'run-all' ? m.cap : null,
      missed: m.missed,
      countIsLowerBound: m.countIsLowerBound,
      firstMissed: toTimestamp(m.first),
      lastMissed: toTimestamp(m.last),
      fired: decision.fires.map((f) => toTimestamp(f.at)),
      skipped: m.skipped,
    };
    await tx.audit.append(
      { actor: { kind: 'system', component: 'scheduler' }, action: 'schedule.misfire', subject: { type: 'schedule', id: schedule.id }, payload },
      toTimestamp(now),
    );
    if (m.lastSkipped === null) return;
    const skippedWord = m.policy === 'skip' ? 'skipped (policy skip)' : `skipped beyond the cap of ${m.cap} (policy run-all)`;
    await tx.scheduleRuns.insert({
      id: newUuidV7(now),
      scheduleId: schedule.id,
      scheduledFor: m.lastSkipped,
      firedAt: now,
      trigger: 'misfire',
      status: 'skipped',
      reason: `${misfireNote(decision, cause)}; ${m.skipped} ${skippedWord}`,
      requestedBy: null,
      instanceId: null,
      cutoffAt: null,
      atRiskAt: null,
      atRisk: false,
      alertDue: false,
    });
  }

  /** A schedule that cannot compute its fire times (its calendar went missing) is paused, with the reason, and its owners told. */
  private async suspendBroken(tx: Repositories, schedule: ScheduleRow, reason: string, now: number): Promise<void> {
    const at = toTimestamp(now);
    await tx.schedules.save(
      { ...schedule, status: 'paused', pausedReason: `paused by the scheduler: ${reason}`, updatedAt: at, updatedBy: 'scheduler' },
      schedule.revision,
    );
    await tx.audit.append(
      {
        actor: { kind: 'system', component: 'scheduler' },
        action: 'schedule.paused',
        subject: { type: 'schedule', id: schedule.id },
        payload: { schedule: schedule.name, reason },
      },
      at,
    );
    const owners = await usersFor(tx, [schedule.definition.ownerRole], []);
    await notifyUsers(tx, owners, 'schedule-failed', `Schedule "${schedule.name}" was paused`, reason, SCHEDULE_LINK(schedule.id), now);
  }

  private async startQueued(now: number): Promise<void> {
    const scheduleIds = await this.store.read((tx) => tx.scheduleRuns.schedulesWithQueued());
    for (const scheduleId of scheduleIds) {
      const started = await this.store.unit(
        async (tx) => {
          if ((await tx.scheduleRuns.active(scheduleId)).length > 0) return false;
          const queued = await tx.scheduleRuns.queued(scheduleId);
          const schedule = await tx.schedules.get(scheduleId);
          if (!queued || !schedule) return false;
          await this.starter.startQueued(tx, schedule, queued, now);
          return true;
        },
        { fenced: true },
      );
      if (started) this.events.publish('schedules.changed', { scheduleId }, { kind: 'permission', permission: 'schedule.read' });
    }
  }

  /** Runs whose alert time has come: finished ones are settled, unfinished ones are at risk and their owner role is alerted. */
  private async checkCutoffs(now: number): Promise<void> {
    const due = await this.store.read((tx) => tx.scheduleRuns.alertsDue(now, 100));
    for (const run of due) {
      const finished = run.status === 'skipped' || run.status === 'not-started' || (run.status === 'started' && TERMINAL.has(run.instanceStatus ?? ''));
      await this.store.unit(
        async (tx) => {
          if (finished) return tx.scheduleRuns.update(run.id, { alertDue: false });
          await tx.scheduleRuns.update(run.id, { alertDue: false, atRisk: true });
          const schedule = (await tx.schedules.get(run.scheduleId)) as ScheduleRow;
          const zone = schedule.definition.spec.zone;
          const cutoff = run.cutoffAt === null ? '' : `${localDateOf(run.cutoffAt, zone)} ${schedule.definition.cutoff?.time} ${zone}`;
          const state = run.status === 'queued' ? 'is still queued' : `has not finished (instance ${run.instanceId}, ${run.instanceStatus})`;
          const body = `The run for ${toTimestamp(run.scheduledFor)} ${state}; its cut-off is ${cutoff}.`;
          await tx.audit.append(
            {
              actor: { kind: 'system', component: 'scheduler' },
              action: 'schedule.at-risk',
              subject: { type: 'schedule', id: schedule.id },
              payload: {
                schedule: schedule.name,
                run: run.id,
                instance: run.instanceId,
                cutoffAt: run.cutoffAt === null ? null : toTimestamp(run.cutoffAt),
                ownerRole: schedule.definition.ownerRole,
              },
            },
            toTimestamp(now),
          );
          const owners = await usersFor(tx, [schedule.definition.ownerRole], []);
          await notifyUsers(tx, owners, 'at-risk', `At risk: "${schedule.name}" may miss its cut-off`, body, SCHEDULE_LINK(schedule.id), now);
        },
        { fenced: true },
      );
      this.events.publish('schedules.changed', { scheduleId: run.scheduleId }, { kind: 'permission', permission: 'schedule.read' });
    }
  }

  /**
   * Calendars changed (a holiday added or removed): future fire times are recomputed from the
   * last fire. A fire time already due is left alone: it fires (or misfires) as stored.
   */
  private async recomputeNextFires(now: number): Promise<void> {
    const schedules = await this.store.read((tx) => tx.schedules.list());
    for (const schedule of schedules) {
      if (schedule.status !== 'active' || schedule.nextFireAt === null || schedule.nextFireAt <= now) continue;
      const spec = resolveSpec(schedule.definition.spec, this.calendars.lookup);
      if (Array.isArray(spec)) continue;
      const next = nextFireTimes(spec, Math.max(now, schedule.lastFireAt ?? Number.NEGATIVE_INFINITY), 1)[0] ?? null;
      if (next === schedule.nextFireAt) continue;
      await this.store.unit(
        async (tx) => {
          const saved = await tx.schedules.save({ ...schedule, nextFireAt: next, status: next === null ? 'ended' : 'active' }, schedule.revision);
          if (saved) {
            await tx.audit.append(
              {
                actor: { kind: 'system', component: 'scheduler' },
                action: 'schedule.rescheduled',
                subject: { type: 'schedule', id: schedule.id },
                payload: {
                  schedule: schedule.name,
                  reason: 'calendar changed',
                  from: toTimestamp(schedule.nextFireAt as number),
                  to: next === null ? null : toTimestamp(next),
                },
              },
              toTimestamp(now),
            );
          }
        },
        { fenced: true },
      );
    }
    this.dirty = true;
  }
}

function misfireNote(decision: FireDecision, cause: string): string {
  const m = decision.misfire!;
  const count = `${m.countIsLowerBound ? 'at least ' : ''}${m.missed}`;
  const span = m.missed === 1 ? toTimestamp(m.first) : `${toTimestamp(m.first)} … ${toTimestamp(m.last)}`;
  return `misfire (${cause}): ${count} fire time${m.missed === 1 ? '' : 's'} missed (${span}); policy ${m.policy}`;
}
