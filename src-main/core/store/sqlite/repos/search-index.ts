import type { SqliteDb } from '../connection';
import { prepared } from '../prepared';
import { SEARCH_INDEX_SQL } from '../migrations/007-audit-evidence';

/**
 * The full-text index of the trail (migration 007) is derived data, filled behind the
 * trail rather than on append: `indexSearch` adds the next events in the caller's write
 * unit. If it was dropped (by hand, or by a tool that does not know FTS5), searches fall
 * back to a scan and `ensureSearchIndex` recreates it empty, to be refilled the same way.
 */
function lookUp(db: SqliteDb): boolean {
  const rows = prepared(db, "SELECT name FROM sqlite_master WHERE name IN ('audit_search', 'audit_search_progress')").all() as { name: string }[];
  return rows.length === 2;
}

/** Looked up on every search (a read of the schema, microseconds): another process may have recreated it. */
export function hasSearchIndex(db: SqliteDb): boolean {
  return lookUp(db);
}

/** Inside the caller's write transaction: recreates the index (empty) if it or its progress row is missing. */
export function ensureSearchIndex(db: SqliteDb): boolean {
  if (lookUp(db)) return false;
  db.exec('DROP TABLE IF EXISTS audit_search; DROP TABLE IF EXISTS audit_search_progress;');
  db.exec(SEARCH_INDEX_SQL);
  return true;
}

export interface SearchIndexProgress {
  /** Events indexed by this call. */
  indexed: number;
  /** Every event up to this seq is in the index. */
  upTo: number;
  /** The trail's last seq. */
  head: number;
}

/** Inside the caller's write transaction: indexes up to `limit` events after the last indexed one. */
export function indexSearch(db: SqliteDb, limit: number): SearchIndexProgress {
  const head = (prepared(db, 'SELECT max(seq) AS n FROM audit_events').get() as { n: number | null }).n ?? 0;
  if (!lookUp(db)) return { indexed: 0, upTo: 0, head };
  const from = (prepared(db, 'SELECT indexed_up_to AS n FROM audit_search_progress WHERE id = 1').get() as { n: number }).n;
  if (from >= head) return { indexed: 0, upTo: from, head };
  const to = Math.min(head, from + limit);
  const added = prepared(
    db,
    `INSERT INTO audit_search (rowid, action, actor, subject_id, payload)
       SELECT seq, action, actor, subject_id, payload FROM audit_events WHERE seq > ? AND seq <= ?`,
  ).run(from, to).changes;
  prepared(db, 'UPDATE audit_search_progress SET indexed_up_to = ? WHERE id = 1').run(to);
  return { indexed: added, upTo: to, head };
}
