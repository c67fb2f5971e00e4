import type { AuditFilters } from '@shared/contract/audit';
import type { TrailSelection } from '../../evidence-repositories';
import { usernameKey } from './users-repo';

/**
 * The columns of an event, never `*`: instance_id is a virtual column computed from the
 * payload on every read, which searches and verification have no use for.
 */
export const EVENT_COLUMNS = 'e.seq, e.at, e.actor, e.action, e.subject_type, e.subject_id, e.outcome, e.payload, e.prev_hash, e.hash';

export interface SqlWhere {
  /** "WHERE …", or empty. */
  sql: string;
  params: (string | number)[];
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The FTS5 query for free text: each word a quoted phrase (so "INV-2026-001" matches those
 * three tokens in a row, and no FTS5 operator can be injected), every word required, the
 * last one also as a prefix (search as you type). Null when no word has a letter or digit.
 */
export function ftsQuery(text: string): string | null {
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w.replace(/"/g, '""')}"${i === words.length - 1 ? '*' : ''}`).join(' AND ');
}

/**
 * WHERE over audit_events (aliased e) for search filters and report selections. Every
 * condition can use an index: actor_id, (action, seq), (subject_type, subject_id, seq), at,
 * the virtual instance_id, and the FTS5 index for text. `hasSearchIndex` false (the index
 * went missing) falls back to a scan for text.
 */
export function auditWhere(selection: TrailSelection & { beforeSeq?: number; afterSeq?: number }, hasSearchIndex: boolean): SqlWhere {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const when = (condition: string, ...values: (string | number)[]) => {
    where.push(condition);
    params.push(...values);
  };
  const f: Partial<AuditFilters> = selection.filters ?? {};
  if (selection.beforeSeq !== undefined) when('e.seq < ?', selection.beforeSeq);
  if (selection.afterSeq !== undefined) when('e.seq > ?', selection.afterSeq);
  if (selection.maxSeq !== undefined) when('e.seq <= ?', selection.maxSeq);
  if (f.from) when('e.at >= ?', f.from);
  if (f.to) when('e.at <= ?', f.to);
  // Usernames resolve to user ids first: actor_id is indexed, the actor JSON is not.
  if (f.actor) when('e.actor_id IN (SELECT ? UNION ALL SELECT id FROM users WHERE username_key = ?)', f.actor, usernameKey(f.actor));
  if (f.action?.endsWith('.')) when("e.action LIKE ? ESCAPE '\\'", `${escapeLike(f.action)}%`);
  else if (f.action) when('e.action = ?', f.action);
  if (f.subjectType) when('e.subject_type = ?', f.subjectType);
  if (f.subjectId) when('e.subject_id = ?', f.subjectId);
  if (f.workflow) {
    when(
      "(e.instance_id IN (SELECT id FROM instances WHERE workflow_key = ?) OR (e.subject_type IN ('workflow', 'decision-table') AND e.subject_id = ?))",
      f.workflow,
      f.workflow,
    );
  }
  if (f.outcome) when('e.outcome = ?', f.outcome);
  if (f.text) {
    const match = ftsQuery(f.text);
    if (match === null) when('0');
    else {
      const like = `%${escapeLike(f.text)}%`;
      const scan = "(e.payload LIKE ? ESCAPE '\\' OR e.action LIKE ? ESCAPE '\\')";
      // The index trails the trail (it is filled in the background): events past its
      // progress mark are scanned, which is a short range of the primary key.
      if (hasSearchIndex)
        when(
          `(e.seq IN (SELECT rowid FROM audit_search WHERE audit_search MATCH ?) OR (e.seq > (SELECT indexed_up_to FROM audit_search_progress) AND ${scan}))`,
          match,
          like,
          like,
        );
      else when(scan, like, like);
    }
  }
  if (selection.instanceId) when('e.instance_id = ?', selection.instanceId);
  if (selection.actions?.length) {
    const exact = selection.actions.filter((a) => !a.endsWith('.'));
    const prefixes = selection.actions.filter((a) => a.endsWith('.'));
    const any = [...(exact.length ? [`e.action IN (${exact.map(() => '?').join(', ')})`] : []), ...prefixes.map(() => "e.action LIKE ? ESCAPE '\\'")];
    when(`(${any.join(' OR ')})`, ...exact, ...prefixes.map((p) => `${escapeLike(p)}%`));
  }
  if (selection.refusalCodes?.length) {
    when(
      `(e.action <> 'access.refused' OR (json_valid(e.payload) AND json_extract(e.payload, '$.code') IN (${selection.refusalCodes.map(() => '?').join(', ')})))`,
      ...selection.refusalCodes,
    );
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}
