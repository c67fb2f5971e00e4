import type { AuditActor, JsonValue } from '@shared/domain/audit';
import { formSchema } from '@shared/domain/forms';
import type { TaskDetail, TaskQuery, TaskSummary } from '@shared/contract/work';
import type { Clock } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import type { Store } from '../store/store';
import type { Repositories } from '../store/repositories';
import type { TaskRow, Viewer } from '../store/work-repositories';
import type { EventBus } from '../events/event-bus';
import type { AttachmentStore } from '../attachments/attachment-store';
import { AppError, conflict, forbidden, invalid, notFound } from '../dispatch/app-error';
import { userActor, type Principal } from '../auth/principal';
import { taskCursor } from '../store/sqlite/repos/tasks-repo';
import type { HumanWorkIntake } from './human-work-intake';
import { isAssignedTo, isCandidate, levelStates, liveDecisions, subjectData, subjectHash, taskSummary } from './task-views';
import { isSensitivePath, maskTree } from './masking';
import { valueAt } from '../engine/interpreter/variables';
import type { ApprovalService } from './approval-service';

/**
 * People's tasks: lists, claiming, reassigning, comments, documents, and completion — which
 * only the person the task is assigned to (or who stands in for them) can do. Every change
 * is one audited unit of work; a completion also mails the result to the waiting instance.
 */
