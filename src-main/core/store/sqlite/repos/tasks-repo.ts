import type { TaskQuery } from '@shared/contract/work';
import type { SqliteDb } from '../connection';
import { prepared } from '../prepared';
import type { TaskPatch, TaskRow, TasksRepository, Viewer } from '../../work-repositories';

interface Row {
  id: string;
  kind: TaskRow['kind'];
  request_id: string;
  instance_id: string;
  activation_id: string;
  step: string;
  title: string;
  status: TaskRow['status'];
  priority: number;
  assignee_id: string | null;
  created_at: string;
  due_at: string | null;
  follow_up_at: string | null;
  escalation_level: number;
  completed_at: string | null;
  completed_by: string | null;
  spec: string;
  workflow_key: string;
  business_key: string | null;
  level_label: string | null;
  roles: string | null;
  users: string | null;
}

const SELECT = `SELECT t.*,
  (SELECT group_concat(name, char(31)) FROM task_candidates c WHERE c.task_id = t.id AND c.kind = 'role') AS roles,
  (SELECT group_concat(name, char(31)) FROM task_candidates c WHERE c.task_id = t.id AND c.kind = 'user') AS users
  FROM tasks t`;

const COLUMNS: Record<keyof TaskPatch, string> = {
  status: 'status',
  priority: 'priority',
  assigneeId: 'assignee_id',
  dueAt: 'due_at',
  escalationLevel: 'escalation_level',
  completedAt: 'completed_at',
  completedBy: 'completed_by',
  levelLabel: 'level_label',
  title: 'title',
};

const SEP = String.fromCharCode(31);

function toTask(r: Row): TaskRow {
  return {
    id: r.id,
    kind: r.kind,
    requestId: r.request_id,
    instanceId: r.instance_id,
    activationId: r.activation_id,
    step: r.step,
    title: r.title,
    status: r.status,
    priority: r.priority,
    assigneeId: r.assignee_id,
    createdAt: r.created_at,
    dueAt: r.due_at,
    followUpAt: r.follow_up_at,
    escalationLevel: r.escalation_level,
    completedAt: r.completed_at,
    completedBy: r.completed_by,
    spec: JSON.parse(r.spec),
    workflowKey: r.workflow_key,
    businessKey: r.business_key,
    levelLabel: r.level_label,
    candidateRoles: r.roles ? r.roles.split(SEP).sort() : [],
    candidateUsers: r.users ? r.users.split(SEP).sort() : [],
  };
}

const ORDER: Record<TaskQuery['sort'], { key: string; by: string }> = {
  due: { key: "coalesce(t.due_at, '9999') || '|' || t.id", by: "coalesce(t.due_at, '9999'), t.id" },
  priority: { key: "printf('%03d', 100 - t.priority) || '|' || t.created_at || '|' || t.id", by: 't.priority DESC, t.created_at, t.id' },
  created: { key: "t.created_at || '|' || t.id", by: 't.created_at, t.id' },
};

export class SqliteTasksRepository implements TasksRepository {
  constructor(private readonly db: SqliteDb) {}

