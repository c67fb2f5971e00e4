import { toTimestamp } from '@shared/domain/time';
import type { JsonValue } from '@shared/domain/audit';
import type { Repositories } from '../store/repositories';
import type { InstanceRow } from '../store/engine-repositories';
import type { ApprovalRow, TaskRow } from '../store/work-repositories';
import type { Command, HumanWork } from '../engine/interpreter/types';
import type { HumanWorkGateway } from '../engine/runtime/human-work-gateway';
import { dueAt, escalationTimes, type CalendarLookup, type SlaSpec } from './sla-clock';
import { notifyCandidates } from './notifier';

type HumanCommand = Extract<Command, { kind: 'human' }>;
type ApprovalWork = Extract<HumanWork, { kind: 'approval' }>;

const ENGINE = { kind: 'system', component: 'engine' } as const;

/**
 * Turns the engine's requests for people into tasks, in the same unit of work as the
 * transition that asked: a task step becomes one task; an approval becomes an approval
 * record and one task per level in turn. Also cancels work when its step is cancelled, and
 * restarts an approval round when the data it is about changes.
 */
export class HumanWorkIntake implements HumanWorkGateway {
  constructor(private readonly calendars: CalendarLookup) {}

  async open(tx: Repositories, instance: InstanceRow, command: HumanCommand, now: number): Promise<void> {
    const at = toTimestamp(now);
    if (command.work.kind === 'task') {
      await this.createTask(tx, instance, command.requestId, command.activationId, command.step, 'task', command.requestId, command.work, {
        title: command.work.title,
        roles: command.work.candidates.roles,
        users: command.work.candidates.users,
        levelLabel: null,
        sla: command.work.sla as SlaSpec | null,
        followUpMs: command.work.followUpMs,
        now,
      });
      return;
    }
    const approval: ApprovalRow = {
      id: command.requestId,
      instanceId: instance.id,
      activationId: command.activationId,
      step: command.step,
      subject: command.work.subject,
      levels: command.work.levels,
      currentLevel: 0,
      round: 1,
      status: 'pending',
    };
    await tx.approvals.insert(approval);
    if (approval.levels.length === 0) {
      // The delegation-of-authority matrix required no approval for this data.
      await tx.approvals.update(approval.id, { status: 'approved' });
      await tx.audit.append(
        {
          actor: ENGINE,
          action: 'approval.not-required',
          subject: { type: 'instance', id: instance.id },
          payload: { approval: approval.id, step: command.step },
        },
        at,
      );
      await tx.mailbox.append(
        instance.id,
        { kind: 'human-done', requestId: approval.id, output: { decision: 'approved', levels: [] }, by: { kind: 'engine' } },
        at,
      );
      return;
    }
    await this.openLevel(tx, instance, approval, command.work, now);
  }

  /** The task for the approval's current level. */
  async openLevel(tx: Repositories, instance: InstanceRow, approval: ApprovalRow, work: ApprovalWork, now: number): Promise<void> {
    const level = approval.levels[approval.currentLevel];
    if (!level) throw new Error(`approval ${approval.id} has no level ${approval.currentLevel}`);
    const label = `${level.name} — level ${approval.currentLevel + 1} of ${approval.levels.length}${level.approvers > 1 ? `, ${level.approvers} approvers` : ''}`;
    await this.createTask(
      tx,
      instance,
      `${approval.id}/r${approval.round}/l${approval.currentLevel}`,
      approval.activationId,
      approval.step,
      'approval',
      approval.id,
      work,
      {
        title: work.title,
        roles: level.roles,
        users: [],
        levelLabel: label,
        sla: work.sla as SlaSpec | null,
        followUpMs: null,
        now,
      },
    );
  }

