import type { AuditEvent } from '@shared/domain/audit';
import { prepared } from '../prepared';
import type { SqliteDb } from '../connection';
import type { StoredEvent, TrailRepository, TrailSelection } from '../../evidence-repositories';
import { rowToEvent, type AuditRow } from './audit-repo';
import { auditWhere, EVENT_COLUMNS } from './audit-sql';
import { ensureSearchIndex, hasSearchIndex, indexSearch, type SearchIndexProgress } from './search-index';

const COUNT_COLUMN = {
  action: 'e.action',
  actor: "coalesce(json_extract(e.actor, '$.username'), e.actor_id, e.actor_kind)",
  outcome: 'e.outcome',
  day: 'substr(e.at, 1, 10)',
} as const;

/** Reads of the audit trail for proofs, verification, timelines and reports. */
export class SqliteTrailRepository implements TrailRepository {
  constructor(private readonly db: SqliteDb) {}

  async size(): Promise<number> {
    const row = prepared(this.db, 'SELECT max(seq) AS n FROM audit_events').get() as { n: number | null };
    return row.n ?? 0;
  }

  async get(seq: number): Promise<AuditEvent | null> {
    const row = prepared(this.db, `SELECT ${EVENT_COLUMNS} FROM audit_events e WHERE e.seq = ?`).get(seq) as AuditRow | undefined;
    return row ? rowToEvent(row) : null;
  }

  async hashes(afterSeq: number, toSeq: number): Promise<string[]> {
    const rows = prepared(this.db, 'SELECT hash FROM audit_events WHERE seq > ? AND seq <= ? ORDER BY seq').raw().all(afterSeq, toSeq) as [string][];
    return rows.map((r) => r[0]);
  }

  async stored(fromSeq: number, limit: number): Promise<StoredEvent[]> {
    return prepared(
      this.db,
      `SELECT seq, at, actor, action, subject_type AS subjectType, subject_id AS subjectId, outcome, payload, prev_hash AS prevHash, hash
         FROM audit_events WHERE seq >= ? ORDER BY seq LIMIT ?`,
    ).all(fromSeq, limit) as StoredEvent[];
  }

  async select(selection: TrailSelection, afterSeq: number, limit: number): Promise<AuditEvent[]> {
    const where = auditWhere({ ...selection, afterSeq }, hasSearchIndex(this.db));
    const rows = prepared(this.db, `SELECT ${EVENT_COLUMNS} FROM audit_events e ${where.sql} ORDER BY e.seq LIMIT ?`).all(...where.params, limit) as AuditRow[];
    return rows.map(rowToEvent);
  }

  async selectSeqs(selection: TrailSelection, afterSeq: number, limit: number): Promise<number[]> {
    const where = auditWhere({ ...selection, afterSeq }, hasSearchIndex(this.db));
    const rows = prepared(this.db, `SELECT e.seq FROM audit_events e ${where.sql} ORDER BY e.seq LIMIT ?`)
      .raw()
      .all(...where.params, limit) as [number][];
    return rows.map((r) => r[0]);
  }

  async countBy(selection: TrailSelection, column: keyof typeof COUNT_COLUMN, limit: number): Promise<{ value: string; count: number }[]> {
    const where = auditWhere(selection, hasSearchIndex(this.db));
    const expression = COUNT_COLUMN[column];
    return prepared(this.db, `SELECT ${expression} AS value, count(*) AS count FROM audit_events e ${where.sql} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?`).all(
      ...where.params,
      limit,
    ) as { value: string; count: number }[];
  }

  async count(selection: TrailSelection): Promise<number> {
    const where = auditWhere(selection, hasSearchIndex(this.db));
    return (prepared(this.db, `SELECT count(*) AS n FROM audit_events e ${where.sql}`).get(...where.params) as { n: number }).n;
  }

  async ensureSearchIndex(): Promise<boolean> {
    return ensureSearchIndex(this.db);
  }

  async indexSearch(limit: number): Promise<SearchIndexProgress> {
    return indexSearch(this.db, limit);
  }
}
