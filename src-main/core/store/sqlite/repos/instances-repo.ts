import type { InstanceQuery } from '@shared/contract/engine';
import type { SqliteDb } from '../connection';
import { prepared } from '../prepared';
import type { InstanceRow, InstanceSummaryRow, InstancesRepository, MailboxRepository } from '../../engine-repositories';
import type { Message } from '../../../engine/interpreter/types';

interface Row {
  id: string;
  workflow_key: string;
  workflow_version: number;
  version_id: string;
  business_key: string | null;
  status: InstanceRow['status'];
  state?: string;
  variables?: string;
  provenance?: string;
  data_hash: string;
  parent_id: string | null;
  parent_activation: string | null;
  started_by: string;
  started_at: string;
  updated_at: string;
  ended_at: string | null;
  suspended: number;
  needs_work: number;
  revision: number;
}

const SUMMARY_COLUMNS = `id, workflow_key, workflow_version, version_id, business_key, status, data_hash, parent_id, parent_activation, started_by, started_at, updated_at, ended_at, suspended, needs_work, revision`;

function toSummary(r: Row): InstanceSummaryRow {
  return {
    id: r.id,
    workflowKey: r.workflow_key,
    workflowVersion: r.workflow_version,
    versionId: r.version_id,
    businessKey: r.business_key,
    status: r.status,
    dataHash: r.data_hash,
    parentId: r.parent_id,
    parentActivation: r.parent_activation,
    startedBy: JSON.parse(r.started_by),
    startedAt: r.started_at,
    updatedAt: r.updated_at,
    endedAt: r.ended_at,
    suspended: r.suspended === 1,
    needsWork: r.needs_work === 1,
    revision: r.revision,
  };
}

export class SqliteInstancesRepository implements InstancesRepository {
  constructor(private readonly db: SqliteDb) {}

  async insert(row: InstanceRow): Promise<void> {
    prepared(
      this.db,
      `INSERT INTO instances (id, workflow_key, workflow_version, version_id, business_key, status, state, variables, provenance, data_hash, parent_id, parent_activation,
         started_by, started_at, updated_at, ended_at, suspended, needs_work, revision)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      row.id,
      row.workflowKey,
      row.workflowVersion,
      row.versionId,
      row.businessKey,
      row.status,
      JSON.stringify(row.state),
      JSON.stringify(row.variables),
      JSON.stringify(row.provenance),
      row.dataHash,
      row.parentId,
      row.parentActivation,
      JSON.stringify(row.startedBy),
      row.startedAt,
      row.updatedAt,
      row.endedAt,
      row.suspended ? 1 : 0,
      row.needsWork ? 1 : 0,
      row.revision,
    );
  }

  async get(id: string): Promise<InstanceRow | null> {
    const r = prepared(this.db, 'SELECT * FROM instances WHERE id = ?').get(id) as Row | undefined;
    if (!r) return null;
    return {
      ...toSummary(r),
      state: JSON.parse(r.state as string),
      variables: JSON.parse(r.variables as string),
      provenance: JSON.parse(r.provenance as string),
    };
  }

  async saveTransition(id: string, revision: number, p: Parameters<InstancesRepository['saveTransition']>[2]): Promise<boolean> {
    const result = prepared(
      this.db,
      `UPDATE instances SET state = ?, variables = ?, provenance = ?, data_hash = ?, updated_at = ?, needs_work = ?, revision = revision + 1
       WHERE id = ? AND revision = ?`,
    ).run(JSON.stringify(p.state), JSON.stringify(p.variables), JSON.stringify(p.provenance), p.dataHash, p.updatedAt, p.needsWork ? 1 : 0, id, revision);
    if (result.changes !== 1) return false;
    // Apart, and only when one differs: setting an indexed column rewrites its index entry
    // even to the same value, and most transitions keep the status and the business key.
    prepared(
      this.db,
      `UPDATE instances SET status = ?, business_key = ?, ended_at = ?
       WHERE id = ? AND (status IS NOT ? OR business_key IS NOT ? OR ended_at IS NOT ?)`,
    ).run(p.status, p.businessKey, p.endedAt, id, p.status, p.businessKey, p.endedAt);
    return true;
  }

  async setSuspended(id: string, suspended: boolean, status: InstanceRow['status'], at: string): Promise<void> {
    prepared(this.db, 'UPDATE instances SET suspended = ?, status = ?, updated_at = ?, needs_work = 1, revision = revision + 1 WHERE id = ?').run(
      suspended ? 1 : 0,
      status,
      at,
      id,
    );
  }

  async markNeedsWork(id: string): Promise<void> {
    prepared(this.db, 'UPDATE instances SET needs_work = 1 WHERE id = ?').run(id);
  }

  async runnable(limit: number): Promise<string[]> {
    return (prepared(this.db, 'SELECT id FROM instances WHERE needs_work = 1 AND suspended = 0 LIMIT ?').all(limit) as { id: string }[]).map((r) => r.id);
  }

  async search(query: InstanceQuery): Promise<InstanceSummaryRow[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const when = (condition: string, ...values: (string | number)[]) => {
      where.push(condition);
      params.push(...values);
    };
    if (query.cursor) when('id < ?', query.cursor);
    if (query.status) when('status = ?', query.status);
    if (query.workflow) when('workflow_key = ?', query.workflow);
    if (query.businessKey) when('business_key = ?', query.businessKey);
    if (query.variable) {
      const value = query.variable.equals;
      when(`json_extract(variables, ?) = ?`, `$.${query.variable.path}`, typeof value === 'boolean' ? (value ? 1 : 0) : value);
    }
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM instances ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
    return (prepared(this.db, sql).all(...params, query.limit + 1) as Row[]).map(toSummary);
  }

  async children(parentId: string): Promise<InstanceSummaryRow[]> {
    return (prepared(this.db, `SELECT ${SUMMARY_COLUMNS} FROM instances WHERE parent_id = ? ORDER BY id`).all(parentId) as Row[]).map(toSummary);
  }

  async countByStatus(): Promise<Record<string, number>> {
    const rows = prepared(this.db, 'SELECT status, count(*) AS n FROM instances GROUP BY status').all() as { status: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }
}

export class SqliteMailboxRepository implements MailboxRepository {
  constructor(private readonly db: SqliteDb) {}

  async append(instanceId: string, message: Message, at: string): Promise<void> {
    prepared(this.db, 'INSERT INTO instance_messages (instance_id, message, created_at) VALUES (?, ?, ?)').run(instanceId, JSON.stringify(message), at);
    prepared(this.db, 'UPDATE instances SET needs_work = 1 WHERE id = ?').run(instanceId);
  }

  async read(instanceId: string): Promise<{ seq: number; message: Message }[]> {
    const rows = prepared(this.db, 'SELECT seq, message FROM instance_messages WHERE instance_id = ? ORDER BY seq').all(instanceId) as {
      seq: number;
      message: string;
    }[];
    return rows.map((r) => ({ seq: r.seq, message: JSON.parse(r.message) }));
  }

  async consume(instanceId: string, upToSeq: number): Promise<void> {
    prepared(this.db, 'DELETE FROM instance_messages WHERE instance_id = ? AND seq <= ?').run(instanceId, upToSeq);
  }
}