  async createTask(
    tx: Repositories,
    instance: InstanceRow,
    id: string,
    activationId: string,
    step: string,
    kind: TaskRow['kind'],
    requestId: string,
    work: HumanWork,
    options: {
      title: string;
      roles: string[];
      users: string[];
      levelLabel: string | null;
      sla: SlaSpec | null;
      followUpMs: number | null;
      now: number;
      rework?: TaskRow['spec']['rework'];
    },
  ): Promise<TaskRow> {
    const at = toTimestamp(options.now);
    const due = options.sla ? dueAt(options.sla, options.now, this.calendars) : null;
    const task: TaskRow = {
      id,
      kind,
      requestId,
      instanceId: instance.id,
      activationId,
      step,
      title: options.title,
      status: 'open',
      priority: work.priority,
      assigneeId: null,
      createdAt: at,
      dueAt: due === null ? null : toTimestamp(due),
      followUpAt: options.followUpMs === null ? null : toTimestamp(options.now + options.followUpMs),
      escalationLevel: 0,
      completedAt: null,
      completedBy: null,
      spec: { work, ...(options.rework ? { rework: options.rework } : {}) },
      workflowKey: instance.workflowKey,
      businessKey: instance.businessKey,
      levelLabel: options.levelLabel,
      candidateRoles: [...new Set(options.roles)],
      candidateUsers: [...new Set(options.users)],
    };
    await tx.tasks.insert(task);
    if (due !== null && options.sla) {
      await tx.workTimers.insert({ id: `${id}/sla`, taskId: id, purpose: 'sla', step: 0, dueAt: due, state: 'pending' });
      for (const [i, time] of escalationTimes(options.sla, due).entries()) {
        await tx.workTimers.insert({ id: `${id}/escalation-${i}`, taskId: id, purpose: 'escalation', step: i, dueAt: time, state: 'pending' });
      }
    }
    await tx.audit.append(
      {
        actor: ENGINE,
        action: 'task.created',
        subject: { type: 'task', id },
        payload: {
          instance: instance.id,
          step,
          kind,
          title: task.title,
          candidates: { roles: task.candidateRoles, users: task.candidateUsers },
          dueAt: task.dueAt,
          level: options.levelLabel,
        },
      },
      at,
    );
    await notifyCandidates(
      tx,
      task,
      'new-work',
      `New ${kind === 'approval' ? 'approval' : 'task'}: ${task.title}`,
      `${instance.workflowKey}${instance.businessKey ? ` ${instance.businessKey}` : ''}${options.levelLabel ? ` — ${options.levelLabel}` : ''}`,
      options.now,
    );
    return task;
  }

  async cancel(tx: Repositories, requestId: string, now: number): Promise<void> {
    const at = toTimestamp(now);
    for (const task of await tx.tasks.activeOfRequest(requestId)) {
      await tx.tasks.update(task.id, { status: 'cancelled', completedAt: at });
      await tx.workTimers.cancelForTask(task.id);
      await tx.audit.append({ actor: ENGINE, action: 'task.cancelled', subject: { type: 'task', id: task.id }, payload: { instance: task.instanceId } }, at);
    }
    const approval = await tx.approvals.get(requestId);
    if (approval && (approval.status === 'pending' || approval.status === 'changes-requested')) await tx.approvals.update(requestId, { status: 'cancelled' });
  }

  /** The data an approval is about changed: every decision of this round is void and the approval starts again at level 1. */
  async dataChanged(tx: Repositories, instance: InstanceRow, requestId: string, now: number): Promise<void> {
    const approval = await tx.approvals.get(requestId);
    if (!approval || (approval.status !== 'pending' && approval.status !== 'changes-requested')) return;
    const at = toTimestamp(now);
    for (const task of await tx.tasks.activeOfRequest(requestId)) {
      await tx.tasks.update(task.id, { status: 'cancelled', completedAt: at });
      await tx.workTimers.cancelForTask(task.id);
    }
    const voided = await tx.approvals.voidRound(requestId, approval.round);
    const next: ApprovalRow = { ...approval, round: approval.round + 1, currentLevel: 0, status: 'pending' };
    await tx.approvals.update(requestId, { round: next.round, currentLevel: 0, status: 'pending' });
    await tx.audit.append(
      {
        actor: ENGINE,
        action: 'approval.restarted',
        subject: { type: 'instance', id: instance.id },
        payload: { approval: requestId, reason: 'the data under approval changed', voidedDecisions: voided, round: next.round },
      },
      at,
    );
    const work = await this.approvalWork(tx, requestId);
    await this.openLevel(tx, instance, next, work, now);
  }

  /** The approval spec as the step asked for it (kept on the first level's task). */
  async approvalWork(tx: Repositories, requestId: string): Promise<ApprovalWork> {
    const first = await tx.tasks.get(`${requestId}/r1/l0`);
    if (!first || first.spec.work.kind !== 'approval') throw new Error(`approval ${requestId} has no first task`);
    return first.spec.work;
  }

  /** Completes the step that waits for this request. */
  async finish(
    tx: Repositories,
    instanceId: string,
    requestId: string,
    output: { [key: string]: JsonValue },
    by: { userId: string; username: string } | null,
    now: number,
  ): Promise<void> {
    await tx.mailbox.append(instanceId, { kind: 'human-done', requestId, output, by: by ? { kind: 'user', ...by } : { kind: 'engine' } }, toTimestamp(now));
  }
}
