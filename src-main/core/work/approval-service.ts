import type { JsonValue } from '@shared/domain/audit';
import type { TaskSummary } from '@shared/contract/work';
import type { Clock } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import type { Store } from '../store/store';
import type { Repositories } from '../store/repositories';
import type { InstanceRow } from '../store/engine-repositories';
import type { ApprovalRow, DecisionRow, TaskRow } from '../store/work-repositories';
import type { EventBus } from '../events/event-bus';
import { AppError, conflict, notFound, refused } from '../dispatch/app-error';
import { userActor, type Principal } from '../auth/principal';
import type { ConflictMatrix } from '../governance/conflict-matrix';
import type { HumanWorkIntake } from './human-work-intake';
import { sodRefusal } from './sod';
import { isCandidate, liveDecisions, subjectHash, taskSummary } from './task-views';
import { notifyUsers, usersFor } from './notifier';

type Decision = 'approve' | 'reject' | 'request-changes';

/**
 * Approval decisions, with the controls an auditor tests enforced here, in the core, for
 * every host: only holders of a level's roles decide it; a decision names the hash of the
 * data it saw and is refused if the data changed; the initiator, whoever entered or changed
 * the data, and the site's conflict matrix are refused (and the attempt audited); one person
 * fills at most one level. Levels run in order, each needing its number of distinct approvers.
 * Break-glass overrides the controls with a reason and raises a review for compliance.
 */
