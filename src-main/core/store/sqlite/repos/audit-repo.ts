import { prepared } from '../prepared';
import { faultPoint } from '../../../fault/fault-points';
import { canonicalJson } from '@shared/domain/canonical-json';
import { GENESIS_HASH, type AuditActor, type AuditEvent, type AuditRecord } from '@shared/domain/audit';
import { eventHash } from '../../../audit/chain-hash';
import type { SqliteDb } from '../connection';
import type { AuditRepository } from '../../repositories';
import type { AuditQuery } from '@shared/contract/audit';
import { auditWhere, EVENT_COLUMNS } from './audit-sql';
import { hasSearchIndex } from './search-index';

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  outcome: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

export function rowToEvent(row: AuditRow): AuditEvent {
  return {
    seq: row.seq,
    at: row.at as AuditEvent['at'],
    actor: JSON.parse(row.actor) as AuditActor,
    action: row.action,
    subject: row.subject_type === null ? null : { type: row.subject_type, id: row.subject_id ?? '' },
    outcome: row.outcome as AuditEvent['outcome'],
    payload: JSON.parse(row.payload) as AuditEvent['payload'],
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function actorId(actor: AuditActor): string | null {
  switch (actor.kind) {
    case 'user':
      return actor.userId;
    case 'schedule':
      return actor.scheduleId;
    case 'cli':
      return `cli:${actor.osUser}`;
    case 'system':
      return `system:${actor.component}`;
    case 'anonymous':
      return null;
  }
}

export class SqliteAuditRepository implements AuditRepository {
  constructor(private readonly db: SqliteDb) {}

  async head(): Promise<AuditEvent | null> {
    const row = prepared(this.db, `SELECT ${EVENT_COLUMNS} FROM audit_events e ORDER BY e.seq DESC LIMIT 1`).get() as AuditRow | undefined;
    return row ? rowToEvent(row) : null;
  }

  async append(record: AuditRecord, at: string): Promise<AuditEvent> {
    // Read the head inside the caller's write transaction: another process appending at
    // the same time waits on SQLite's write lock, so the chain never forks.
    const head = prepared(this.db, 'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
    const unhashed: Omit<AuditEvent, 'hash'> = {
      seq: (head?.seq ?? 0) + 1,
      at: at as AuditEvent['at'],
      actor: record.actor,
      action: record.action,
      subject: record.subject ?? null,
      outcome: record.outcome ?? 'ok',
      payload: record.payload ?? {},
      prevHash: head?.hash ?? GENESIS_HASH,
    };
    const event: AuditEvent = { ...unhashed, hash: eventHash(unhashed) };
    faultPoint(`audit.appending:${event.action}`);
    prepared(
      this.db,
      `INSERT INTO audit_events (seq, at, actor_kind, actor_id, actor, action, subject_type, subject_id, outcome, payload, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      event.seq,
      event.at,
      event.actor.kind,
      actorId(event.actor),
      canonicalJson(event.actor),
      event.action,
      event.subject?.type ?? null,
      event.subject?.id ?? null,
      event.outcome,
      canonicalJson(event.payload),
      event.prevHash,
      event.hash,
    );
    faultPoint(`audit.appended:${event.action}`);
    return event;
  }

  async search(query: AuditQuery): Promise<AuditEvent[]> {
    const { cursor, limit, ...filters } = query;
    const where = auditWhere({ filters, ...(cursor ? { beforeSeq: Number(cursor) } : {}) }, hasSearchIndex(this.db));
    const sql = `SELECT ${EVENT_COLUMNS} FROM audit_events e ${where.sql} ORDER BY e.seq DESC LIMIT ?`;
    return (prepared(this.db, sql).all(...where.params, limit + 1) as AuditRow[]).map(rowToEvent);
  }

  async range(fromSeq: number, limit: number): Promise<AuditEvent[]> {
    const rows = prepared(this.db, `SELECT ${EVENT_COLUMNS} FROM audit_events e WHERE e.seq >= ? ORDER BY e.seq LIMIT ?`).all(fromSeq, limit) as AuditRow[];
    return rows.map(rowToEvent);
  }
}
