import { createHash } from 'node:crypto';
import type { AuditActor } from '@shared/domain/audit';
import type { z } from 'zod';
import type { DeployResult, WorkflowSummary as WorkflowSummarySchema, WorkflowVersionDetail as WorkflowVersionDetailSchema } from '@shared/contract/engine';
import { notFound } from '../../dispatch/app-error';
import { canonicalJson } from '@shared/domain/canonical-json';
import type { Problem } from '@shared/domain/problems';
import type { Clock } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import { newUuidV7 } from '@shared/domain/ids';
import { analyseTable, importDmn, parseDecisionTable, type CompiledTable } from '../../decisions';
import type { Store } from '../../store/store';
import type { Repositories } from '../../store/repositories';
import { CONNECTOR_TYPES } from '../../connectors/registry';
import { validateDefinition, type DeployContext, type Pin } from '../definitions/validate-definition';

type WorkflowSummary = z.infer<typeof WorkflowSummarySchema>;
type WorkflowVersionDetail = z.infer<typeof WorkflowVersionDetailSchema>;

/**
 * Deployment: a workflow (YAML/JSON) or decision tables (YAML/JSON or DMN XML) are
 * validated completely before anything is stored; a valid file becomes a new immutable,
 * content-hashed version (or is recognised as identical to an existing one). Workflows pin
 * the exact versions of the tables and sub-workflows they use.
 */
