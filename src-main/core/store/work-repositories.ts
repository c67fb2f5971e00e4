import type { JsonValue } from '@shared/domain/audit';
import type { TaskQuery } from '@shared/contract/work';
import type { HumanWork } from '../engine/interpreter/types';

/** Repositories of people's work and of governance; see ./repositories for the conventions. */
export interface WorkRepositories {
  readonly tasks: TasksRepository;
  readonly approvals: ApprovalsRepository;
  readonly delegations: DelegationsRepository;
  readonly notifications: NotificationsRepository;
  readonly workTimers: WorkTimersRepository;
  readonly changes: ChangesRepository;
  readonly settings: SettingsRepository;
}

export type TaskStatus = 'open' | 'claimed' | 'completed' | 'cancelled';

/** What a task needs beyond its columns: the form or approval spec, and for rework the approval it feeds. */
export interface TaskSpec {
  work: HumanWork;
  /** Rework after "request changes": the approval, the comment, and the paths that may be changed. */
  rework?: { approvalId: string; comment: string; paths: string[] };
}

export interface TaskRow {
  id: string;
  kind: 'task' | 'approval' | 'rework';
  requestId: string;
  instanceId: string;
  activationId: string;
  step: string;
  title: string;
  status: TaskStatus;
  priority: number;
  assigneeId: string | null;
  createdAt: string;
  dueAt: string | null;
  followUpAt: string | null;
  escalationLevel: number;
  completedAt: string | null;
  completedBy: string | null;
  spec: TaskSpec;
  workflowKey: string;
  businessKey: string | null;
  levelLabel: string | null;
  candidateRoles: string[];
  candidateUsers: string[];
}

/** Who is looking: their id, username, roles, and the users they stand in for today. */
export interface Viewer {
  userId: string;
  username: string;
  roles: readonly string[];
  standsInFor: readonly { userId: string; username: string }[];
}

export type TaskPatch = Partial<
  Pick<TaskRow, 'status' | 'priority' | 'assigneeId' | 'dueAt' | 'escalationLevel' | 'completedAt' | 'completedBy' | 'levelLabel' | 'title'>
>;

export interface TasksRepository {
  insert(row: TaskRow): Promise<void>;
  get(id: string): Promise<TaskRow | null>;
  /** Open or claimed tasks of a request (a task step run, an approval). */
  activeOfRequest(requestId: string): Promise<TaskRow[]>;
  update(id: string, patch: TaskPatch): Promise<void>;
  setCandidates(id: string, roles: readonly string[], users: readonly string[]): Promise<void>;
  /** scope 'all' ignores the viewer; the service decides who may use it. At most query.limit + 1 rows. */
  list(query: TaskQuery, viewer: Viewer, now: string): Promise<TaskRow[]>;
  comments(id: string): Promise<{ by: string; at: string; text: string }[]>;
  addComment(id: string, by: string, at: string, text: string): Promise<void>;
  documents(id: string): Promise<{ id: string; name: string; mediaType: string; bytes: number; by: string; at: string }[]>;
  addDocument(id: string, doc: { id: string; name: string; mediaType: string; bytes: number; by: string; at: string }): Promise<void>;
}

export interface ApprovalRow {
  id: string;
  instanceId: string;
  activationId: string;
  step: string;
  subject: string[];
  levels: { name: string; roles: string[]; approvers: number }[];
  currentLevel: number;
  round: number;
  status: 'pending' | 'changes-requested' | 'approved' | 'rejected' | 'cancelled';
}

export interface DecisionRow {
  round: number;
  level: number;
  userId: string;
  username: string;
  decision: 'approved' | 'rejected' | 'changes-requested';
  comment: string | null;
  dataHash: string;
  at: string;
  voided: boolean;
  breakGlass: boolean;
}

export interface ApprovalsRepository {
  insert(row: ApprovalRow): Promise<void>;
  get(id: string): Promise<ApprovalRow | null>;
  update(id: string, patch: Partial<Pick<ApprovalRow, 'currentLevel' | 'round' | 'status'>>): Promise<void>;
  decisions(id: string): Promise<DecisionRow[]>;
  addDecision(id: string, decision: DecisionRow): Promise<void>;
  /** Marks every decision of a round void (the data they were about changed). Returns how many. */
  voidRound(id: string, round: number): Promise<number>;
}

export interface DelegationsRepository {
  set(userId: string, delegateId: string, startsAt: string, endsAt: string): Promise<void>;
  clear(userId: string): Promise<void>;
  /** `userId`'s delegation that has not ended by `at` (it may not have started yet). */
  current(userId: string, at: string): Promise<DelegationRow | null>;
  /** Users for whom `delegateId` stands in at `at`. */
  standsInFor(delegateId: string, at: string): Promise<{ userId: string; username: string }[]>;
  /** Users for whom `delegateId` stands in at `at`, with their names and when each delegation ends. */
  standingInFor(delegateId: string, at: string): Promise<(DelegationRow & { username: string; displayName: string })[]>;
}

export interface DelegationRow {
  userId: string;
  delegateId: string;
  startsAt: string;
  endsAt: string;
}

export interface NotificationRow {
  id: string;
  userId: string;
  kind: 'new-work' | 'escalated' | 'overdue' | 'pending-change' | 'review' | 'at-risk' | 'schedule-failed';
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationsRepository {
  insert(row: NotificationRow): Promise<void>;
  list(userId: string, unreadOnly: boolean, limit: number): Promise<NotificationRow[]>;
  unreadCount(userId: string): Promise<number>;
  /** Marks the user's own unread notifications among `ids` read; returns those it changed. */
  markRead(userId: string, ids: readonly string[], at: string): Promise<string[]>;
}

export interface WorkTimerRow {
  id: string;
  taskId: string;
  /** sla: the deadline itself; escalation: the n-th escalation step; follow-up. */
  purpose: 'sla' | 'escalation' | 'follow-up';
  step: number;
  dueAt: number;
  state: 'pending' | 'fired' | 'cancelled';
}

export interface WorkTimersRepository {
  insert(row: WorkTimerRow): Promise<void>;
  due(now: number, limit: number): Promise<WorkTimerRow[]>;
  markFired(id: string): Promise<void>;
  cancelForTask(taskId: string): Promise<void>;
  nextDueAt(): Promise<number | null>;
}

export interface ChangeRow {
  id: string;
  kind: 'deploy' | 'roles' | 'conflicts' | 'calendar' | 'evidence';
  /** What is changed (a workflow key, a user id): a newer request for the same target supersedes an older one. */
  target: string;
  summary: string;
  details: JsonValue;
  payload: JsonValue;
  requestedById: string;
  requestedBy: string;
  requestedAt: string;
  status: 'pending' | 'approved' | 'rejected' | 'superseded';
  decidedById: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
}

export interface ChangesRepository {
  insert(row: ChangeRow): Promise<void>;
  get(id: string): Promise<ChangeRow | null>;
  list(status?: ChangeRow['status']): Promise<ChangeRow[]>;
  decide(id: string, status: 'approved' | 'rejected', byId: string, by: string, at: string, reason: string | null): Promise<void>;
  /** Pending requests for the same target become superseded; returns their ids. */
  supersede(kind: string, target: string, at: string): Promise<string[]>;
}

export interface SettingsRepository {
  get(key: string): Promise<JsonValue | null>;
  set(key: string, value: JsonValue, by: string, at: string): Promise<void>;
}
