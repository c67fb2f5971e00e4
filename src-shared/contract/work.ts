import { z } from 'zod';
import { Ok, op, page } from './op';
import { JsonValue } from '../domain/audit';
import { UserId } from '../domain/ids';
import { Timestamp } from '../domain/time';

const Reason = z.string().trim().min(3, { message: 'give a reason (at least 3 characters); it is kept in the audit trail' }).max(2000);
const Comment = z.string().trim().min(1, { message: 'is required' }).max(5000);
const TaskIdSchema = z.string().min(1).max(200);
const Cursor = z.string().regex(/^[\w.:|-]+$/, { message: 'must be a cursor returned by a previous page' });

export const TaskKind = z.enum(['task', 'approval', 'rework']);
export const TaskStatus = z.enum(['open', 'claimed', 'completed', 'cancelled']);

export const FormFieldView = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  required: z.boolean(),
  options: z.array(z.string()).optional(),
  currencies: z.array(z.string()).optional(),
  sensitive: z.boolean(),
  /** The initial value; for sensitive fields masked (see tasks.unmask). */
  value: JsonValue,
  masked: z.boolean(),
});
export type FormFieldView = z.infer<typeof FormFieldView>;

export const TaskSummary = z.object({
  id: z.string(),
  kind: TaskKind,
  title: z.string(),
  status: TaskStatus,
  instanceId: z.string(),
  workflowKey: z.string(),
  businessKey: z.string().nullable(),
  step: z.string(),
  priority: z.number().int(),
  candidateRoles: z.array(z.string()),
  candidateUsers: z.array(z.string()),
  assignee: z.string().nullable(),
  createdAt: Timestamp,
  dueAt: Timestamp.nullable(),
  followUpAt: Timestamp.nullable(),
  escalationLevel: z.number().int(),
  /** For approvals: the level waiting for decisions, e.g. "Finance (1 of 2 approvers)". */
  level: z.string().nullable(),
});
export type TaskSummary = z.infer<typeof TaskSummary>;

export const ApprovalDecision = z.object({
  level: z.string(),
  by: z.string(),
  decision: z.enum(['approved', 'rejected', 'changes-requested']),
  comment: z.string().nullable(),
  at: Timestamp,
  dataHash: z.string(),
  voided: z.boolean(),
  breakGlass: z.boolean(),
});

export const ApprovalView = z.object({
  levels: z.array(
    z.object({ name: z.string(), roles: z.array(z.string()), approvers: z.number().int(), state: z.enum(['done', 'current', 'pending', 'rejected']) }),
  ),
  decisions: z.array(ApprovalDecision),
  /** SHA-256 of the canonical JSON of the subject data shown: a decision names it, and is refused if the data changed. */
  dataHash: z.string(),
  round: z.number().int(),
});

export const TaskDetail = z.object({
  task: TaskSummary,
  form: z.array(FormFieldView),
  /** The variables shown with the task (approvals: the subject), sensitive ones masked. */
  data: z.record(z.string(), JsonValue),
  maskedPaths: z.array(z.string()),
  approval: ApprovalView.nullable(),
  /** A rework: what the approver who sent it back asked for, and who and when. */
  rework: z.object({ comment: z.string(), by: z.string().nullable(), at: Timestamp.nullable(), level: z.string().nullable() }).nullable(),
  comments: z.array(z.object({ by: z.string(), at: Timestamp, text: z.string() })),
  documents: z.array(z.object({ id: z.string(), name: z.string(), mediaType: z.string(), bytes: z.number().int(), by: z.string(), at: Timestamp })),
  /** What the caller may do now, computed by the core (the UI only shows it). */
  can: z.object({ claim: z.boolean(), release: z.boolean(), complete: z.boolean(), decide: z.boolean(), reassign: z.boolean() }),
  /** Why the caller may not decide, when a segregation-of-duties rule applies. */
  decideBlockedBecause: z.string().nullable(),
});
export type TaskDetail = z.infer<typeof TaskDetail>;

