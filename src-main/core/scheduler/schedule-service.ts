import type { AuditActor } from '@shared/domain/audit';
import type { FireTime, ScheduleInput, ScheduleRun, ScheduleSummary } from '@shared/contract/schedules';
import type { Clock, Timestamp } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import { newUuidV7 } from '@shared/domain/ids';
import type { Store } from '../store/store';
import type { Repositories } from '../store/repositories';
import type { ScheduleRow, ScheduleRunView } from '../store/schedule-repositories';
import type { EventBus } from '../events/event-bus';
import { conflict, invalid, notFound } from '../dispatch/app-error';
import type { ExpressionCache } from '../engine/runtime/evaluation';
import { describeRule, nextFireTimes, type ResolvedSpec } from '../schedule-rules';
import type { CalendarRegistry } from './calendar-registry';
import { fireTimeView } from './calendar-views';
import { checkDefinition, invalidIssues, resolveSpec } from './schedule-definition';
import type { RunStarter } from './run-starter';

type UserActor = AuditActor & { kind: 'user' };

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

export function runView(run: ScheduleRunView, now: number): ScheduleRun {
  const unfinished = run.status === 'queued' || (run.status === 'started' && !TERMINAL.has(run.instanceStatus ?? ''));
  const endedLate = run.endedAt !== null && run.cutoffAt !== null && Date.parse(run.endedAt) > run.cutoffAt;
  return {
    id: run.id,
    scheduleId: run.scheduleId,
    scheduledFor: toTimestamp(run.scheduledFor),
    firedAt: toTimestamp(run.firedAt),
    trigger: run.trigger,
    status: run.status,
    reason: run.reason,
    requestedBy: run.requestedBy,
    instanceId: run.instanceId,
    outcome: run.instanceStatus,
    endedAt: run.endedAt as Timestamp | null,
    cutoffAt: run.cutoffAt === null ? null : toTimestamp(run.cutoffAt),
    atRisk: run.atRisk,
    missedCutoff: run.cutoffAt !== null && (endedLate || (unfinished && now > run.cutoffAt)),
  };
}

/**
 * Schedules as people manage them: create, change, pause, resume, run now, preview and
 * history. Any process may call these (the console, the CLI); the engine owner's
 * ScheduleRunner fires what they store. Each change is audited with the definition before
 * and after.
 */
