import { prepared } from '../prepared';
import type { SqliteDb } from '../connection';
import type { ReportJobPatch, ReportJobRow, ReportJobsRepository } from '../../evidence-repositories';

interface JobDbRow {
  id: string;
  request: string;
  title: string;
  requested_by_id: string;
  requested_by: string;
  requested_at: string;
  status: ReportJobRow['status'];
  phase: ReportJobRow['phase'];
  done: number;
  total: number | null;
  folder: string;
  event_count: number | null;
  checkpoint: string | null;
  files: string;
  error: string | null;
  heartbeat_at: string;
  finished_at: string | null;
}

function toRow(r: JobDbRow): ReportJobRow {
  return {
    id: r.id,
    request: JSON.parse(r.request) as ReportJobRow['request'],
    title: r.title,
    requestedById: r.requested_by_id,
    requestedBy: r.requested_by,
    requestedAt: r.requested_at as ReportJobRow['requestedAt'],
    status: r.status,
    phase: r.phase,
    done: r.done,
    total: r.total,
    folder: r.folder,
    eventCount: r.event_count,
    checkpoint: r.checkpoint === null ? null : (JSON.parse(r.checkpoint) as ReportJobRow['checkpoint']),
    files: JSON.parse(r.files) as ReportJobRow['files'],
    error: r.error,
    heartbeatAt: r.heartbeat_at,
    finishedAt: r.finished_at as ReportJobRow['finishedAt'],
  };
}

/** Column of each patchable field, and how its value is stored. */
const PATCH_COLUMNS: { [K in keyof ReportJobPatch]-?: [string, (v: NonNullable<ReportJobPatch[K]> | null) => string | number | null] } = {
  status: ['status', (v) => v],
  phase: ['phase', (v) => v],
  done: ['done', (v) => v],
  total: ['total', (v) => v],
  eventCount: ['event_count', (v) => v],
  checkpoint: ['checkpoint', (v) => (v === null ? null : JSON.stringify(v))],
  files: ['files', (v) => JSON.stringify(v ?? [])],
  error: ['error', (v) => v],
  finishedAt: ['finished_at', (v) => v],
  heartbeatAt: ['heartbeat_at', (v) => v],
};

export class SqliteReportJobsRepository implements ReportJobsRepository {
  constructor(private readonly db: SqliteDb) {}

  async insert(row: ReportJobRow): Promise<void> {
    prepared(
      this.db,
      `INSERT INTO report_jobs (id, request, title, requested_by_id, requested_by, requested_at, status, phase, done, total, folder, event_count, checkpoint, files, error, heartbeat_at, finished_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      row.id,
      JSON.stringify(row.request),
      row.title,
      row.requestedById,
      row.requestedBy,
      row.requestedAt,
      row.status,
      row.phase,
      row.done,
      row.total,
      row.folder,
      row.eventCount,
      row.checkpoint === null ? null : JSON.stringify(row.checkpoint),
      JSON.stringify(row.files),
      row.error,
      row.heartbeatAt,
      row.finishedAt,
    );
  }

  async update(id: string, patch: ReportJobPatch): Promise<void> {
    const fields = (Object.keys(patch) as (keyof ReportJobPatch)[]).filter((k) => patch[k] !== undefined);
    const columns = fields.map((k) => `${PATCH_COLUMNS[k][0]} = ?`).join(', ');
    const values = fields.map((k) => (PATCH_COLUMNS[k][1] as (v: unknown) => string | number | null)(patch[k]));
    prepared(this.db, `UPDATE report_jobs SET ${columns} WHERE id = ?`).run(...values, id);
  }

  async get(id: string): Promise<ReportJobRow | null> {
    const row = prepared(this.db, 'SELECT * FROM report_jobs WHERE id = ?').get(id) as JobDbRow | undefined;
    return row ? toRow(row) : null;
  }

  async page(beforeId: string | null, limit: number): Promise<ReportJobRow[]> {
    const rows = (
      beforeId === null
        ? prepared(this.db, 'SELECT * FROM report_jobs ORDER BY id DESC LIMIT ?').all(limit)
        : prepared(this.db, 'SELECT * FROM report_jobs WHERE id < ? ORDER BY id DESC LIMIT ?').all(beforeId, limit)
    ) as JobDbRow[];
    return rows.map(toRow);
  }
}
