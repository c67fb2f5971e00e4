import type { AuditActor, JsonValue } from '@shared/domain/audit';
import { newUuidV7 } from '@shared/domain/ids';
import { toTimestamp } from '@shared/domain/time';
import type { Repositories } from '../store/repositories';
import type { ScheduleRow, ScheduleRunRow, ScheduleRunView } from '../store/schedule-repositories';
import type { ExpressionCache } from '../engine/runtime/evaluation';
import { createInstance, requestCancel } from '../engine/services/create-instance';
import { notifyUsers, usersFor } from '../work/notifier';
import { cutoffInstant } from './calendar-views';
import { evaluateInput, fireContext } from './schedule-definition';

export interface RunRequest {
  schedule: ScheduleRow;
  scheduledFor: number;
  trigger: ScheduleRunRow['trigger'];
  /** Who asked: the schedule itself, or the person who pressed Run now. */
  actor: AuditActor;
  /** Shown in the history and the audit trail (a misfire decision, a manual run's reason). */
  note: string | null;
}

export const SCHEDULE_LINK = (scheduleId: string) => `#/schedules/${encodeURIComponent(scheduleId)}`;

function describeActive(active: readonly ScheduleRunView[]): string {
  return active.map((r) => `instance ${r.instanceId} (fire time ${toTimestamp(r.scheduledFor)})`).join(', ');
}

/**
 * Starts (or queues, or skips) one run of a schedule inside the caller's unit of work, so the
 * claim of the fire time, the run row, the instance and their audit events commit together or
 * not at all. The overlap policy decides what happens while an earlier run is still going;
 * a run that cannot start (its input expression fails, the workflow is gone) is recorded as
 * not started and its owner role is told.
 */
export class RunStarter {
  constructor(private readonly expressions: ExpressionCache) {}

  async fire(tx: Repositories, request: RunRequest, now: number): Promise<ScheduleRunRow> {
    const { schedule } = request;
    const active = await tx.scheduleRuns.active(schedule.id);
    const base = this.runRow(request, now);
    if (active.length > 0) {
      switch (schedule.definition.overlap) {
        case 'skip':
          return this.record(
            tx,
            request,
            { ...base, status: 'skipped', reason: join(request.note, `the previous run is still going: ${describeActive(active)}; overlap policy skip`) },
            now,
          );
        case 'queue-one': {
          const queued = await tx.scheduleRuns.queued(schedule.id);
          if (queued) {
            return this.record(
              tx,
              request,
              {
                ...base,
                status: 'skipped',
                reason: join(request.note, `a run (fire time ${toTimestamp(queued.scheduledFor)}) is already queued; overlap policy queue-one`),
              },
              now,
            );
          }
          return this.record(
            tx,
            request,
            { ...base, status: 'queued', reason: join(request.note, `queued behind ${describeActive(active)}; overlap policy queue-one`) },
            now,
          );
        }
        case 'cancel-previous':
          await this.cancelActive(tx, schedule, active, request.scheduledFor, now);
          break;
        case 'allow':
          break;
      }
    }
    return this.start(tx, request, base, now);
  }

  /** Starts a queued run now that the runs before it have ended. */
  async startQueued(tx: Repositories, schedule: ScheduleRow, queued: ScheduleRunView, now: number): Promise<ScheduleRunRow> {
    const request: RunRequest = {
      schedule,
      scheduledFor: queued.scheduledFor,
      trigger: queued.trigger,
      actor: { kind: 'schedule', scheduleId: schedule.id },
      note: queued.reason,
    };
    return this.start(tx, request, { ...queued }, now, true);
  }

  private runRow(request: RunRequest, now: number): ScheduleRunRow {
    const { cutoff, spec } = request.schedule.definition;
    const cutoffAt = cutoff ? cutoffInstant(cutoff, request.scheduledFor, spec.zone) : null;
    return {
      id: newUuidV7(now),
      scheduleId: request.schedule.id,
      scheduledFor: request.scheduledFor,
      firedAt: now,
      trigger: request.trigger,
      status: 'started',
      reason: request.note,
      requestedBy: request.actor.kind === 'user' ? request.actor.username : null,
      instanceId: null,
      cutoffAt,
      atRiskAt: cutoff && cutoffAt !== null ? cutoffAt - cutoff.alertMinutesBefore * 60_000 : null,
      atRisk: false,
      alertDue: cutoff !== null,
    };
  }

