import type { JsonValue } from '@shared/domain/audit';
import type { SqliteDb } from '../connection';
import { prepared } from '../prepared';
import type {
  ApprovalRow,
  ApprovalsRepository,
  ChangeRow,
  ChangesRepository,
  DecisionRow,
  DelegationRow,
  DelegationsRepository,
  NotificationRow,
  NotificationsRepository,
  SettingsRepository,
  WorkTimerRow,
  WorkTimersRepository,
} from '../../work-repositories';

export class SqliteApprovalsRepository implements ApprovalsRepository {
  constructor(private readonly db: SqliteDb) {}

  async insert(row: ApprovalRow): Promise<void> {
    prepared(
      this.db,
      'INSERT INTO approvals (id, instance_id, activation_id, step, subject, levels, current_level, round, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(row.id, row.instanceId, row.activationId, row.step, JSON.stringify(row.subject), JSON.stringify(row.levels), row.currentLevel, row.round, row.status);
  }

  async get(id: string): Promise<ApprovalRow | null> {
    const r = prepared(this.db, 'SELECT * FROM approvals WHERE id = ?').get(id) as
      | {
          id: string;
          instance_id: string;
          activation_id: string;
          step: string;
          subject: string;
          levels: string;
          current_level: number;
          round: number;
          status: ApprovalRow['status'];
        }
      | undefined;
    if (!r) return null;
    return {
      id: r.id,
      instanceId: r.instance_id,
      activationId: r.activation_id,
      step: r.step,
      subject: JSON.parse(r.subject),
      levels: JSON.parse(r.levels),
      currentLevel: r.current_level,
      round: r.round,
      status: r.status,
    };
  }

  async update(id: string, patch: Partial<Pick<ApprovalRow, 'currentLevel' | 'round' | 'status'>>): Promise<void> {
    const current = await this.get(id);
    if (!current) return;
    const next = { ...current, ...patch };
    prepared(this.db, 'UPDATE approvals SET current_level = ?, round = ?, status = ? WHERE id = ?').run(next.currentLevel, next.round, next.status, id);
  }

  async decisions(id: string): Promise<DecisionRow[]> {
    const rows = prepared(this.db, 'SELECT * FROM approval_decisions WHERE approval_id = ? ORDER BY id').all(id) as {
      round: number;
      level: number;
      user_id: string;
      username: string;
      decision: DecisionRow['decision'];
      comment: string | null;
      data_hash: string;
      at: string;
      voided: number;
      break_glass: number;
    }[];
    return rows.map((r) => ({
      round: r.round,
      level: r.level,
      userId: r.user_id,
      username: r.username,
      decision: r.decision,
      comment: r.comment,
      dataHash: r.data_hash,
      at: r.at,
      voided: r.voided === 1,
      breakGlass: r.break_glass === 1,
    }));
  }

  async addDecision(id: string, d: DecisionRow): Promise<void> {
    prepared(
      this.db,
      'INSERT INTO approval_decisions (approval_id, round, level, user_id, username, decision, comment, data_hash, at, voided, break_glass) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(id, d.round, d.level, d.userId, d.username, d.decision, d.comment, d.dataHash, d.at, d.voided ? 1 : 0, d.breakGlass ? 1 : 0);
  }

  async voidRound(id: string, round: number): Promise<number> {
    return prepared(this.db, 'UPDATE approval_decisions SET voided = 1 WHERE approval_id = ? AND round = ? AND voided = 0').run(id, round).changes;
  }
}

export class SqliteDelegationsRepository implements DelegationsRepository {
  constructor(private readonly db: SqliteDb) {}

  async set(userId: string, delegateId: string, startsAt: string, endsAt: string): Promise<void> {
    prepared(this.db, 'INSERT OR REPLACE INTO delegations (user_id, delegate_id, starts_at, ends_at) VALUES (?, ?, ?, ?)').run(
      userId,
      delegateId,
      startsAt,
      endsAt,
    );
  }

  async clear(userId: string): Promise<void> {
    prepared(this.db, 'DELETE FROM delegations WHERE user_id = ?').run(userId);
  }

  async current(userId: string, at: string): Promise<DelegationRow | null> {
    const row = prepared(
      this.db,
      'SELECT user_id AS userId, delegate_id AS delegateId, starts_at AS startsAt, ends_at AS endsAt FROM delegations WHERE user_id = ? AND ends_at > ?',
    ).get(userId, at) as DelegationRow | undefined;
    return row ?? null;
  }

  async standingInFor(delegateId: string, at: string): Promise<(DelegationRow & { username: string; displayName: string })[]> {
    return prepared(
      this.db,
      `SELECT d.user_id AS userId, d.delegate_id AS delegateId, d.starts_at AS startsAt, d.ends_at AS endsAt, u.username, u.display_name AS displayName
         FROM delegations d JOIN users u ON u.id = d.user_id
        WHERE d.delegate_id = ? AND d.starts_at <= ? AND d.ends_at > ? ORDER BY u.display_name`,
    ).all(delegateId, at, at) as (DelegationRow & { username: string; displayName: string })[];
  }

  async standsInFor(delegateId: string, at: string): Promise<{ userId: string; username: string }[]> {
    return prepared(
      this.db,
      `SELECT d.user_id AS userId, u.username FROM delegations d JOIN users u ON u.id = d.user_id WHERE d.delegate_id = ? AND d.starts_at <= ? AND d.ends_at > ?`,
    ).all(delegateId, at, at) as { userId: string; username: string }[];
  }
}

export class SqliteNotificationsRepository implements NotificationsRepository {
  constructor(private readonly db: SqliteDb) {}

  async insert(row: NotificationRow): Promise<void> {
    prepared(this.db, 'INSERT INTO notifications (id, user_id, kind, title, body, link, created_at, read_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      row.id,
      row.userId,
      row.kind,
      row.title,
      row.body,
      row.link,
      row.createdAt,
      row.readAt,
    );
  }

  async list(userId: string, unreadOnly: boolean, limit: number): Promise<NotificationRow[]> {
    return prepared(
      this.db,
      `SELECT id, user_id AS userId, kind, title, body, link, created_at AS createdAt, read_at AS readAt FROM notifications
       WHERE user_id = ? AND (? = 0 OR read_at IS NULL) ORDER BY created_at DESC LIMIT ?`,
    ).all(userId, unreadOnly ? 1 : 0, limit) as NotificationRow[];
  }

  async unreadCount(userId: string): Promise<number> {
    return (prepared(this.db, 'SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL').get(userId) as { n: number }).n;
  }

  async markRead(userId: string, ids: readonly string[], at: string): Promise<string[]> {
    const update = prepared(this.db, 'UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL');
    return ids.filter((id) => update.run(at, id, userId).changes === 1);
  }
}

export class SqliteWorkTimersRepository implements WorkTimersRepository {
  constructor(private readonly db: SqliteDb) {}

  async insert(row: WorkTimerRow): Promise<void> {
    prepared(this.db, 'INSERT INTO work_timers (id, task_id, purpose, step, due_at, state) VALUES (?, ?, ?, ?, ?, ?)').run(
      row.id,
      row.taskId,
      row.purpose,
      row.step,
      row.dueAt,
      row.state,
    );
  }

  async due(now: number, limit: number): Promise<WorkTimerRow[]> {
    return prepared(
      this.db,
      "SELECT id, task_id AS taskId, purpose, step, due_at AS dueAt, state FROM work_timers WHERE state = 'pending' AND due_at <= ? ORDER BY due_at LIMIT ?",
    ).all(now, limit) as WorkTimerRow[];
  }

  async markFired(id: string): Promise<void> {
    prepared(this.db, "UPDATE work_timers SET state = 'fired' WHERE id = ?").run(id);
  }

  async cancelForTask(taskId: string): Promise<void> {
    prepared(this.db, "UPDATE work_timers SET state = 'cancelled' WHERE task_id = ? AND state = 'pending'").run(taskId);
  }

  async nextDueAt(): Promise<number | null> {
    return (prepared(this.db, "SELECT min(due_at) AS due FROM work_timers WHERE state = 'pending'").get() as { due: number | null }).due;
  }
}

interface ChangeDbRow {
  id: string;
  kind: ChangeRow['kind'];
  target: string;
  summary: string;
  details: string;
  payload: string;
  requested_by_id: string;
  requested_by: string;
  requested_at: string;
  status: ChangeRow['status'];
  decided_by_id: string | null;
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
}

const toChange = (r: ChangeDbRow): ChangeRow => ({
  id: r.id,
  kind: r.kind,
  target: r.target,
  summary: r.summary,
  details: JSON.parse(r.details),
  payload: JSON.parse(r.payload),
  requestedById: r.requested_by_id,
  requestedBy: r.requested_by,
  requestedAt: r.requested_at,
  status: r.status,
  decidedById: r.decided_by_id,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  reason: r.reason,
});

export class SqliteChangesRepository implements ChangesRepository {
  constructor(private readonly db: SqliteDb) {}

  async insert(row: ChangeRow): Promise<void> {
    prepared(
      this.db,
      `INSERT INTO config_changes (id, kind, target, summary, details, payload, requested_by_id, requested_by, requested_at, status, decided_by_id, decided_by, decided_at, reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      row.id,
      row.kind,
      row.target,
      row.summary,
      JSON.stringify(row.details),
      JSON.stringify(row.payload),
      row.requestedById,
      row.requestedBy,
      row.requestedAt,
      row.status,
      row.decidedById,
      row.decidedBy,
      row.decidedAt,
      row.reason,
    );
  }

  async get(id: string): Promise<ChangeRow | null> {
    const r = prepared(this.db, 'SELECT * FROM config_changes WHERE id = ?').get(id) as ChangeDbRow | undefined;
    return r ? toChange(r) : null;
  }

  async list(status?: ChangeRow['status']): Promise<ChangeRow[]> {
    const rows = status
      ? (prepared(this.db, 'SELECT * FROM config_changes WHERE status = ? ORDER BY requested_at DESC').all(status) as ChangeDbRow[])
      : (prepared(this.db, 'SELECT * FROM config_changes ORDER BY requested_at DESC LIMIT 500').all() as ChangeDbRow[]);
    return rows.map(toChange);
  }

  async decide(id: string, status: 'approved' | 'rejected', byId: string, by: string, at: string, reason: string | null): Promise<void> {
    prepared(
      this.db,
      "UPDATE config_changes SET status = ?, decided_by_id = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ? AND status = 'pending'",
    ).run(status, byId, by, at, reason, id);
  }

  async supersede(kind: string, target: string, at: string): Promise<string[]> {
    const ids = (
      prepared(this.db, "SELECT id FROM config_changes WHERE kind = ? AND target = ? AND status = 'pending'").all(kind, target) as { id: string }[]
    ).map((r) => r.id);
    prepared(this.db, "UPDATE config_changes SET status = 'superseded', decided_at = ? WHERE kind = ? AND target = ? AND status = 'pending'").run(
      at,
      kind,
      target,
    );
    return ids;
  }
}

export class SqliteSettingsRepository implements SettingsRepository {
  constructor(private readonly db: SqliteDb) {}

  async get(key: string): Promise<JsonValue | null> {
    const r = prepared(this.db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return r ? (JSON.parse(r.value) as JsonValue) : null;
  }

  async set(key: string, value: JsonValue, by: string, at: string): Promise<void> {
    prepared(
      this.db,
      'INSERT INTO settings (key, value, updated_by, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, updated_at = excluded.updated_at',
    ).run(key, JSON.stringify(value), by, at);
  }
}