  async insert(row: TaskRow): Promise<void> {
    prepared(
      this.db,
      `INSERT INTO tasks (id, kind, request_id, instance_id, activation_id, step, title, status, priority, assignee_id, created_at, due_at, follow_up_at,
         escalation_level, completed_at, completed_by, spec, workflow_key, business_key, level_label)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      row.id,
      row.kind,
      row.requestId,
      row.instanceId,
      row.activationId,
      row.step,
      row.title,
      row.status,
      row.priority,
      row.assigneeId,
      row.createdAt,
      row.dueAt,
      row.followUpAt,
      row.escalationLevel,
      row.completedAt,
      row.completedBy,
      JSON.stringify(row.spec),
      row.workflowKey,
      row.businessKey,
      row.levelLabel,
    );
    await this.setCandidates(row.id, row.candidateRoles, row.candidateUsers);
  }

  async get(id: string): Promise<TaskRow | null> {
    const r = prepared(this.db, `${SELECT} WHERE t.id = ?`).get(id) as Row | undefined;
    return r ? toTask(r) : null;
  }

  async activeOfRequest(requestId: string): Promise<TaskRow[]> {
    return (prepared(this.db, `${SELECT} WHERE t.request_id = ? AND t.status IN ('open', 'claimed') ORDER BY t.created_at`).all(requestId) as Row[]).map(
      toTask,
    );
  }

  async update(id: string, patch: TaskPatch): Promise<void> {
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [keyof TaskPatch, unknown][];
    if (entries.length === 0) return;
    prepared(this.db, `UPDATE tasks SET ${entries.map(([k]) => `${COLUMNS[k]} = ?`).join(', ')} WHERE id = ?`).run(...entries.map(([, v]) => v), id);
  }

  async setCandidates(id: string, roles: readonly string[], users: readonly string[]): Promise<void> {
    prepared(this.db, 'DELETE FROM task_candidates WHERE task_id = ?').run(id);
    const insert = prepared(this.db, 'INSERT OR IGNORE INTO task_candidates (task_id, kind, name) VALUES (?, ?, ?)');
    for (const role of roles) insert.run(id, 'role', role);
    for (const user of users) insert.run(id, 'user', user);
  }

  async list(query: TaskQuery, viewer: Viewer, now: string): Promise<TaskRow[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const when = (condition: string, ...values: (string | number)[]) => {
      where.push(condition);
      params.push(...values);
    };
    const statuses = query.status === 'active' ? ['open', 'claimed'] : [query.status];
    when(`t.status IN (${statuses.map(() => '?').join(', ')})`, ...statuses);
    const ids = [viewer.userId, ...viewer.standsInFor.map((s) => s.userId)];
    const names = [viewer.username, ...viewer.standsInFor.map((s) => s.username)];
    const mine = `t.assignee_id IN (${ids.map(() => '?').join(', ')})`;
    const candidate = `EXISTS (SELECT 1 FROM task_candidates c WHERE c.task_id = t.id AND ((c.kind = 'role' AND c.name IN (${viewer.roles.map(() => '?').join(', ') || "''"})) OR (c.kind = 'user' AND c.name IN (${names.map(() => '?').join(', ')}))))`;
    if (query.scope === 'mine') when(mine, ...ids);
    if (query.scope === 'available') when(`(${mine} OR (t.assignee_id IS NULL AND ${candidate}))`, ...ids, ...viewer.roles, ...names);
    if (query.kind) when('t.kind = ?', query.kind);
    if (query.workflow) when('t.workflow_key = ?', query.workflow);
    if (query.text) when("(t.title LIKE ? ESCAPE '\\' OR t.business_key LIKE ? ESCAPE '\\')", `%${escapeLike(query.text)}%`, `%${escapeLike(query.text)}%`);
    if (query.overdue) when('t.due_at IS NOT NULL AND t.due_at < ?', now);
    const order = ORDER[query.sort];
    if (query.cursor) when(`${order.key} > ?`, query.cursor);
    const sql = `${SELECT} WHERE ${where.join(' AND ')} ORDER BY ${order.by} LIMIT ?`;
    return (prepared(this.db, sql).all(...params, query.limit + 1) as Row[]).map(toTask);
  }

  async comments(id: string) {
    return prepared(this.db, 'SELECT author AS by, at, text FROM task_comments WHERE task_id = ? ORDER BY id').all(id) as {
      by: string;
      at: string;
      text: string;
    }[];
  }

  async addComment(id: string, by: string, at: string, text: string): Promise<void> {
    prepared(this.db, 'INSERT INTO task_comments (task_id, author, at, text) VALUES (?, ?, ?, ?)').run(id, by, at, text);
  }

  async documents(id: string) {
    return prepared(
      this.db,
      'SELECT attachment_id AS id, name, media_type AS mediaType, bytes, added_by AS by, added_at AS at FROM task_documents WHERE task_id = ? ORDER BY added_at',
    ).all(id) as { id: string; name: string; mediaType: string; bytes: number; by: string; at: string }[];
  }

  async addDocument(id: string, doc: { id: string; name: string; mediaType: string; bytes: number; by: string; at: string }): Promise<void> {
    prepared(
      this.db,
      'INSERT OR REPLACE INTO task_documents (task_id, attachment_id, name, media_type, bytes, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(id, doc.id, doc.name, doc.mediaType, doc.bytes, doc.by, doc.at);
  }
}

/** The cursor of a task in a list sorted by `sort` (as the SQL computes it). */
export function taskCursor(task: TaskRow, sort: TaskQuery['sort']): string {
  switch (sort) {
    case 'due':
      return `${task.dueAt ?? '9999'}|${task.id}`;
    case 'priority':
      return `${String(100 - task.priority).padStart(3, '0')}|${task.createdAt}|${task.id}`;
    case 'created':
      return `${task.createdAt}|${task.id}`;
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