export class TaskService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly intake: HumanWorkIntake,
    private readonly attachments: AttachmentStore,
    private readonly approvals: ApprovalService,
    private readonly wake: () => void,
  ) {}

  async viewer(tx: Repositories, principal: Principal): Promise<Viewer> {
    return {
      userId: principal.user.id,
      username: principal.user.username,
      roles: principal.user.roles,
      standsInFor: await tx.delegations.standsInFor(principal.user.id, toTimestamp(this.clock.now())),
    };
  }

  private seesAll(principal: Principal): boolean {
    return principal.permissions.has('task.reassign') || principal.permissions.has('audit.read');
  }

  async list(principal: Principal, query: TaskQuery): Promise<{ items: TaskSummary[]; nextCursor: string | null }> {
    if (query.scope === 'all' && !this.seesAll(principal)) throw forbidden('Only supervisors and auditors see every task; choose "mine" or "available".');
    const rows = await this.store.read(async (tx) => tx.tasks.list(query, await this.viewer(tx, principal), toTimestamp(this.clock.now())));
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return { items: items.map(taskSummary), nextCursor: rows.length > query.limit && last ? taskCursor(last, query.sort) : null };
  }

  /** A task the caller may see: theirs, one they may take, one they completed, or any for supervisors and auditors. */
  private async visible(tx: Repositories, principal: Principal, taskId: string): Promise<{ task: TaskRow; viewer: Viewer }> {
    const task = await tx.tasks.get(taskId);
    const viewer = await this.viewer(tx, principal);
    if (!task || !(this.seesAll(principal) || isCandidate(task, viewer) || isAssignedTo(task, viewer) || task.completedBy === principal.user.username)) {
      throw notFound(`task ${taskId}`);
    }
    return { task, viewer };
  }

  async get(principal: Principal, taskId: string): Promise<TaskDetail> {
    return this.store.read(async (tx) => {
      const { task, viewer } = await this.visible(tx, principal, taskId);
      const instance = await tx.instances.get(task.instanceId);
      if (!instance) throw notFound(`instance ${task.instanceId}`);
      const work = task.spec.work;
      const declared = new Set(work.kind === 'task' ? work.form.filter((f) => f.sensitive).map((f) => f.name) : []);
      const maskedPaths: string[] = [];
      const paths = work.kind === 'approval' ? work.subject : task.kind === 'rework' ? (task.spec.rework?.paths ?? []) : work.show;
      const data = maskTree(subjectData(paths, instance.variables), '', new Set(), maskedPaths) as { [key: string]: JsonValue };
      const form =
        work.kind === 'task'
          ? work.form.map((f) => {
              const masked = f.value !== null && isSensitivePath(f.name, declared);
              return {
                ...f,
                options: f.options ? [...f.options] : undefined,
                currencies: f.currencies ? [...f.currencies] : undefined,
                value: masked ? maskTree(f.value, f.name, declared, []) : f.value,
                masked,
              };
            })
          : [];
      let approvalView: TaskDetail['approval'] = null;
      let blocked: string | null = null;
      if (task.kind === 'approval') {
        const approval = await tx.approvals.get(task.requestId);
        if (approval) {
          const decisions = await tx.approvals.decisions(approval.id);
          const states = levelStates(approval);
          approvalView = {
            levels: approval.levels.map((l, i) => ({ ...l, state: states[i] ?? 'pending' })),
            decisions: decisions.map((d) => ({
              level: approval.levels[d.level]?.name ?? String(d.level),
              by: d.username,
              decision: d.decision,
              comment: d.comment,
              at: d.at as TaskDetail['task']['createdAt'],
              dataHash: d.dataHash,
              voided: d.voided,
              breakGlass: d.breakGlass,
            })),
            dataHash: subjectHash(approval.subject, instance.variables),
            round: approval.round,
          };
          if (task.status === 'open')
            blocked = await this.approvals.whyNot(tx, principal, approval, instance, liveDecisions(approval, decisions), this.clock.now());
        }
      }
      const mayTake = (task.kind === 'task' || task.kind === 'rework') && principal.permissions.has('task.work');
      return {
        task: taskSummary(task),
        form,
        data,
        maskedPaths,
        approval: approvalView,
        rework: task.kind === 'rework' ? await this.reworkRequest(tx, task) : null,
        comments: (await tx.tasks.comments(task.id)) as TaskDetail['comments'],
        documents: (await tx.tasks.documents(task.id)) as TaskDetail['documents'],
        can: {
          claim: mayTake && task.status === 'open' && isCandidate(task, viewer),
          release: mayTake && task.status === 'claimed' && isAssignedTo(task, viewer),
          complete: mayTake && task.status === 'claimed' && isAssignedTo(task, viewer),
          decide:
            task.kind === 'approval' && task.status === 'open' && principal.permissions.has('approval.decide') && isCandidate(task, viewer) && blocked === null,
          reassign: task.kind !== 'approval' && (task.status === 'open' || task.status === 'claimed') && principal.permissions.has('task.reassign'),
        },
        decideBlockedBecause: blocked,
      };
    });
  }

  /** The request behind a rework: its comment, and the approver's decision that carried it. */
  private async reworkRequest(tx: Repositories, task: TaskRow): Promise<TaskDetail['rework']> {
    const request = task.spec.rework;
    if (!request) return null;
    const approval = await tx.approvals.get(request.approvalId);
    const decision = approval
      ? (await tx.approvals.decisions(approval.id)).filter((d) => d.decision === 'changes-requested' && d.comment === request.comment).at(-1)
      : undefined;
    return {
      comment: request.comment,
      by: decision?.username ?? null,
      at: (decision?.at ?? null) as TaskDetail['task']['createdAt'] | null,
      level: decision ? (approval?.levels[decision.level]?.name ?? null) : null,
    };
  }

  async claim(principal: Principal, taskIds: readonly string[]): Promise<{ claimed: string[]; refused: { taskId: string; reason: string }[] }> {
    return this.bulk(principal, taskIds, 'task.claimed', (task, viewer) => {
      if (task.kind === 'approval') return 'approvals are decided, not claimed';
      if (task.status !== 'open') return `the task is ${task.status}`;
      if (!isCandidate(task, viewer)) return 'you are not among the people this task is for';
      return { status: 'claimed', assigneeId: principal.user.id };
    });
  }

  async release(principal: Principal, taskIds: readonly string[]): Promise<{ released: string[]; refused: { taskId: string; reason: string }[] }> {
    const result = await this.bulk(principal, taskIds, 'task.released', (task, viewer) => {
      if (task.status !== 'claimed' || !isAssignedTo(task, viewer)) return 'the task is not claimed by you';
      return { status: 'open', assigneeId: null };
    });
    return { released: result.claimed, refused: result.refused };
  }

  /** Claim and release, one audited change per task, in one unit of work. */
  private async bulk(
    principal: Principal,
    taskIds: readonly string[],
    action: string,
    decide: (task: TaskRow, viewer: Viewer) => string | { status: 'open' | 'claimed'; assigneeId: string | null },
  ): Promise<{ claimed: string[]; refused: { taskId: string; reason: string }[] }> {
    const at = toTimestamp(this.clock.now());
    const outcome = await this.store.unit(async (tx) => {
      const viewer = await this.viewer(tx, principal);
      const done: string[] = [];
      const refused: { taskId: string; reason: string }[] = [];
      for (const taskId of new Set(taskIds)) {
        const task = await tx.tasks.get(taskId);
        const verdict = task ? decide(task, viewer) : 'no such task';
        if (typeof verdict === 'string' || !task) {
          refused.push({ taskId, reason: typeof verdict === 'string' ? verdict : 'no such task' });
          continue;
        }
        await tx.tasks.update(taskId, verdict);
        await tx.audit.append(
          { actor: userActor(principal.user), action, subject: { type: 'task', id: taskId }, payload: { instance: task.instanceId, step: task.step } },
          at,
        );
        done.push(taskId);
      }
      return { claimed: done, refused };
    });
    for (const taskId of outcome.claimed)
      this.events.publish('tasks.changed', { taskId, status: action === 'task.claimed' ? 'claimed' : 'open' }, { kind: 'permission', permission: 'task.read' });
    return outcome;
  }

  async reassign(principal: Principal, taskId: string, userId: string, reason: string): Promise<TaskSummary> {
    const at = toTimestamp(this.clock.now());
    const updated = await this.store.unit(async (tx) => {
      const task = await tx.tasks.get(taskId);
      if (!task) throw notFound(`task ${taskId}`);
      if (task.kind === 'approval') throw conflict('not_reassignable', 'Approvals go to every approver of the level; they are not reassigned.');
      if (task.status !== 'open' && task.status !== 'claimed') throw conflict('task_closed', `The task is ${task.status}.`);
      const target = await tx.users.findById(userId);
      if (!target || target.status !== 'active') throw notFound('an active user with this id');
      const targetViewer: Viewer = { userId: target.id, username: target.username, roles: target.roles, standsInFor: [] };
      if (!isCandidate(task, targetViewer))
        throw conflict(
          'not_a_candidate',
          `${target.username} does not hold a role this task is for (${task.candidateRoles.join(', ') || task.candidateUsers.join(', ')}).`,
        );
      await tx.tasks.update(taskId, { status: 'claimed', assigneeId: target.id });
      await tx.audit.append(
        {
          actor: userActor(principal.user),
          action: 'task.reassigned',
          subject: { type: 'task', id: taskId },
          payload: { from: task.assigneeId, to: target.id, toUsername: target.username, reason },
        },
        at,
      );
      return (await tx.tasks.get(taskId)) as TaskRow;
    });
    this.events.publish('tasks.changed', { taskId, status: updated.status }, { kind: 'permission', permission: 'task.read' });
    return taskSummary(updated);
  }

  async comment(principal: Principal, taskId: string, text: string): Promise<void> {
    const at = toTimestamp(this.clock.now());
    await this.store.unit(async (tx) => {
      const { task } = await this.visible(tx, principal, taskId);
      await tx.tasks.addComment(task.id, principal.user.username, at, text);
      await tx.audit.append({ actor: userActor(principal.user), action: 'task.commented', subject: { type: 'task', id: taskId }, payload: { text } }, at);
    });
  }

  async attach(principal: Principal, taskId: string, name: string, mediaType: string, contentBase64: string): Promise<string> {
    const content = Buffer.from(contentBase64, 'base64');
    if (content.length === 0 || content.length > 10 * 1024 * 1024) throw invalid('contentBase64', 'must be a document of at most 10 MiB');
    if (!looksLike(mediaType, content)) throw invalid('contentBase64', `the content is not a ${mediaType} document`);
    const at = toTimestamp(this.clock.now());
    return this.store.unit(async (tx) => {
      const { task, viewer } = await this.visible(tx, principal, taskId);
      if (!isAssignedTo(task, viewer) && !isCandidate(task, viewer)) throw forbidden('Only the people this task is for attach documents to it.');
      const stored = this.attachments.put(content);
      await tx.tasks.addDocument(task.id, { id: stored.id, name, mediaType, bytes: stored.size, by: principal.user.username, at });
      await tx.audit.append(
        {
          actor: userActor(principal.user),
          action: 'task.document.attached',
          subject: { type: 'task', id: taskId },
          payload: { document: stored.id, name, mediaType, bytes: stored.size },
        },
        at,
      );
      return stored.id;
    });
  }

  async document(principal: Principal, taskId: string, documentId: string): Promise<{ name: string; mediaType: string; contentBase64: string }> {
    const doc = await this.store.read(async (tx) => {
      await this.visible(tx, principal, taskId);
      return (await tx.tasks.documents(taskId)).find((d) => d.id === documentId);
    });
    if (!doc) throw notFound(`document ${documentId} of task ${taskId}`);
    return { name: doc.name, mediaType: doc.mediaType, contentBase64: this.attachments.get(documentId).toString('base64') };
  }

  /** Only the assignee (or who stands in for them) completes; the values pass the form's own schema. */
  async complete(principal: Principal, taskId: string, values: { [key: string]: JsonValue }): Promise<TaskSummary> {
    const now = this.clock.now();
    const at = toTimestamp(now);
    const completed = await this.store.unit(async (tx) => {
      const task = await tx.tasks.get(taskId);
      if (!task) throw notFound(`task ${taskId}`);
      if (task.kind === 'approval') throw conflict('use_decide', 'An approval is decided with approve, reject or request changes.');
      const viewer = await this.viewer(tx, principal);
      if (task.status !== 'claimed' || !isAssignedTo(task, viewer)) {
        throw new AppError(403, 'not_assigned', 'Only the person this task is assigned to can complete it: claim it first.', { audited: true });
      }
      const output = task.kind === 'rework' ? await this.reworkChanges(task, values) : await this.formValues(tx, task, values);
      await tx.tasks.update(task.id, { status: 'completed', completedAt: at, completedBy: principal.user.username });
      await tx.workTimers.cancelForTask(task.id);
      await tx.audit.append(
        {
          actor: userActor(principal.user),
          action: 'task.completed',
          subject: { type: 'task', id: task.id },
          payload: { instance: task.instanceId, step: task.step, values: output },
        },
        at,
      );
      const by = { userId: principal.user.id, username: principal.user.username };
      if (task.kind === 'rework') await this.approvals.reworked(tx, task, output, by, now);
      else await this.intake.finish(tx, task.instanceId, task.requestId, output, by, now);
      return (await tx.tasks.get(task.id)) as TaskRow;
    });
    this.events.publish('tasks.changed', { taskId, status: 'completed' }, { kind: 'permission', permission: 'task.read' });
    this.wake();
    return taskSummary(completed);
  }

  private async formValues(tx: Repositories, task: TaskRow, values: { [key: string]: JsonValue }): Promise<{ [key: string]: JsonValue }> {
    if (task.spec.work.kind !== 'task') throw new Error('not a form task');
    const parsed = formSchema(task.spec.work.form).safeParse(values);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: ['values', ...i.path.map(String)].join('.'), message: i.message }));
      throw new AppError(400, 'invalid_input', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
    }
    const documents = new Set((await tx.tasks.documents(task.id)).map((d) => d.id));
    for (const field of task.spec.work.form.filter((f) => f.type === 'document')) {
      const id = parsed.data[field.name];
      if (typeof id === 'string' && !documents.has(id)) throw invalid(`values.${field.name}`, 'must be a document attached to this task');
    }
    return parsed.data as { [key: string]: JsonValue };
  }

  /** A rework task's values are new values for the paths under approval, and only those. */
  private async reworkChanges(task: TaskRow, values: { [key: string]: JsonValue }): Promise<{ [key: string]: JsonValue }> {
    const allowed = new Set(task.spec.rework?.paths ?? []);
    for (const path of Object.keys(values)) {
      if (![...allowed].some((p) => path === p || path.startsWith(`${p}.`)))
        throw invalid(`values.${path}`, `is not under approval; you may change: ${[...allowed].join(', ')}`);
    }
    return values;
  }

  /** Shows one masked value in clear; the viewing itself is evidence. */
  async unmask(principal: Principal, taskId: string, path: string): Promise<{ path: string; value: JsonValue }> {
    const at = toTimestamp(this.clock.now());
    return this.store.unit(async (tx) => {
      const { task } = await this.visible(tx, principal, taskId);
      const instance = await tx.instances.get(task.instanceId);
      const work = task.spec.work;
      const field = work.kind === 'task' ? work.form.find((f) => f.name === path) : undefined;
      const shown = work.kind === 'approval' ? work.subject : task.kind === 'rework' ? (task.spec.rework?.paths ?? []) : work.show;
      let value: JsonValue | undefined = field?.value;
      if (value === undefined && shown.some((p) => path === p || path.startsWith(`${p}.`))) value = valueAt(instance?.variables ?? {}, path);
      if (value === undefined) throw notFound(`a field ${path} shown with this task`);
      await tx.audit.append(
        {
          actor: userActor(principal.user) as AuditActor,
          action: 'data.unmasked',
          subject: { type: 'task', id: taskId },
          payload: { path, instance: task.instanceId },
        },
        at,
      );
      return { path, value };
    });
  }
}

/** The first bytes of each accepted type, so a renamed executable is not stored as a "PDF". */
function looksLike(mediaType: string, content: Buffer): boolean {
  switch (mediaType) {
    case 'application/pdf':
      return content.subarray(0, 5).toString('latin1') === '%PDF-';
    case 'image/png':
      return content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case 'image/jpeg':
      return content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff;
    default:
      return false;
  }
}
