import type { AuditActor, JsonValue } from '@shared/domain/audit';
import type { WorkflowDefinition } from '@shared/domain/workflow/definition';
import type { InstanceStatus, InstanceQuery, IncidentQuery } from '@shared/contract/engine';
import type { Pins } from '../engine/definitions/validate-definition';
import type { InstanceState, Message, Provenance } from '../engine/interpreter/types';

/** Repositories of the engine; see ./repositories for the conventions. */
export interface EngineRepositories {
  readonly workflows: WorkflowVersionsRepository;
  readonly decisionTables: DecisionTableVersionsRepository;
  readonly connectors: ConnectorsRepository;
  readonly instances: InstancesRepository;
  readonly mailbox: MailboxRepository;
  readonly outbox: OutboxRepository;
  readonly timers: TimersRepository;
  readonly subscriptions: SubscriptionsRepository;
  readonly incidents: IncidentsRepository;
}

export interface WorkflowVersionRow {
  id: string;
  workflowKey: string;
  version: number;
  name: string;
  contentHash: string;
  source: string;
  sourceFile: string;
  definition: WorkflowDefinition;
  pins: Pins;
  deployedBy: string;
  deployedAt: string;
}

export interface WorkflowVersionsRepository {
  insert(row: WorkflowVersionRow): Promise<void>;
  get(id: string): Promise<WorkflowVersionRow | null>;
  byVersion(key: string, version: number): Promise<WorkflowVersionRow | null>;
  byHash(key: string, contentHash: string): Promise<WorkflowVersionRow | null>;
  latest(key: string): Promise<WorkflowVersionRow | null>;
  /** The latest version of every workflow, with how many versions each has. */
  listLatest(): Promise<(WorkflowVersionRow & { versions: number })[]>;
  versionsOf(key: string): Promise<WorkflowVersionRow[]>;
}

export interface DecisionTableVersionRow {
  id: string;
  tableKey: string;
  version: number;
  name: string | null;
  contentHash: string;
  source: string;
  sourceFile: string;
  model: JsonValue;
  deployedBy: string;
  deployedAt: string;
}

export interface DecisionTableVersionsRepository {
  insert(row: DecisionTableVersionRow): Promise<void>;
  byVersion(key: string, version: number): Promise<DecisionTableVersionRow | null>;
  byHash(key: string, contentHash: string): Promise<DecisionTableVersionRow | null>;
  latest(key: string): Promise<DecisionTableVersionRow | null>;
  listLatest(): Promise<(DecisionTableVersionRow & { versions: number })[]>;
}

export interface ConnectorRow {
  name: string;
  type: string;
  config: { [key: string]: JsonValue };
  updatedBy: string;
  updatedAt: string;
}

export interface ConnectorsRepository {
  get(name: string): Promise<ConnectorRow | null>;
  list(): Promise<ConnectorRow[]>;
  upsert(row: ConnectorRow): Promise<void>;
  /** Credentials of a connector instance: read by the connector runtime only, never returned by an operation. */
  secrets(name: string): Promise<Record<string, string>>;
  setSecret(connector: string, name: string, value: string): Promise<void>;
}

export interface InstanceRow {
  id: string;
  workflowKey: string;
  workflowVersion: number;
  versionId: string;
  businessKey: string | null;
  status: InstanceStatus;
  state: InstanceState;
  variables: { [key: string]: JsonValue };
  provenance: Provenance;
  dataHash: string;
  parentId: string | null;
  parentActivation: string | null;
  startedBy: AuditActor;
  startedAt: string;
  updatedAt: string;
  endedAt: string | null;
  suspended: boolean;
  needsWork: boolean;
  revision: number;
}

export type InstanceSummaryRow = Omit<InstanceRow, 'state' | 'variables' | 'provenance'>;

