import { z } from 'zod';
import { op, page } from './op';
import { JsonValue, AuditActor } from '../domain/audit';
import { Problem } from '../domain/problems';
import { Timestamp } from '../domain/time';

export const InstanceStatus = z.enum(['running', 'waiting', 'incident', 'suspended', 'completed', 'failed', 'cancelled']);
export type InstanceStatus = z.infer<typeof InstanceStatus>;

const Reason = z.string().trim().min(3, { message: 'give a reason (at least 3 characters); it is kept in the audit trail' }).max(2000);
const InstanceId = z.string().min(1).max(200);
const Cursor = z.string().regex(/^[\w.:|-]+$/, { message: 'must be a cursor returned by a previous page' });

export const WorkflowSummary = z.object({
  key: z.string(),
  name: z.string(),
  latestVersion: z.number().int(),
  versions: z.number().int(),
  contentHash: z.string(),
  deployedAt: Timestamp,
  deployedBy: z.string(),
});

export const WorkflowVersionDetail = z.object({
  key: z.string(),
  version: z.number().int(),
  name: z.string(),
  contentHash: z.string(),
  sourceFile: z.string(),
  source: z.string(),
  definition: JsonValue,
  pins: z.object({
    tables: z.record(z.string(), z.object({ version: z.number(), contentHash: z.string() })),
    workflows: z.record(z.string(), z.object({ version: z.number(), contentHash: z.string() })),
  }),
  deployedAt: Timestamp,
  deployedBy: z.string(),
  versions: z.array(z.object({ version: z.number().int(), contentHash: z.string(), deployedAt: Timestamp, deployedBy: z.string() })),
});

export const DeployResult = z.object({
  /**
   * invalid: nothing was deployed (see problems); unchanged: identical to the latest version;
   * pending-approval: valid, and waiting for a second admin (see changeId).
   */
  outcome: z.enum(['deployed', 'unchanged', 'invalid', 'pending-approval']),
  changeId: z.string().nullable().default(null),
  problems: z.array(Problem),
  deployed: z.array(z.object({ kind: z.enum(['workflow', 'decision-table']), key: z.string(), version: z.number().int(), contentHash: z.string() })),
});
export type DeployResult = z.infer<typeof DeployResult>;

const SourceFile = z.object({
  /** The file name, shown in problems (e.g. invoice.yaml, matrix.dmn). */
  file: z.string().trim().min(1).max(300),
  text: z.string().max(2 * 1024 * 1024, { message: 'must be at most 2 MiB' }),
});

