import { createHash } from 'node:crypto';
import type { AuditActor, JsonValue } from '@shared/domain/audit';
import type { z } from 'zod';
import type { DeployResult, WorkflowSummary as WorkflowSummarySchema, WorkflowVersionDetail as WorkflowVersionDetailSchema } from '@shared/contract/engine';
import { conflict, notFound } from '../../dispatch/app-error';
import type { ChangeControl } from '../../governance/change-control';
import type { ChangeRow } from '../../store/work-repositories';
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
    private readonly changes: ChangeControl,
  ) {
    changes.register('deploy', (tx, change, requester, approver, now) => this.applyDeploy(tx, change, requester, approver, now));
  }

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
      return { outcome: problems.some(isError) ? 'invalid' : 'unchanged', changeId: null, problems, deployed: [] };
    }
    const { problems } = this.tables(kind, file, text);
    return { outcome: problems.some(isError) ? 'invalid' : 'unchanged', changeId: null, problems, deployed: [] };
  }

  private tables(kind: 'dmn' | 'table', file: string, text: string): { tables: CompiledTable[]; problems: Problem[] } {
    const parsed =
      kind === 'dmn' ? importDmn(text, file) : (({ table, problems }) => ({ tables: table ? [table] : [], problems }))(parseDecisionTable(text, file));
    const problems = [...parsed.problems];
    for (const table of parsed.tables) problems.push(...analyseTable(table, file));
    return { tables: parsed.tables, problems };
  }

  /**
   * Deploys after a second admin approves (four-eyes), or at once on a single-admin site.
   * Nothing invalid is ever recorded; content identical to a deployed version is `unchanged`.
   */
  async deploy(actor: AuditActor & { kind: 'user' }, file: string, text: string): Promise<DeployResult> {
    const now = this.clock.now();
    return this.store.unit(async (tx) => {
      const plan = await this.plan(tx, file, text);
      if (plan.invalid) return { outcome: 'invalid', changeId: null, problems: plan.problems, deployed: [] };
      const planned = plan.artifacts.map(summaryOf);
      if (plan.artifacts.length === 0) return { outcome: 'unchanged', changeId: null, problems: plan.problems, deployed: plan.unchanged };
      const submitted = await this.changes.submit(
        tx,
        actor,
        {
          kind: 'deploy',
          target: planned.map((a) => `${a.kind}:${a.key}`).join(','),
          summary: `deploy ${planned.map((a) => `${a.kind} ${a.key} v${a.version}`).join(', ')} from ${file}`,
          details: { file, artifacts: planned },
          payload: { file, text },
        },
        now,
      );
      return submitted.status === 'applied'
        ? { outcome: 'deployed', changeId: null, problems: plan.problems, deployed: [...planned, ...plan.unchanged] }
        : { outcome: 'pending-approval', changeId: submitted.changeId, problems: plan.problems, deployed: [...planned, ...plan.unchanged] };
    });
  }

  /** The four-eyes applier: plans again against the site as it is now, and writes the versions. */
  private async applyDeploy(tx: Repositories, change: ChangeRow, requester: AuditActor, approver: { username: string } | null, now: number): Promise<void> {
    const { file, text } = change.payload as { file: string; text: string };
    const plan = await this.plan(tx, file, text);
    if (plan.invalid) {
      throw conflict(
        'change_no_longer_valid',
        `The change no longer validates: ${plan.problems
          .filter(isError)
          .map((p) => `${p.line}:${p.column} ${p.message}`)
          .join('; ')}`,
      );
    }
    const at = toTimestamp(now);
    for (const artifact of plan.artifacts) await artifact.write(tx, actorName(requester), at);
    for (const artifact of plan.artifacts) {
      await tx.audit.append(
        {
          actor: requester,
          action: artifact.kind === 'workflow' ? 'workflow.deployed' : 'decision-table.deployed',
          subject: { type: artifact.kind, id: artifact.key },
          payload: {
            version: artifact.version,
            contentHash: artifact.contentHash,
            file,
            change: change.id,
            approvedBy: approver?.username ?? null,
            pins: artifact.pins,
          },
        },
        at,
      );
    }
  }

  /** What deploying the file would write, validated against the site's current connectors, tables and workflows. */
  private async plan(tx: Repositories, file: string, text: string): Promise<Plan> {
    const kind = this.kindOf(file, text);
    const unchanged: DeployResult['deployed'] = [];
    const artifacts: PlannedArtifact[] = [];
    if (kind !== 'workflow') {
      const { tables, problems } = this.tables(kind, file, text);
      if (problems.some(isError) || tables.length === 0) return { invalid: true, problems };
      for (const table of tables) {
        const key = table.model.id;
        const existing = await tx.decisionTables.byHash(key, table.contentHash);
        if (existing) {
          unchanged.push({ kind: 'decision-table', key, version: existing.version, contentHash: existing.contentHash });
          continue;
        }
        const version = ((await tx.decisionTables.latest(key))?.version ?? 0) + 1;
        artifacts.push({
          kind: 'decision-table',
          key,
          version,
          contentHash: table.contentHash,
          pins: null,
          write: (w, by, at) =>
            w.decisionTables.insert({
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
            }),
        });
      }
      return { invalid: false, problems, artifacts, unchanged };
    }
    const validated = validateDefinition(text, file, await deployContext(tx));
    if (!validated.definition || validated.problems.some(isError)) return { invalid: true, problems: validated.problems };
    const definition = validated.definition;
    const contentHash = createHash('sha256')
      .update(canonicalJson({ definition, pins: validated.pins }))
      .digest('hex');
    const key = definition.workflow;
    const existing = await tx.workflows.byHash(key, contentHash);
    if (existing)
      return { invalid: false, problems: validated.problems, artifacts, unchanged: [{ kind: 'workflow', key, version: existing.version, contentHash }] };
    const version = ((await tx.workflows.latest(key))?.version ?? 0) + 1;
    artifacts.push({
      kind: 'workflow',
      key,
      version,
      contentHash,
      pins: validated.pins as never,
      write: (w, by, at) =>
        w.workflows.insert({
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
        }),
    });
    return { invalid: false, problems: validated.problems, artifacts, unchanged };
  }
}

interface PlannedArtifact {
  kind: 'workflow' | 'decision-table';
  key: string;
  version: number;
  contentHash: string;
  pins: JsonValue;
  write(tx: Repositories, by: string, at: string): Promise<void>;
}

type Plan = { invalid: true; problems: Problem[] } | { invalid: false; problems: Problem[]; artifacts: PlannedArtifact[]; unchanged: DeployResult['deployed'] };

function summaryOf(a: PlannedArtifact): DeployResult['deployed'][number] {
  return { kind: a.kind, key: a.key, version: a.version, contentHash: a.contentHash };
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
  const calendars = new Set((await tx.calendars.list()).map((c) => c.name));
  return {
    connector: (name) => connectors.get(name) ?? null,
    table: (key) => tables.get(key) ?? null,
    workflow: (key) => workflows.get(key) ?? null,
    calendar: (name) => calendars.has(name),
  };
}
