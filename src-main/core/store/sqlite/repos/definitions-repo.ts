import type { SqliteDb } from '../connection';
import { prepared } from '../prepared';
import type { DecisionTableVersionRow, DecisionTableVersionsRepository, WorkflowVersionRow, WorkflowVersionsRepository } from '../../engine-repositories';

interface WorkflowRow {
  id: string;
  workflow_key: string;
  version: number;
  name: string;
  content_hash: string;
  source: string;
  source_file: string;
  definition: string;
  pins: string;
  deployed_by: string;
  deployed_at: string;
  versions?: number;
}

const toWorkflow = (r: WorkflowRow): WorkflowVersionRow => ({
  id: r.id,
  workflowKey: r.workflow_key,
  version: r.version,
  name: r.name,
  contentHash: r.content_hash,
  source: r.source,
  sourceFile: r.source_file,
  definition: JSON.parse(r.definition),
  pins: JSON.parse(r.pins),
  deployedBy: r.deployed_by,
  deployedAt: r.deployed_at,
});

export class SqliteWorkflowVersionsRepository implements WorkflowVersionsRepository {
  constructor(private readonly db: SqliteDb) {}

  async insert(row: WorkflowVersionRow): Promise<void> {
    prepared(
      this.db,
      `INSERT INTO workflow_versions (id, workflow_key, version, name, content_hash, source, source_file, definition, pins, deployed_by, deployed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      row.id,
      row.workflowKey,
      row.version,
      row.name,
      row.contentHash,
      row.source,
      row.sourceFile,
      JSON.stringify(row.definition),
      JSON.stringify(row.pins),
      row.deployedBy,
      row.deployedAt,
    );
  }

  private one(sql: string, ...params: unknown[]): WorkflowVersionRow | null {
    const row = prepared(this.db, sql).get(...params) as WorkflowRow | undefined;
    return row ? toWorkflow(row) : null;
  }

  async get(id: string) {
    return this.one('SELECT * FROM workflow_versions WHERE id = ?', id);
  }

  async byVersion(key: string, version: number) {
    return this.one('SELECT * FROM workflow_versions WHERE workflow_key = ? AND version = ?', key, version);
  }

  async byHash(key: string, contentHash: string) {
    return this.one('SELECT * FROM workflow_versions WHERE workflow_key = ? AND content_hash = ?', key, contentHash);
  }

  async latest(key: string) {
    return this.one('SELECT * FROM workflow_versions WHERE workflow_key = ? ORDER BY version DESC LIMIT 1', key);
  }

  async listLatest() {
    const rows = prepared(
      this.db,
      `SELECT w.*, (SELECT count(*) FROM workflow_versions c WHERE c.workflow_key = w.workflow_key) AS versions FROM workflow_versions w
       WHERE w.version = (SELECT max(version) FROM workflow_versions m WHERE m.workflow_key = w.workflow_key) ORDER BY w.workflow_key`,
    ).all() as WorkflowRow[];
    return rows.map((r) => ({ ...toWorkflow(r), versions: r.versions ?? 1 }));
  }

  async versionsOf(key: string) {
    return (prepared(this.db, 'SELECT * FROM workflow_versions WHERE workflow_key = ? ORDER BY version DESC').all(key) as WorkflowRow[]).map(toWorkflow);
  }
}

interface TableRow {
  id: string;
  table_key: string;
  version: number;
  name: string | null;
  content_hash: string;
  source: string;
  source_file: string;
  model: string;
  deployed_by: string;
  deployed_at: string;
  versions?: number;
}

const toTable = (r: TableRow): DecisionTableVersionRow => ({
  id: r.id,
  tableKey: r.table_key,
  version: r.version,
  name: r.name,
  contentHash: r.content_hash,
  source: r.source,
  sourceFile: r.source_file,
  model: JSON.parse(r.model),
  deployedBy: r.deployed_by,
  deployedAt: r.deployed_at,
});

export class SqliteDecisionTableVersionsRepository implements DecisionTableVersionsRepository {
  constructor(private readonly db: SqliteDb) {}

  async insert(row: DecisionTableVersionRow): Promise<void> {
    prepared(
      this.db,
      `INSERT INTO decision_table_versions (id, table_key, version, name, content_hash, source, source_file, model, deployed_by, deployed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(row.id, row.tableKey, row.version, row.name, row.contentHash, row.source, row.sourceFile, JSON.stringify(row.model), row.deployedBy, row.deployedAt);
  }

  private one(sql: string, ...params: unknown[]): DecisionTableVersionRow | null {
    const row = prepared(this.db, sql).get(...params) as TableRow | undefined;
    return row ? toTable(row) : null;
  }

  async byVersion(key: string, version: number) {
    return this.one('SELECT * FROM decision_table_versions WHERE table_key = ? AND version = ?', key, version);
  }

  async byHash(key: string, contentHash: string) {
    return this.one('SELECT * FROM decision_table_versions WHERE table_key = ? AND content_hash = ?', key, contentHash);
  }

  async latest(key: string) {
    return this.one('SELECT * FROM decision_table_versions WHERE table_key = ? ORDER BY version DESC LIMIT 1', key);
  }

  async listLatest() {
    const rows = prepared(
      this.db,
      `SELECT t.*, (SELECT count(*) FROM decision_table_versions c WHERE c.table_key = t.table_key) AS versions FROM decision_table_versions t
       WHERE t.version = (SELECT max(version) FROM decision_table_versions m WHERE m.table_key = t.table_key) ORDER BY t.table_key`,
    ).all() as TableRow[];
    return rows.map((r) => ({ ...toTable(r), versions: r.versions ?? 1 }));
  }
}