export const TaskQuery = z
  .object({
    /** mine: assigned to me; available: I may claim or decide; all: every task I may see. */
    scope: z.enum(['mine', 'available', 'all']).default('available'),
    status: z.enum(['active', 'open', 'claimed', 'completed', 'cancelled']).default('active'),
    kind: TaskKind.optional(),
    workflow: z.string().optional(),
    text: z.string().trim().min(2).optional(),
    overdue: z.boolean().optional(),
    sort: z.enum(['due', 'priority', 'created']).default('due'),
    cursor: Cursor.optional(),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();
export type TaskQuery = z.infer<typeof TaskQuery>;

/** A colleague in a delegation, by id and by the names people know them by. */
const DelegationPerson = z.object({ userId: UserId, username: z.string(), displayName: z.string() });

export const DelegationsView = z.object({
  /** Your delegation, until it ends: `from` may still be ahead (planned). */
  mine: z.object({ delegate: DelegationPerson, from: Timestamp, to: Timestamp }).nullable(),
  /** Colleagues whose tasks you may act on now, each until their delegation ends. */
  standingInFor: z.array(z.object({ person: DelegationPerson, to: Timestamp })),
});
export type DelegationsView = z.infer<typeof DelegationsView>;

export const NotificationView = z.object({
  id: z.string(),
  kind: z.enum(['new-work', 'escalated', 'overdue', 'pending-change', 'review', 'at-risk', 'schedule-failed']),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: Timestamp,
  read: z.boolean(),
});

const ByTask = { taskId: TaskIdSchema };

export const workOps = {
  'tasks.list': op({ input: TaskQuery, output: page(TaskSummary), access: 'task.read', mutation: false, summary: 'work queue: tasks and approvals' }),
  'tasks.get': op({
    input: z.object(ByTask).strict(),
    output: TaskDetail,
    access: 'task.read',
    mutation: false,
    summary: 'a task with its form, data, documents, comments and approval state',
  }),
  'tasks.claim': op({
    input: z.object({ taskIds: z.array(TaskIdSchema).min(1).max(500) }).strict(),
    output: z.object({ claimed: z.array(z.string()), refused: z.array(z.object({ taskId: z.string(), reason: z.string() })) }),
    access: 'task.work',
    mutation: true,
    summary: 'claim one or more tasks',
  }),
  'tasks.release': op({
    input: z.object({ taskIds: z.array(TaskIdSchema).min(1).max(500) }).strict(),
    output: z.object({ released: z.array(z.string()), refused: z.array(z.object({ taskId: z.string(), reason: z.string() })) }),
    access: 'task.work',
    mutation: true,
    summary: 'give claimed tasks back to the queue',
  }),
  'tasks.reassign': op({
    input: z.object({ ...ByTask, userId: UserId, reason: Reason }).strict(),
    output: TaskSummary,
    access: 'task.reassign',
    mutation: true,
    summary: 'assign a task to another person who may do it',
  }),
  'tasks.comment': op({ input: z.object({ ...ByTask, text: Comment }).strict(), output: Ok, access: 'task.read', mutation: true, summary: 'add a comment' }),
  'tasks.attach': op({
    input: z
      .object({
        ...ByTask,
        name: z.string().trim().min(1).max(200),
        mediaType: z.enum(['application/pdf', 'image/png', 'image/jpeg'], { message: 'only PDF, PNG and JPEG documents can be attached' }),
        contentBase64: z.string().max(14 * 1024 * 1024, { message: 'a document may be at most 10 MiB' }),
      })
      .strict(),
    output: z.object({ documentId: z.string() }),
    access: 'task.work',
    mutation: true,
    summary: 'attach a document (stored encrypted)',
  }),
  'tasks.document': op({
    input: z.object({ ...ByTask, documentId: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    output: z.object({ name: z.string(), mediaType: z.string(), contentBase64: z.string() }),
    access: 'task.read',
    mutation: false,
    summary: 'a document attached to a task, for the built-in viewer',
  }),
  'tasks.complete': op({
    input: z.object({ ...ByTask, values: z.record(z.string(), JsonValue) }).strict(),
    output: TaskSummary,
    access: 'task.work',
    mutation: true,
    summary: 'complete a task assigned to you, with its form values',
  }),
  'tasks.unmask': op({
    input: z.object({ ...ByTask, path: z.string().min(1) }).strict(),
    output: z.object({ path: z.string(), value: JsonValue }),
    access: 'sensitive.unmask',
    mutation: true,
    summary: 'show a masked value in clear (audited)',
  }),
  'approvals.decide': op({
    input: z
      .object({
        ...ByTask,
        decision: z.enum(['approve', 'reject', 'request-changes']),
        comment: z.string().trim().max(5000).optional(),
        /** The data hash the decider was shown (tasks.get → approval.dataHash). */
        dataHash: z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be the data hash shown with the approval' }),
      })
      .strict()
      .refine((d) => d.decision === 'approve' || (d.comment ?? '').length > 0, {
        message: 'a rejection or a request for changes needs a comment',
        path: ['comment'],
      }),
    output: TaskSummary,
    access: 'approval.decide',
    mutation: true,
    summary: 'approve, reject (with a comment) or send back for changes (with a comment)',
  }),
  'approvals.breakGlass': op({
    input: z.object({ ...ByTask, reason: Reason, dataHash: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    output: TaskSummary,
    access: 'breakglass.use',
    mutation: true,
    summary: 'approve the current level overriding segregation of duties, with a reason; flagged for review',
  }),
  'delegations.set': op({
    input: z
      .object({ delegateUserId: UserId.nullable(), from: Timestamp, to: Timestamp })
      .strict()
      .refine((d) => d.from < d.to, { message: 'must end after it starts', path: ['to'] }),
    output: Ok,
    access: 'task.work',
    mutation: true,
    summary: 'while out of office, let a colleague act on the tasks assigned or named to you',
  }),
  'delegations.get': op({
    input: z.object({}).strict(),
    output: DelegationsView,
    access: 'task.work',
    mutation: false,
    summary: 'your out-of-office delegation (current or planned), and whose work you stand in for now',
  }),
  'notifications.list': op({
    input: z.object({ unreadOnly: z.boolean().default(false), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    output: z.object({ items: z.array(NotificationView), unread: z.number().int() }),
    access: 'session',
    mutation: false,
    summary: 'your notifications',
  }),
  'notifications.markRead': op({
    input: z.object({ ids: z.array(z.string()).min(1).max(500) }).strict(),
    output: Ok,
    access: 'session',
    mutation: true,
    summary: 'mark notifications read',
  }),
  'incidents.resolve': op({
    input: z.object({ incidentId: z.string().min(1), reason: Reason }).strict(),
    output: Ok,
    access: 'exception.resolve',
    mutation: true,
    summary: 'close a review incident (break-glass, compliance flag) with the outcome of the review',
  }),
  'incidents.assign': op({
    input: z.object({ incidentId: z.string().min(1), role: z.string().min(1), reason: Reason }).strict(),
    output: Ok,
    access: 'exception.resolve',
    mutation: true,
    summary: 'hand an incident to a role',
  }),
} as const;

export const ConfigChangeKind = z.enum(['deploy', 'roles', 'conflicts', 'calendar', 'evidence']);

export const ConfigChange = z.object({
  id: z.string(),
  kind: ConfigChangeKind,
  summary: z.string(),
  /** What will change (a definition's key and hash, a user's roles before and after, …). */
  details: JsonValue,
  requestedBy: z.string(),
  requestedAt: Timestamp,
  status: z.enum(['pending', 'approved', 'rejected', 'superseded']),
  decidedBy: z.string().nullable(),
  decidedAt: Timestamp.nullable(),
  reason: z.string().nullable(),
});
export type ConfigChange = z.infer<typeof ConfigChange>;

export const ConflictRule = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/),
    description: z.string().min(5),
    /** The approval side: approvals in instances of this workflow ("*" for any), about the entity this FEEL gives. */
    approval: z.object({ workflow: z.string().min(1), key: z.string().min(1) }).strict(),
    /** The maker side: whoever set these fields in instances of this workflow about the same entity. */
    maker: z.object({ workflow: z.string().min(1), key: z.string().min(1), fields: z.array(z.string().min(1)).min(1) }).strict(),
  })
  .strict();
export type ConflictRule = z.infer<typeof ConflictRule>;

export const governanceOps = {
  'changes.list': op({
    input: z.object({ status: z.enum(['pending', 'approved', 'rejected', 'superseded']).optional() }).strict(),
    output: z.object({ items: z.array(ConfigChange) }),
    access: 'user.read',
    mutation: false,
    summary: 'configuration changes and their approval state',
  }),
  'changes.approve': op({
    input: z.object({ changeId: z.string().min(1), comment: z.string().max(2000).optional() }).strict(),
    output: ConfigChange,
    access: 'config.approve',
    mutation: true,
    summary: "approve another admin's configuration change (it takes effect now)",
  }),
  'changes.reject': op({
    input: z.object({ changeId: z.string().min(1), reason: Reason }).strict(),
    output: ConfigChange,
    access: 'config.approve',
    mutation: true,
    summary: 'reject a pending configuration change',
  }),
  'conflicts.get': op({
    input: z.object({}).strict(),
    output: z.object({ rules: z.array(ConflictRule) }),
    access: 'user.read',
    mutation: false,
    summary: 'the segregation-of-duties conflict matrix',
  }),
  'conflicts.set': op({
    input: z.object({ rules: z.array(ConflictRule).max(500) }).strict(),
    output: z.object({ status: z.enum(['applied', 'pending-approval']), changeId: z.string().nullable() }),
    access: 'config.approve',
    mutation: true,
    summary: 'replace the conflict matrix (takes effect when a second admin approves)',
  }),
} as const;