export class DeployService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async listWorkflows(): Promise<WorkflowSummary[]> {
    const rows = await this.store.read((tx) => tx.workflows.listLatest());
    return rows.map((r) => ({
      key: r.workflowKey,
      name: r.name,
      latestVersion: r.version,
      versions: r.versions,
      contentHash: r.contentHash,
      deployedAt: r.deployedAt as WorkflowSummary['deployedAt'],
      deployedBy: r.deployedBy,
    }));
  }

  async workflow(key: string, version?: number): Promise<WorkflowVersionDetail> {
    return this.store.read(async (tx) => {
      const row = version ? await tx.workflows.byVersion(key, version) : await tx.workflows.latest(key);
      if (!row) throw notFound(version ? `version ${version} of workflow "${key}"` : `a deployed workflow "${key}"`);
      const versions = await tx.workflows.versionsOf(key);
      return {
        key: row.workflowKey,
        version: row.version,
        name: row.name,
        contentHash: row.contentHash,
        sourceFile: row.sourceFile,
        source: row.source,
        definition: row.definition as unknown as WorkflowVersionDetail['definition'],
        pins: row.pins,
        deployedAt: row.deployedAt as WorkflowVersionDetail['deployedAt'],
        deployedBy: row.deployedBy,
        versions: versions.map((v) => ({
          version: v.version,
          contentHash: v.contentHash,
          deployedAt: v.deployedAt as WorkflowVersionDetail['deployedAt'],
          deployedBy: v.deployedBy,
        })),
      };
    });
  }

  /** Decision tables are recognised by extension (.dmn) or by their top-level `rules`; everything else is a workflow. */
  private kindOf(file: string, text: string): 'dmn' | 'table' | 'workflow' {
    if (/\.dmn$/i.test(file) || /^\s*<\?xml|^\s*<(\w+:)?definitions/.test(text)) return 'dmn';
    return /^\s*"?rules"?\s*:/m.test(text) && !/^\s*"?workflow"?\s*:/m.test(text) ? 'table' : 'workflow';
  }

  async validate(file: string, text: string): Promise<DeployResult> {
    const context = await this.store.read((tx) => deployContext(tx));
    const kind = this.kindOf(file, text);
    if (kind === 'workflow') {
      const { problems } = validateDefinition(text, file, context);
      return { outcome: problems.some(isError) ? 'invalid' : 'unchanged', problems, deployed: [] };
    }
    const { problems } = this.tables(kind, file, text);
    return { outcome: problems.some(isError) ? 'invalid' : 'unchanged', problems, deployed: [] };
  }

  private tables(kind: 'dmn' | 'table', file: string, text: string): { tables: CompiledTable[]; problems: Problem[] } {
    const parsed =
      kind === 'dmn' ? importDmn(text, file) : (({ table, problems }) => ({ tables: table ? [table] : [], problems }))(parseDecisionTable(text, file));
    const problems = [...parsed.problems];
    for (const table of parsed.tables) problems.push(...analyseTable(table, file));
    return { tables: parsed.tables, problems };
  }

  async deploy(actor: AuditActor, file: string, text: string): Promise<DeployResult> {
    const kind = this.kindOf(file, text);
    const at = toTimestamp(this.clock.now());
    const by = actorName(actor);
    if (kind !== 'workflow') {
      const { tables, problems } = this.tables(kind, file, text);
      if (problems.some(isError) || tables.length === 0) return { outcome: 'invalid', problems, deployed: [] };
      return this.store.unit(async (tx) => {
        const deployed: DeployResult['deployed'] = [];
        let changed = false;
        for (const table of tables) {
          const key = table.model.id;
          const existing = await tx.decisionTables.byHash(key, table.contentHash);
          if (existing) {
            deployed.push({ kind: 'decision-table', key, version: existing.version, contentHash: existing.contentHash });
            continue;
          }
          const version = ((await tx.decisionTables.latest(key))?.version ?? 0) + 1;
          await tx.decisionTables.insert({
            id: newUuidV7(this.clock.now()),
            tableKey: key,
            version,
            name: table.model.name ?? null,
            contentHash: table.contentHash,
            source: text,
            sourceFile: file,
            model: table.model as never,
            deployedBy: by,
            deployedAt: at,
          });
          await tx.audit.append(
            {
              actor,
              action: 'decision-table.deployed',
              subject: { type: 'decision-table', id: key },
              payload: { version, contentHash: table.contentHash, file },
            },
            at,
          );
          deployed.push({ kind: 'decision-table', key, version, contentHash: table.contentHash });
          changed = true;
        }
        return { outcome: changed ? 'deployed' : 'unchanged', problems, deployed };
      });
    }

    return this.store.unit(async (tx) => {
      const validated = validateDefinition(text, file, await deployContext(tx));
      if (!validated.definition || validated.problems.some(isError)) return { outcome: 'invalid' as const, problems: validated.problems, deployed: [] };
      const definition = validated.definition;
      const contentHash = createHash('sha256')
        .update(canonicalJson({ definition, pins: validated.pins }))
        .digest('hex');
      const key = definition.workflow;
      const existing = await tx.workflows.byHash(key, contentHash);
      if (existing)
        return {
          outcome: 'unchanged' as const,
          problems: validated.problems,
          deployed: [{ kind: 'workflow' as const, key, version: existing.version, contentHash }],
        };
      const version = ((await tx.workflows.latest(key))?.version ?? 0) + 1;
      await tx.workflows.insert({
        id: newUuidV7(this.clock.now()),
        workflowKey: key,
        version,
        name: definition.name,
        contentHash,
        source: text,
        sourceFile: file,
        definition,
        pins: validated.pins,
        deployedBy: by,
        deployedAt: at,
      });
      await tx.audit.append(
        { actor, action: 'workflow.deployed', subject: { type: 'workflow', id: key }, payload: { version, contentHash, file, pins: validated.pins as never } },
        at,
      );
      return { outcome: 'deployed' as const, problems: validated.problems, deployed: [{ kind: 'workflow' as const, key, version, contentHash }] };
    });
  }
}

function isError(p: Problem): boolean {
  return p.severity === 'error';
}

function actorName(actor: AuditActor): string {
  switch (actor.kind) {
    case 'user':
      return actor.username;
    case 'cli':
      return `${actor.osUser}@${actor.host}`;
    case 'system':
      return actor.component;
    case 'schedule':
      return `schedule ${actor.scheduleId}`;
    case 'anonymous':
      return actor.origin;
  }
}

/** Everything a definition may refer to, loaded up front so validation itself is synchronous. */
async function deployContext(tx: Repositories): Promise<DeployContext> {
  const connectors = new Map((await tx.connectors.list()).map((c) => [c.name, { type: c.type, actions: CONNECTOR_TYPES.get(c.type)?.actions ?? [] }]));
  const tables = new Map<string, Pin>((await tx.decisionTables.listLatest()).map((t) => [t.tableKey, { version: t.version, contentHash: t.contentHash }]));
  const workflows = new Map<string, Pin>((await tx.workflows.listLatest()).map((w) => [w.workflowKey, { version: w.version, contentHash: w.contentHash }]));
  return {
    connector: (name) => connectors.get(name) ?? null,
    table: (key) => tables.get(key) ?? null,
    workflow: (key) => workflows.get(key) ?? null,
    calendar: () => false,
  };
}