export class ScheduleService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly calendars: CalendarRegistry,
    private readonly expressions: ExpressionCache,
    private readonly starter: RunStarter,
    /** Tells the local runner and engine to look again (no-op where this process does not own the engine). */
    private readonly changed: () => void,
  ) {}

  async list(): Promise<{ items: ScheduleSummary[] }> {
    const now = this.clock.now();
    return this.store.read(async (tx) => {
      const atRisk = new Set(await tx.scheduleRuns.atRiskSchedules());
      const items: ScheduleSummary[] = [];
      for (const row of await tx.schedules.list()) items.push(await this.summary(tx, row, atRisk.has(row.id), now));
      return { items };
    });
  }

  async get(scheduleId: string, count: number): Promise<{ schedule: ScheduleSummary; next: FireTime[]; runs: ScheduleRun[] }> {
    await this.calendars.refresh(true);
    const now = this.clock.now();
    return this.store.read(async (tx) => {
      const row = await this.row(tx, scheduleId);
      const atRisk = (await tx.scheduleRuns.atRiskSchedules()).includes(row.id);
      const spec = resolveSpec(row.definition.spec, this.calendars.lookup);
      const next = row.status === 'active' && !Array.isArray(spec) ? this.upcoming(spec, row.nextFireAt, count) : [];
      const runs = (await tx.scheduleRuns.history(row.id, 20)).map((r) => runView(r, now));
      return { schedule: await this.summary(tx, row, atRisk, now), next, runs };
    });
  }

  async preview(spec: ScheduleInput['spec'], count: number, after: Timestamp | undefined): Promise<{ describe: string; next: FireTime[] }> {
    await this.calendars.refresh(true);
    const resolved = resolveSpec(spec, this.calendars.lookup);
    if (Array.isArray(resolved)) throw invalidIssues(resolved);
    const from = after ? Date.parse(after) : this.clock.now();
    return { describe: describeRule(resolved), next: nextFireTimes(resolved, from, count).map((at) => fireTimeView(resolved, at)) };
  }

  async history(scheduleId: string, limit: number, cursor: string | undefined): Promise<{ items: ScheduleRun[]; nextCursor: string | null }> {
    const now = this.clock.now();
    const rows = await this.store.read(async (tx) => {
      const row = await this.row(tx, scheduleId);
      return tx.scheduleRuns.history(row.id, limit + 1, cursor === undefined ? undefined : Number(cursor));
    });
    const page = rows.slice(0, limit);
    return { items: page.map((r) => runView(r, now)), nextCursor: rows.length > limit ? String(page.at(-1)?.seq) : null };
  }

  async create(actor: UserActor, definition: ScheduleInput): Promise<ScheduleSummary> {
    await this.calendars.refresh(true);
    const now = this.clock.now();
    const at = toTimestamp(now);
    const summary = await this.store.unit(async (tx) => {
      if (await tx.schedules.byName(definition.name)) throw conflict('schedule_exists', `A schedule named "${definition.name}" exists; choose another name.`);
      const spec = await this.check(tx, definition, now);
      const row: ScheduleRow = {
        id: newUuidV7(now),
        name: definition.name,
        definition,
        status: 'active',
        pausedReason: null,
        nextFireAt: firstFire(spec, now),
        lastFireAt: null,
        revision: 0,
        createdAt: at,
        updatedAt: at,
        updatedBy: actor.username,
      };
      await tx.schedules.insert(row);
      await tx.audit.append(
        {
          actor,
          action: 'schedule.created',
          subject: { type: 'schedule', id: row.id },
          payload: { definition, describe: describeRule(spec), nextFireAt: toTimestamp(row.nextFireAt as number) },
        },
        at,
      );
      return this.summary(tx, row, false, now);
    });
    this.publish(summary.id);
    return summary;
  }

  async update(actor: UserActor, scheduleId: string, revision: number, definition: ScheduleInput): Promise<ScheduleSummary> {
    await this.calendars.refresh(true);
    const now = this.clock.now();
    const at = toTimestamp(now);
    const summary = await this.store.unit(async (tx) => {
      const row = await this.current(tx, scheduleId, revision);
      const other = await tx.schedules.byName(definition.name);
      if (other && other.id !== row.id) throw conflict('schedule_exists', `A schedule named "${definition.name}" exists; choose another name.`);
      const spec = await this.check(tx, definition, now);
      const next: ScheduleRow = {
        ...row,
        name: definition.name,
        definition,
        nextFireAt: row.status === 'paused' ? null : firstFire(spec, Math.max(now, row.lastFireAt ?? now)),
        status: row.status === 'paused' ? 'paused' : 'active',
        updatedAt: at,
        updatedBy: actor.username,
      };
      await this.save(tx, next, row.revision);
      await tx.audit.append(
        {
          actor,
          action: 'schedule.updated',
          subject: { type: 'schedule', id: row.id },
          payload: {
            before: row.definition,
            after: definition,
            describe: describeRule(spec),
            nextFireAt: next.nextFireAt === null ? null : toTimestamp(next.nextFireAt),
          },
        },
        at,
      );
      return this.summary(tx, { ...next, revision: row.revision + 1 }, false, now);
    });
    this.publish(summary.id);
    return summary;
  }

  async pause(actor: UserActor, scheduleId: string, reason: string): Promise<ScheduleSummary> {
    return this.setStatus(actor, scheduleId, 'schedule.paused', reason, (row) => {
      if (row.status !== 'active') throw conflict('not_active', `The schedule is ${row.status}; only an active schedule can be paused.`);
      return { ...row, status: 'paused', pausedReason: reason, nextFireAt: null };
    });
  }

  /** Fire times that passed while paused are skipped: pausing means "do not run", not "run later". */
  async resume(actor: UserActor, scheduleId: string): Promise<ScheduleSummary> {
    await this.calendars.refresh(true);
    const now = this.clock.now();
    return this.setStatus(actor, scheduleId, 'schedule.resumed', null, (row) => {
      if (row.status !== 'paused') throw conflict('not_paused', `The schedule is ${row.status}, not paused.`);
      const spec = resolveSpec(row.definition.spec, this.calendars.lookup);
      if (Array.isArray(spec)) throw invalidIssues(spec);
      const next = nextFireTimes(spec, now, 1)[0] ?? null;
      return { ...row, status: next === null ? 'ended' : 'active', pausedReason: null, nextFireAt: next };
    });
  }

  async runNow(actor: UserActor, scheduleId: string, reason: string): Promise<ScheduleRun> {
    const now = this.clock.now();
    const run = await this.store.unit(async (tx) => {
      const schedule = await this.row(tx, scheduleId);
      const started = await this.starter.fire(
        tx,
        { schedule, scheduledFor: now, trigger: 'manual', actor, note: `run now by ${actor.username}: ${reason}` },
        now,
      );
      return (await tx.scheduleRuns.get(started.id)) as ScheduleRunView;
    });
    this.publish(run.scheduleId);
    return runView(run, now);
  }

  private async setStatus(
    actor: UserActor,
    scheduleId: string,
    action: string,
    reason: string | null,
    change: (row: ScheduleRow) => ScheduleRow,
  ): Promise<ScheduleSummary> {
    const now = this.clock.now();
    const at = toTimestamp(now);
    const summary = await this.store.unit(async (tx) => {
      const row = await this.row(tx, scheduleId);
      const next = { ...change(row), updatedAt: at, updatedBy: actor.username };
      await this.save(tx, next, row.revision);
      await tx.audit.append(
        {
          actor,
          action,
          subject: { type: 'schedule', id: row.id },
          payload: { schedule: row.name, reason, nextFireAt: next.nextFireAt === null ? null : toTimestamp(next.nextFireAt) },
        },
        at,
      );
      return this.summary(tx, { ...next, revision: row.revision + 1 }, false, now);
    });
    this.publish(summary.id);
    return summary;
  }

  private async check(tx: Repositories, definition: ScheduleInput, now: number): Promise<ResolvedSpec> {
    const workflowDeployed = (await tx.workflows.latest(definition.workflow)) !== null;
    const spec = checkDefinition(definition, { calendars: this.calendars.lookup, workflowDeployed, expressions: this.expressions, now });
    if (firstFire(spec, now) === null) throw invalid('spec.endDate', 'the rule gives no fire time after now; check the start and end dates');
    return spec;
  }

  private upcoming(spec: ResolvedSpec, nextFireAt: number | null, count: number): FireTime[] {
    if (nextFireAt === null) return [];
    return [nextFireAt, ...nextFireTimes(spec, nextFireAt, count - 1)].map((at) => fireTimeView(spec, at));
  }

  private async summary(tx: Repositories, row: ScheduleRow, atRisk: boolean, now: number): Promise<ScheduleSummary> {
    const last = await tx.scheduleRuns.latest(row.id);
    return {
      id: row.id,
      name: row.name,
      description: row.definition.description,
      workflow: row.definition.workflow,
      describe: describeRule(row.definition.spec as ResolvedSpec),
      definition: row.definition,
      status: row.status,
      pausedReason: row.pausedReason,
      nextFireAt: row.nextFireAt === null ? null : toTimestamp(row.nextFireAt),
      lastRun: last ? runView(last, now) : null,
      atRisk,
      revision: row.revision,
      updatedAt: row.updatedAt as Timestamp,
      updatedBy: row.updatedBy,
    };
  }

  private async row(tx: Repositories, scheduleId: string): Promise<ScheduleRow> {
    const row = (await tx.schedules.get(scheduleId)) ?? (await tx.schedules.byName(scheduleId));
    if (!row) throw notFound(`schedule ${scheduleId}`);
    return row;
  }

  private async current(tx: Repositories, scheduleId: string, revision: number): Promise<ScheduleRow> {
    const row = await this.row(tx, scheduleId);
    if (row.revision !== revision) {
      throw conflict(
        'stale_revision',
        `The schedule was changed by ${row.updatedBy} at ${row.updatedAt} (revision ${row.revision}); reload it and apply your change again.`,
      );
    }
    return row;
  }

  private async save(tx: Repositories, row: ScheduleRow, revision: number): Promise<void> {
    if (!(await tx.schedules.save(row, revision))) throw conflict('stale_revision', 'The schedule changed at the same time; reload it and try again.');
  }

  private publish(scheduleId: string): void {
    this.changed();
    this.events.publish('schedules.changed', { scheduleId }, { kind: 'permission', permission: 'schedule.read' });
  }
}

function firstFire(spec: ResolvedSpec, after: number): number | null {
  return nextFireTimes(spec, after, 1)[0] ?? null;
}
