import type { SqliteDb } from '../connection';
import { prepared } from '../prepared';
import type { OutboxRepository, OutboxRow, SubscriptionsRepository, TimerRow, TimersRepository } from '../../engine-repositories';

interface OutboxDbRow {
  id: string;
  instance_id: string;
  activation_id: string;
  step: string;
  attempt: number;
  connector: string;
  action: string;
  input: string;
  idempotency_key: string;
  timeout_ms: number | null;
  status: OutboxRow['status'];
  attempted_at: string | null;
  dispatches: number;
  created_at: string;
  completed_at: string | null;
}

const toOutbox = (r: OutboxDbRow): OutboxRow => ({
  id: r.id,
  instanceId: r.instance_id,
  activationId: r.activation_id,
  step: r.step,
  attempt: r.attempt,
  connector: r.connector,
  action: r.action,
  input: JSON.parse(r.input),
  idempotencyKey: r.idempotency_key,
  timeoutMs: r.timeout_ms,
  status: r.status,
  attemptedAt: r.attempted_at,
  dispatches: r.dispatches,
  createdAt: r.created_at,
  completedAt: r.completed_at,
});

export class SqliteOutboxRepository implements OutboxRepository {
  constructor(private readonly db: SqliteDb) {}

  async insert(row: OutboxRow): Promise<void> {
    prepared(
      this.db,
      `INSERT INTO outbox (id, instance_id, activation_id, step, attempt, connector, action, input, idempotency_key, timeout_ms, status, attempted_at, dispatches, created_at, completed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      row.id,
      row.instanceId,
      row.activationId,
      row.step,
      row.attempt,
      row.connector,
      row.action,
      JSON.stringify(row.input),
      row.idempotencyKey,
      row.timeoutMs,
      row.status,
      row.attemptedAt,
      row.dispatches,
      row.createdAt,
      row.completedAt,
    );
  }

  async get(id: string): Promise<OutboxRow | null> {
    const r = prepared(this.db, 'SELECT * FROM outbox WHERE id = ?').get(id) as OutboxDbRow | undefined;
    return r ? toOutbox(r) : null;
  }

  async markAttempted(id: string, at: string): Promise<void> {
    prepared(this.db, 'UPDATE outbox SET attempted_at = coalesce(attempted_at, ?), dispatches = dispatches + 1 WHERE id = ?').run(at, id);
  }

  async finish(id: string, status: Exclude<OutboxRow['status'], 'pending'>, at: string): Promise<void> {
    prepared(this.db, "UPDATE outbox SET status = ?, completed_at = ? WHERE id = ? AND status = 'pending'").run(status, at, id);
  }

  async pending(): Promise<OutboxRow[]> {
    return (prepared(this.db, "SELECT * FROM outbox WHERE status = 'pending' ORDER BY created_at").all() as OutboxDbRow[]).map(toOutbox);
  }
}

interface TimerDbRow {
  id: string;
  instance_id: string;
  activation_id: string;
  purpose: string;
  due_at: number;
  state: TimerRow['state'];
}

const toTimer = (r: TimerDbRow): TimerRow => ({
  id: r.id,
  instanceId: r.instance_id,
  activationId: r.activation_id,
  purpose: r.purpose,
  dueAt: r.due_at,
  state: r.state,
});

/** Timer ids are unique per instance (t1, t2, …); the stored id is prefixed with the instance id. */
const timerKey = (instanceId: string, id: string) => `${instanceId}/${id}`;

export class SqliteTimersRepository implements TimersRepository {
  constructor(private readonly db: SqliteDb) {}

  async insert(row: TimerRow): Promise<void> {
    prepared(this.db, 'INSERT INTO timers (id, instance_id, activation_id, purpose, due_at, state) VALUES (?, ?, ?, ?, ?, ?)').run(
      timerKey(row.instanceId, row.id),
      row.instanceId,
      row.activationId,
      row.purpose,
      row.dueAt,
      row.state,
    );
  }

  async cancel(instanceId: string, id: string): Promise<void> {
    prepared(this.db, "UPDATE timers SET state = 'cancelled' WHERE id = ? AND state = 'pending'").run(timerKey(instanceId, id));
  }

  async due(now: number, limit: number): Promise<TimerRow[]> {
    const rows = prepared(this.db, "SELECT * FROM timers WHERE state = 'pending' AND due_at <= ? ORDER BY due_at LIMIT ?").all(now, limit) as TimerDbRow[];
    return rows.map((r) => ({ ...toTimer(r), id: r.id.slice(r.instance_id.length + 1) }));
  }

  async markFired(instanceId: string, id: string): Promise<void> {
    prepared(this.db, "UPDATE timers SET state = 'fired' WHERE id = ?").run(timerKey(instanceId, id));
  }

  async nextDueAt(): Promise<number | null> {
    const row = prepared(this.db, "SELECT min(due_at) AS due FROM timers WHERE state = 'pending'").get() as { due: number | null };
    return row.due;
  }
}

export class SqliteSubscriptionsRepository implements SubscriptionsRepository {
  constructor(private readonly db: SqliteDb) {}

  async subscribe(instanceId: string, activationId: string, name: string, correlationKey: string | null): Promise<void> {
    prepared(this.db, 'INSERT OR REPLACE INTO signal_subscriptions (instance_id, activation_id, name, correlation_key) VALUES (?, ?, ?, ?)').run(
      instanceId,
      activationId,
      name,
      correlationKey,
    );
  }

  async unsubscribe(instanceId: string, activationId: string): Promise<void> {
    prepared(this.db, 'DELETE FROM signal_subscriptions WHERE instance_id = ? AND activation_id = ?').run(instanceId, activationId);
  }

  async matching(name: string, correlationKey: string | null): Promise<{ instanceId: string; activationId: string }[]> {
    const rows = prepared(this.db, 'SELECT instance_id, activation_id FROM signal_subscriptions WHERE name = ? AND correlation_key IS ?').all(
      name,
      correlationKey,
    ) as {
      instance_id: string;
      activation_id: string;
    }[];
    return rows.map((r) => ({ instanceId: r.instance_id, activationId: r.activation_id }));
  }
}
