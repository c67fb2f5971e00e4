import { createHash } from 'node:crypto';
import type { JsonValue } from '@shared/domain/audit';
import { canonicalJson } from '@shared/domain/canonical-json';
import type { TaskSummary } from '@shared/contract/work';
import type { ApprovalRow, DecisionRow, TaskRow, Viewer } from '../store/work-repositories';
import { valueAt } from '../engine/interpreter/variables';

export function taskSummary(task: TaskRow): TaskSummary {
  return {
    id: task.id,
    kind: task.kind,
    title: task.title,
    status: task.status,
    instanceId: task.instanceId,
    workflowKey: task.workflowKey,
    businessKey: task.businessKey,
    step: task.step,
    priority: task.priority,
    candidateRoles: task.candidateRoles,
    candidateUsers: task.candidateUsers,
    assignee: task.assigneeId,
    createdAt: task.createdAt as TaskSummary['createdAt'],
    dueAt: task.dueAt as TaskSummary['dueAt'],
    followUpAt: task.followUpAt as TaskSummary['followUpAt'],
    escalationLevel: task.escalationLevel,
    level: task.levelLabel,
  };
}

/** The values of the subject paths, in order: what an approval is about. */
export function subjectData(subject: readonly string[], variables: { [key: string]: JsonValue }): { [path: string]: JsonValue } {
  return Object.fromEntries(subject.map((path) => [path, valueAt(variables, path) ?? null]));
}

/** SHA-256 of the canonical JSON of the subject data: what a decision is bound to. */
export function subjectHash(subject: readonly string[], variables: { [key: string]: JsonValue }): string {
  return createHash('sha256')
    .update(canonicalJson(subjectData(subject, variables)))
    .digest('hex');
}

/** Whether the viewer may take this task: a candidate by role or name, or standing in for a named candidate. */
export function isCandidate(task: TaskRow, viewer: Viewer): boolean {
  if (task.candidateRoles.some((r) => viewer.roles.includes(r))) return true;
  const names = [viewer.username, ...viewer.standsInFor.map((s) => s.username)];
  return task.candidateUsers.some((u) => names.includes(u));
}

/** Whether the task is the viewer's: assigned to them or to someone they stand in for. */
export function isAssignedTo(task: TaskRow, viewer: Viewer): boolean {
  return task.assigneeId !== null && (task.assigneeId === viewer.userId || viewer.standsInFor.some((s) => s.userId === task.assigneeId));
}

export function levelStates(approval: ApprovalRow): ('done' | 'current' | 'pending' | 'rejected')[] {
  return approval.levels.map((_, i) =>
    approval.status === 'approved' || i < approval.currentLevel
      ? 'done'
      : i === approval.currentLevel
        ? approval.status === 'rejected'
          ? 'rejected'
          : 'current'
        : 'pending',
  );
}

/** Decisions of the current round that still count. */
export function liveDecisions(approval: ApprovalRow, decisions: readonly DecisionRow[]): DecisionRow[] {
  return decisions.filter((d) => d.round === approval.round && !d.voided);
}