  private async start(tx: Repositories, request: RunRequest, run: ScheduleRunRow, now: number, fromQueue = false): Promise<ScheduleRunRow> {
    const { schedule } = request;
    const definition = schedule.definition;
    let instanceId: string;
    try {
      const version = await tx.workflows.latest(definition.workflow);
      if (!version) throw new Error(`no workflow "${definition.workflow}" is deployed`);
      const input = evaluateInput(definition, fireContext(schedule.name, definition.spec, request.scheduledFor, request.trigger), this.expressions, now);
      instanceId = await createInstance(tx, this.expressions, {
        actor: request.actor,
        version,
        input,
        now,
        origin: { schedule: { id: schedule.id, name: schedule.name }, scheduledFor: toTimestamp(request.scheduledFor), trigger: request.trigger },
      });
    } catch (error) {
      const reason = join(request.note, `could not start: ${(error as Error).message}`);
      const failed: ScheduleRunRow = { ...run, status: 'not-started', reason, alertDue: false };
      await this.save(tx, failed, fromQueue);
      await this.audit(tx, request, failed, now);
      const owners = await usersFor(tx, [definition.ownerRole], []);
      await notifyUsers(tx, owners, 'schedule-failed', `Schedule "${schedule.name}" could not start a run`, reason, SCHEDULE_LINK(schedule.id), now);
      return failed;
    }
    const started: ScheduleRunRow = { ...run, status: 'started', instanceId };
    await this.save(tx, started, fromQueue);
    await this.audit(tx, request, started, now);
    return started;
  }

  private async record(tx: Repositories, request: RunRequest, run: ScheduleRunRow, now: number): Promise<ScheduleRunRow> {
    // A skipped run has no deadline to watch; a queued one does (it is at risk while it waits).
    const row = run.status === 'skipped' ? { ...run, alertDue: false } : run;
    await this.save(tx, row, false);
    await this.audit(tx, request, row, now);
    return row;
  }

  private async save(tx: Repositories, run: ScheduleRunRow, existing: boolean): Promise<void> {
    if (existing) await tx.scheduleRuns.update(run.id, { status: run.status, reason: run.reason, instanceId: run.instanceId, alertDue: run.alertDue });
    else await tx.scheduleRuns.insert(run);
  }

  private async audit(tx: Repositories, request: RunRequest, run: ScheduleRunRow, now: number): Promise<void> {
    const action = { started: 'schedule.run-started', queued: 'schedule.run-queued', skipped: 'schedule.run-skipped', 'not-started': 'schedule.run-failed' }[
      run.status
    ];
    const payload: { [key: string]: JsonValue } = {
      schedule: request.schedule.name,
      run: run.id,
      scheduledFor: toTimestamp(run.scheduledFor),
      trigger: run.trigger,
      instance: run.instanceId,
      reason: run.reason,
      cutoffAt: run.cutoffAt === null ? null : toTimestamp(run.cutoffAt),
    };
    await tx.audit.append({ actor: request.actor, action, subject: { type: 'schedule', id: request.schedule.id }, payload }, toTimestamp(now));
  }

  private async cancelActive(tx: Repositories, schedule: ScheduleRow, active: readonly ScheduleRunView[], newFire: number, now: number): Promise<void> {
    const at = toTimestamp(now);
    const reason = `superseded by the run for ${toTimestamp(newFire)} of schedule "${schedule.name}" (overlap policy cancel-previous)`;
    for (const run of active) {
      const instance = await tx.instances.get(run.instanceId as string);
      if (!instance) continue;
      await requestCancel(tx, instance, { kind: 'engine' }, reason, at);
      await tx.audit.append(
        {
          actor: { kind: 'schedule', scheduleId: schedule.id },
          action: 'instance.cancel-requested',
          subject: { type: 'instance', id: instance.id },
          payload: { reason },
        },
        at,
      );
    }
  }
}

function join(note: string | null, text: string): string {
  return note ? `${note}; ${text}` : text;
}