export class ApprovalService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly intake: HumanWorkIntake,
    private readonly conflicts: ConflictMatrix,
    private readonly wake: () => void,
  ) {}

  /** Why this person may not decide this approval now (segregation of duties), or null. */
  async whyNot(
    tx: Repositories,
    principal: Principal,
    approval: ApprovalRow,
    instance: InstanceRow,
    decisions: readonly DecisionRow[],
    now: number,
  ): Promise<string | null> {
    const refusal = sodRefusal({
      approver: { userId: principal.user.id, username: principal.user.username },
      startedBy: instance.startedBy,
      workflow: instance.workflowKey,
      subject: approval.subject,
      provenance: instance.provenance,
      decisions,
      levelName: (level) => approval.levels[level]?.name ?? String(level + 1),
      conflicts: await this.conflicts.conflictsFor(tx, instance.workflowKey, instance.variables, principal.user.id, now),
    });
    return refusal?.message ?? null;
  }

  async decide(principal: Principal, taskId: string, decision: Decision, comment: string | null, dataHash: string): Promise<TaskSummary> {
    return this.record(principal, taskId, decision, comment, dataHash, null);
  }

  async breakGlass(principal: Principal, taskId: string, reason: string, dataHash: string): Promise<TaskSummary> {
    return this.record(principal, taskId, 'approve', reason, dataHash, reason);
  }

  private async record(
    principal: Principal,
    taskId: string,
    decision: Decision,
    comment: string | null,
    dataHash: string,
    breakGlass: string | null,
  ): Promise<TaskSummary> {
    const now = this.clock.now();
    const at = toTimestamp(now);
    const actor = userActor(principal.user);
    const summary = await this.store.unit(async (tx) => {
      const task = await tx.tasks.get(taskId);
      if (!task || task.kind !== 'approval') throw notFound(`approval task ${taskId}`);
      if (task.status !== 'open') throw conflict('task_closed', `This approval level is ${task.status}.`);
      const approval = (await tx.approvals.get(task.requestId)) as ApprovalRow;
      const instance = (await tx.instances.get(task.instanceId)) as InstanceRow;
      if (approval.status !== 'pending') throw conflict('approval_closed', `The approval is ${approval.status}.`);
      const level = approval.levels[approval.currentLevel];
      if (!level) throw new Error(`approval ${approval.id} is past its last level`);
      const viewer = { userId: principal.user.id, username: principal.user.username, roles: principal.user.roles, standsInFor: [] };
      if (!breakGlass && !isCandidate(task, viewer)) {
        throw refused('not_an_approver', `Level "${level.name}" is decided by ${level.roles.join(' or ')}; you hold none of these roles.`);
      }
      const current = subjectHash(approval.subject, instance.variables);
      if (dataHash !== current) {
        throw new AppError(409, 'data_changed', 'The data changed since you opened this approval: review it again before deciding.', {
          issues: [{ path: 'dataHash', message: 'is not the hash of the data now' }],
        });
      }
      const decisions = liveDecisions(approval, await tx.approvals.decisions(approval.id));
      const whyNot = await this.whyNot(tx, principal, approval, instance, decisions, now);
      if (whyNot && !breakGlass) throw refused('segregation_of_duties', whyNot);

      const row: DecisionRow = {
        round: approval.round,
        level: approval.currentLevel,
        userId: principal.user.id,
        username: principal.user.username,
        decision: decision === 'approve' ? 'approved' : decision === 'reject' ? 'rejected' : 'changes-requested',
        comment,
        dataHash: current,
        at,
        voided: false,
        breakGlass: breakGlass !== null,
      };
      await tx.approvals.addDecision(approval.id, row);
      await tx.audit.append(
        {
          actor,
          action: breakGlass ? 'approval.break-glass' : `approval.${row.decision}`,
          subject: { type: 'instance', id: instance.id },
          payload: {
            approval: approval.id,
            task: task.id,
            level: level.name,
            round: approval.round,
            comment,
            dataHash: current,
            ...(breakGlass ? { reason: breakGlass, overridden: whyNot ?? 'no control applied' } : {}),
          },
        },
        at,
      );
      if (breakGlass) await this.raiseReview(tx, instance, approval, task, principal, breakGlass, whyNot, now);

      if (decision === 'reject') {
        await this.close(tx, task, approval, 'rejected', principal, at);
        await this.intake.finish(
          tx,
          instance.id,
          approval.id,
          { decision: 'rejected', comment: comment ?? '', by: principal.user.username, level: level.name },
          { userId: principal.user.id, username: principal.user.username },
          now,
        );
      } else if (decision === 'request-changes') {
        await this.close(tx, task, approval, 'changes-requested', principal, at);
        await this.openRework(tx, instance, approval, comment ?? '', now);
      } else {
        const approvers = decisions.filter((d) => d.level === approval.currentLevel && d.decision === 'approved').length + 1;
        if (approvers >= level.approvers) await this.levelDone(tx, instance, approval, task, principal, now);
      }
      return taskSummary((await tx.tasks.get(task.id)) as TaskRow);
    });
    this.events.publish('tasks.changed', { taskId, status: summary.status }, { kind: 'permission', permission: 'task.read' });
    this.wake();
    return summary;
  }

  private async close(tx: Repositories, task: TaskRow, approval: ApprovalRow, status: ApprovalRow['status'], principal: Principal, at: string): Promise<void> {
    await tx.tasks.update(task.id, { status: 'completed', completedAt: at, completedBy: principal.user.username });
    await tx.workTimers.cancelForTask(task.id);
    await tx.approvals.update(approval.id, { status });
  }

  /** A level has its approvers: on to the next, or the approval is given and the instance goes on. */
  private async levelDone(tx: Repositories, instance: InstanceRow, approval: ApprovalRow, task: TaskRow, principal: Principal, now: number): Promise<void> {
    const at = toTimestamp(now);
    await tx.tasks.update(task.id, { status: 'completed', completedAt: at, completedBy: principal.user.username });
    await tx.workTimers.cancelForTask(task.id);
    const next = approval.currentLevel + 1;
    if (next < approval.levels.length) {
      await tx.approvals.update(approval.id, { currentLevel: next });
      await this.intake.openLevel(tx, instance, { ...approval, currentLevel: next }, await this.intake.approvalWork(tx, approval.id), now);
      return;
    }
    await tx.approvals.update(approval.id, { status: 'approved' });
    const decisions = liveDecisions(approval, await tx.approvals.decisions(approval.id));
    const levels: JsonValue = approval.levels.map((l, i) => ({
      name: l.name,
      approvers: decisions.filter((d) => d.level === i && d.decision === 'approved').map((d) => d.username),
    }));
    await this.intake.finish(
      tx,
      instance.id,
      approval.id,
      { decision: 'approved', levels, dataHash: subjectHash(approval.subject, instance.variables) },
      { userId: principal.user.id, username: principal.user.username },
      now,
    );
  }

  /** "Request changes": back to the maker — whoever started the instance, else who last set the data — with the comment. */
  private async openRework(tx: Repositories, instance: InstanceRow, approval: ApprovalRow, comment: string, now: number): Promise<void> {
    let maker: string | null = instance.startedBy.kind === 'user' ? instance.startedBy.username : null;
    if (!maker) {
      const entries = Object.entries(instance.provenance).filter(
        ([path, e]) => approval.subject.some((s) => path === s || path.startsWith(`${s}.`)) && (e.by.kind === 'user' || e.by.kind === 'input'),
      );
      const last = entries.sort((a, b) => b[1].at - a[1].at)[0];
      maker = last && (last[1].by.kind === 'user' || last[1].by.kind === 'input') ? last[1].by.username : null;
    }
    const work = await this.intake.approvalWork(tx, approval.id);
    await this.intake.createTask(tx, instance, `${approval.id}/r${approval.round}/rework`, approval.activationId, approval.step, 'rework', approval.id, work, {
      title: `Changes requested: ${work.title}`,
      roles: maker ? [] : (approval.levels[0]?.roles ?? []),
      users: maker ? [maker] : [],
      levelLabel: null,
      sla: null,
      followUpMs: null,
      now,
      rework: { approvalId: approval.id, comment, paths: approval.subject },
    });
  }

  /**
   * The maker finished the rework. Changed data reaches the instance as a data change, and
   * the approval restarts when the engine applies it (its decisions are void); unchanged data
   * restarts the approval here.
   */
  async reworked(
    tx: Repositories,
    task: TaskRow,
    changes: { [path: string]: JsonValue },
    by: { userId: string; username: string },
    now: number,
  ): Promise<void> {
    const at = toTimestamp(now);
    const approvalId = task.spec.rework?.approvalId as string;
    if (Object.keys(changes).length > 0) {
      await tx.mailbox.append(task.instanceId, { kind: 'data-changed', changes, by: { kind: 'user', ...by }, reason: `rework of approval ${approvalId}` }, at);
      return;
    }
    const instance = (await tx.instances.get(task.instanceId)) as InstanceRow;
    await this.intake.dataChanged(tx, instance, approvalId, now);
  }

  private async raiseReview(
    tx: Repositories,
    instance: InstanceRow,
    approval: ApprovalRow,
    task: TaskRow,
    principal: Principal,
    reason: string,
    overridden: string | null,
    now: number,
  ): Promise<void> {
    const at = toTimestamp(now);
    const id = `${approval.id}.break-glass.${now}`;
    await tx.incidents.insert({
      id,
      instanceId: instance.id,
      activationId: approval.activationId,
      step: approval.step,
      type: 'break-glass-review',
      error: {
        code: 'BREAK_GLASS',
        message: `${principal.user.username} overrode the approval controls: ${reason}`,
        retryable: false,
        // Who broke the glass: they may not review their own override (incidents.resolve).
        details: { overridden, task: task.id, by: principal.user.id },
      },
      attempts: 0,
      inputs: null,
      status: 'open',
      ownerRole: 'compliance',
      severity: 'high',
      createdAt: at,
      resolvedAt: null,
      resolution: null,
      resolvedBy: null,
    });
    await notifyUsers(
      tx,
      await usersFor(tx, ['compliance'], []),
      'review',
      'Break-glass approval to review',
      `${principal.user.username} on ${instance.workflowKey} ${instance.businessKey ?? instance.id}: ${reason}`,
      `#/exceptions`,
      now,
    );
  }
}