export interface InstancesRepository {
  insert(row: InstanceRow): Promise<void>;
  get(id: string): Promise<InstanceRow | null>;
  /** Writes the result of a transition; false if the row changed since `revision` was read. */
  saveTransition(
    id: string,
    revision: number,
    patch: Pick<InstanceRow, 'state' | 'variables' | 'provenance' | 'dataHash' | 'status' | 'businessKey' | 'updatedAt' | 'endedAt' | 'needsWork'>,
  ): Promise<boolean>;
  setSuspended(id: string, suspended: boolean, status: InstanceStatus, at: string): Promise<void>;
  markNeedsWork(id: string): Promise<void>;
  /** Instances with unread mail, not suspended, oldest first. */
  runnable(limit: number): Promise<string[]>;
  search(query: InstanceQuery): Promise<InstanceSummaryRow[]>;
  children(parentId: string): Promise<InstanceSummaryRow[]>;
  countByStatus(): Promise<Record<string, number>>;
}

export interface MailboxRepository {
  append(instanceId: string, message: Message, at: string): Promise<void>;
  /** Unconsumed messages of an instance in arrival order. */
  read(instanceId: string): Promise<{ seq: number; message: Message }[]>;
  consume(instanceId: string, upToSeq: number): Promise<void>;
}

export interface OutboxRow {
  id: string;
  instanceId: string;
  activationId: string;
  step: string;
  attempt: number;
  connector: string;
  action: string;
  input: JsonValue;
  idempotencyKey: string;
  timeoutMs: number | null;
  status: 'pending' | 'done' | 'failed' | 'in-doubt' | 'abandoned';
  attemptedAt: string | null;
  dispatches: number;
  createdAt: string;
  completedAt: string | null;
}

export interface OutboxRepository {
  insert(row: OutboxRow): Promise<void>;
  get(id: string): Promise<OutboxRow | null>;
  /** Records that a dispatch starts now; after a crash, an attempted effect's outcome is unknown. */
  markAttempted(id: string, at: string): Promise<void>;
  finish(id: string, status: Exclude<OutboxRow['status'], 'pending'>, at: string): Promise<void>;
  pending(): Promise<OutboxRow[]>;
}

export interface TimerRow {
  id: string;
  instanceId: string;
  activationId: string;
  purpose: string;
  dueAt: number;
  state: 'pending' | 'fired' | 'cancelled';
}

export interface TimersRepository {
  insert(row: TimerRow): Promise<void>;
  cancel(instanceId: string, id: string): Promise<void>;
  due(now: number, limit: number): Promise<TimerRow[]>;
  markFired(instanceId: string, id: string): Promise<void>;
  nextDueAt(): Promise<number | null>;
}

export interface SubscriptionsRepository {
  subscribe(instanceId: string, activationId: string, name: string, correlationKey: string | null): Promise<void>;
  unsubscribe(instanceId: string, activationId: string): Promise<void>;
  matching(name: string, correlationKey: string | null): Promise<{ instanceId: string; activationId: string }[]>;
}

export interface IncidentRow {
  id: string;
  instanceId: string;
  activationId: string;
  step: string;
  type: string;
  error: JsonValue;
  attempts: number;
  inputs: JsonValue;
  status: 'open' | 'resolved';
  ownerRole: string;
  severity: 'low' | 'medium' | 'high' | 'critical';
  createdAt: string;
  resolvedAt: string | null;
  resolution: string | null;
  resolvedBy: string | null;
}

export interface IncidentsRepository {
  insert(row: IncidentRow): Promise<void>;
  get(id: string): Promise<IncidentRow | null>;
  resolve(id: string, resolution: string, by: string, at: string): Promise<void>;
  search(query: IncidentQuery): Promise<(IncidentRow & { workflowKey: string; businessKey: string | null })[]>;
  ofInstance(instanceId: string): Promise<IncidentRow[]>;
  /** Hands an incident to a role. */
  assign(id: string, ownerRole: string): Promise<void>;
}
