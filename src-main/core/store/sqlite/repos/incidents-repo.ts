import type { IncidentQuery } from '@shared/contract/engine';
import type { SqliteDb } from '../connection';
import { prepared } from '../prepared';
import type { ConnectorRow, ConnectorsRepository, IncidentRow, IncidentsRepository } from '../../engine-repositories';

interface Row {
  id: string;
  instance_id: string;
  activation_id: string;
  step: string;
  type: string;
  error: string;
  attempts: number;
  inputs: string;
  status: IncidentRow['status'];
  owner_role: string;
  severity: IncidentRow['severity'];
  created_at: string;
  resolved_at: string | null;
  resolution: string | null;
  resolved_by: string | null;
  workflow_key?: string;
  business_key?: string | null;
}

const toIncident = (r: Row): IncidentRow => ({
  id: r.id,
  instanceId: r.instance_id,
  activationId: r.activation_id,
  step: r.step,
  type: r.type,
  error: JSON.parse(r.error),
  attempts: r.attempts,
  inputs: JSON.parse(r.inputs),
  status: r.status,
  ownerRole: r.owner_role,
  severity: r.severity,
  createdAt: r.created_at,
  resolvedAt: r.resolved_at,
  resolution: r.resolution,
  resolvedBy: r.resolved_by,
});

export class SqliteIncidentsRepository implements IncidentsRepository {
  constructor(private readonly db: SqliteDb) {}

  async insert(row: IncidentRow): Promise<void> {
    prepared(
      this.db,
      `INSERT INTO incidents (id, instance_id, activation_id, step, type, error, attempts, inputs, status, owner_role, severity, created_at, resolved_at, resolution, resolved_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      row.id,
      row.instanceId,
      row.activationId,
      row.step,
      row.type,
      JSON.stringify(row.error),
      row.attempts,
      JSON.stringify(row.inputs),
      row.status,
      row.ownerRole,
      row.severity,
      row.createdAt,
      row.resolvedAt,
      row.resolution,
      row.resolvedBy,
    );
  }

  async get(id: string): Promise<IncidentRow | null> {
    const r = prepared(this.db, 'SELECT * FROM incidents WHERE id = ?').get(id) as Row | undefined;
    return r ? toIncident(r) : null;
  }

  async resolve(id: string, resolution: string, by: string, at: string): Promise<void> {
    prepared(this.db, "UPDATE incidents SET status = 'resolved', resolution = ?, resolved_by = ?, resolved_at = ? WHERE id = ? AND status = 'open'").run(
      resolution,
      by,
      at,
      id,
    );
  }

  async search(query: IncidentQuery) {
    const where: string[] = [];
    const params: string[] = [];
    const when = (condition: string, value: string) => {
      where.push(condition);
      params.push(value);
    };
    if (query.status) when('i.status = ?', query.status);
    if (query.instanceId) when('i.instance_id = ?', query.instanceId);
    if (query.cursor) when("i.created_at || '|' || i.id < ?", query.cursor);
    const sql = `SELECT i.*, n.workflow_key, n.business_key FROM incidents i JOIN instances n ON n.id = i.instance_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY i.created_at DESC, i.id DESC LIMIT ?`;
    const rows = prepared(this.db, sql).all(...params, query.limit + 1) as Row[];
    return rows.map((r) => ({ ...toIncident(r), workflowKey: r.workflow_key ?? '', businessKey: r.business_key ?? null }));
  }

  async assign(id: string, ownerRole: string): Promise<void> {
    prepared(this.db, 'UPDATE incidents SET owner_role = ? WHERE id = ?').run(ownerRole, id);
  }

  async ofInstance(instanceId: string): Promise<IncidentRow[]> {
    return (prepared(this.db, 'SELECT * FROM incidents WHERE instance_id = ? ORDER BY created_at').all(instanceId) as Row[]).map(toIncident);
  }
}

interface ConnectorDbRow {
  name: string;
  type: string;
  config: string;
  updated_by: string;
  updated_at: string;
}

const toConnector = (r: ConnectorDbRow): ConnectorRow => ({
  name: r.name,
  type: r.type,
  config: JSON.parse(r.config),
  updatedBy: r.updated_by,
  updatedAt: r.updated_at,
});

export class SqliteConnectorsRepository implements ConnectorsRepository {
  constructor(private readonly db: SqliteDb) {}

  async get(name: string): Promise<ConnectorRow | null> {
    const r = prepared(this.db, 'SELECT * FROM connector_instances WHERE name = ?').get(name) as ConnectorDbRow | undefined;
    return r ? toConnector(r) : null;
  }

  async list(): Promise<ConnectorRow[]> {
    return (prepared(this.db, 'SELECT * FROM connector_instances ORDER BY name').all() as ConnectorDbRow[]).map(toConnector);
  }

  async upsert(row: ConnectorRow): Promise<void> {
    prepared(
      this.db,
      `INSERT INTO connector_instances (name, type, config, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET type = excluded.type, config = excluded.config, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    ).run(row.name, row.type, JSON.stringify(row.config), row.updatedBy, row.updatedAt);
  }

  async secrets(name: string): Promise<Record<string, string>> {
    const rows = prepared(this.db, 'SELECT name, value FROM connector_secrets WHERE connector = ?').all(name) as { name: string; value: string }[];
    return Object.fromEntries(rows.map((r) => [r.name, r.value]));
  }

  async setSecret(connector: string, name: string, value: string): Promise<void> {
    prepared(
      this.db,
      'INSERT INTO connector_secrets (connector, name, value) VALUES (?, ?, ?) ON CONFLICT (connector, name) DO UPDATE SET value = excluded.value',
    ).run(connector, name, value);
  }
}