export const InstanceQuery = z
  .object({
    status: InstanceStatus.optional(),
    workflow: z.string().optional(),
    businessKey: z.string().trim().min(1).optional(),
    /** Instances whose variable at this path (e.g. invoice.vendor.id) equals the value. */
    variable: z
      .object({ path: z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*(\.[a-zA-Z_][a-zA-Z0-9_]*)*$/), equals: z.union([z.string(), z.number(), z.boolean()]) })
      .optional(),
    cursor: Cursor.optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type InstanceQuery = z.infer<typeof InstanceQuery>;

export const InstanceSummary = z.object({
  id: z.string(),
  workflowKey: z.string(),
  workflowVersion: z.number().int(),
  businessKey: z.string().nullable(),
  status: InstanceStatus,
  startedBy: AuditActor,
  startedAt: Timestamp,
  updatedAt: Timestamp,
  endedAt: Timestamp.nullable(),
  parentId: z.string().nullable(),
});
export type InstanceSummary = z.infer<typeof InstanceSummary>;

export const StepRunState = z.enum(['done', 'running', 'waiting', 'failed', 'in-doubt', 'incident', 'cancelled']);
export type StepRunState = z.infer<typeof StepRunState>;

export const IncidentSummary = z.object({
  id: z.string(),
  instanceId: z.string(),
  workflowKey: z.string(),
  businessKey: z.string().nullable(),
  activationId: z.string(),
  step: z.string(),
  type: z.string(),
  error: JsonValue,
  attempts: z.number().int(),
  inputs: JsonValue,
  status: z.enum(['open', 'resolved']),
  ownerRole: z.string(),
  severity: z.enum(['low', 'medium', 'high', 'critical']),
  createdAt: Timestamp,
  resolvedAt: Timestamp.nullable(),
  resolution: z.string().nullable(),
});
export type IncidentSummary = z.infer<typeof IncidentSummary>;

export const IncidentQuery = z
  .object({
    status: z.enum(['open', 'resolved']).optional(),
    instanceId: z.string().optional(),
    cursor: Cursor.optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type IncidentQuery = z.infer<typeof IncidentQuery>;

export const InstanceDetail = z.object({
  instance: InstanceSummary,
  /** The pinned version's definition: the diagram is drawn from it. */
  definition: JsonValue,
  contentHash: z.string(),
  /** Latest state of each step that has run (by step id): for the diagram overlay. */
  steps: z.record(z.string(), z.object({ state: StepRunState, attempt: z.number().int(), activation: z.string(), runs: z.number().int() })),
  /** Sensitive values masked for everyone (declared by a form field, or named like an IBAN); `instances.unmask` shows one in clear. */
  variables: z.record(z.string(), JsonValue),
  /** The paths of the masked values in `variables` (list items by index, e.g. payees.0.iban). */
  maskedPaths: z.array(z.string()),
  provenance: z.record(z.string(), JsonValue),
  dataHash: z.string(),
  incidents: z.array(IncidentSummary),
  children: z.array(InstanceSummary),
});
export type InstanceDetail = z.infer<typeof InstanceDetail>;

export const ConnectorSummary = z.object({
  name: z.string(),
  type: z.string(),
  idempotent: z.boolean(),
  actions: z.array(z.string()),
  config: z.record(z.string(), JsonValue),
  /** Names of the credentials set (never their values). */
  secrets: z.array(z.string()),
  updatedAt: Timestamp,
  updatedBy: z.string(),
});

const OnInstance = { instanceId: InstanceId, reason: Reason };
const OnStep = { ...OnInstance, activationId: z.string().min(1) };

export const engineOps = {
  'workflows.list': op({
    input: z.object({}).strict(),
    output: z.object({ items: z.array(WorkflowSummary) }),
    access: 'workflow.read',
    mutation: false,
    summary: 'deployed workflows, latest version first',
  }),
  'workflows.get': op({
    input: z.object({ key: z.string().min(1), version: z.number().int().positive().optional() }).strict(),
    output: WorkflowVersionDetail,
    access: 'workflow.read',
    mutation: false,
    summary: 'one version of a workflow (latest by default), with its source and pins',
  }),
  'workflows.validate': op({
    input: SourceFile.strict(),
    output: DeployResult,
    access: 'workflow.deploy',
    mutation: false,
    summary: 'validate a workflow or decision-table file without deploying it',
  }),
  'workflows.deploy': op({
    input: SourceFile.strict(),
    output: DeployResult,
    access: 'workflow.deploy',
    mutation: true,
    summary: 'deploy a workflow (YAML/JSON) or decision tables (YAML/JSON/DMN) as new immutable, content-hashed versions',
  }),
  'decisions.evaluate': op({
    input: z.object({ table: z.string().min(1), version: z.number().int().positive().optional(), input: z.record(z.string(), JsonValue) }).strict(),
    output: z.object({
      table: z.string(),
      version: z.number().int(),
      contentHash: z.string(),
      result: JsonValue,
      matchedRules: z.array(z.object({ index: z.number().int(), id: z.string().nullable() })),
    }),
    access: 'workflow.read',
    mutation: false,
    summary: 'evaluate a deployed decision table against an input',
  }),
  'instances.start': op({
    input: z
      .object({ workflow: z.string().min(1), version: z.number().int().positive().optional(), input: z.record(z.string(), JsonValue).default({}) })
      .strict(),
    output: z.object({ instanceId: z.string(), workflowVersion: z.number().int() }),
    access: 'instance.start',
    mutation: true,
    summary: 'start an instance of a workflow (latest version by default)',
  }),
  'instances.search': op({
    input: InstanceQuery,
    output: page(InstanceSummary),
    access: 'instance.read',
    mutation: false,
    summary: 'find instances by status, workflow, business key or a variable value (a sensitive variable needs sensitive.unmask)',
  }),
  'instances.get': op({
    input: z.object({ instanceId: InstanceId }).strict(),
    output: InstanceDetail,
    access: 'instance.read',
    mutation: false,
    summary: 'an instance with step states, variables, provenance and incidents',
  }),
  'instances.unmask': op({
    input: z.object({ instanceId: InstanceId, path: z.string().min(1).max(500) }).strict(),
    output: z.object({ path: z.string(), value: JsonValue }),
    access: 'sensitive.unmask',
    mutation: true,
    summary: "show one of an instance's masked variables in clear (audited as data.unmasked)",
  }),
  'instances.suspend': op({
    input: z.object(OnInstance).strict(),
    output: InstanceSummary,
    access: 'instance.operate',
    mutation: true,
    summary: 'pause an instance (no step runs until resumed)',
  }),
  'instances.resume': op({
    input: z.object(OnInstance).strict(),
    output: InstanceSummary,
    access: 'instance.operate',
    mutation: true,
    summary: 'resume a suspended instance',
  }),
  'instances.cancel': op({
    input: z.object(OnInstance).strict(),
    output: InstanceSummary,
    access: 'instance.operate',
    mutation: true,
    summary: 'cancel an instance; completed steps with a compensation are undone',
  }),
  'instances.retry': op({
    input: z.object(OnStep).strict(),
    output: InstanceSummary,
    access: 'instance.operate',
    mutation: true,
    summary: 'retry a step held by an incident',
  }),
  'instances.skip': op({
    input: z.object({ ...OnStep, value: JsonValue }).strict(),
    output: InstanceSummary,
    access: 'instance.operate',
    mutation: true,
    summary: 'complete a step held by an incident with the value it should have produced (not for approval or human steps)',
  }),
  'instances.reconcile': op({
    input: z.object({ ...OnStep, done: z.boolean(), value: JsonValue.default(null) }).strict(),
    output: InstanceSummary,
    access: 'instance.operate',
    mutation: true,
    summary: 'settle an in-doubt effect after checking the other system: done (with its result) or not done (run it again)',
  }),
  'signals.send': op({
    input: z.object({ name: z.string().min(1), correlationKey: z.string().nullable().default(null), payload: JsonValue.default(null) }).strict(),
    output: z.object({ delivered: z.number().int() }),
    access: 'instance.operate',
    mutation: true,
    summary: 'deliver a signal or message to the instances waiting for it',
  }),
  'incidents.search': op({
    input: IncidentQuery,
    output: page(IncidentSummary),
    access: 'exception.read',
    mutation: false,
    summary: 'incidents, newest first',
  }),
  'connectors.list': op({
    input: z.object({}).strict(),
    output: z.object({ items: z.array(ConnectorSummary) }),
    access: 'connector.read',
    mutation: false,
    summary: 'connector instances (credentials are never shown)',
  }),
  'connectors.save': op({
    input: z
      .object({
        name: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, { message: 'must be lower-case letters, digits and -, starting with a letter' }),
        type: z.string().min(1),
        config: z.record(z.string(), JsonValue),
        /** Credentials to set (write-only); omitted names keep their value. */
        secrets: z.record(z.string(), z.string()).default({}),
      })
      .strict(),
    output: ConnectorSummary,
    access: 'connector.manage',
    mutation: true,
    summary: 'create or change a connector instance',
  }),
} as const;
