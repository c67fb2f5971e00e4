import type { JsonValue } from '@shared/domain/audit';
import type { FormFieldSpec } from '@shared/domain/forms';

/**
 * The interpreter's data: everything about a running instance that is not its variables.
 * It is plain JSON, stored with the instance, and changed only by `transition()` — a pure
 * function of (definition, state, variables, messages, now). Side effects leave as
 * commands for the runtime to carry out after the transition is durable.
 */
export interface InstanceState {
  nextId: number;
  scopes: Record<string, ScopeState>;
  activations: Record<string, Activation>;
  /** Completed steps that have a compensation, in completion order. */
  compensable: { activation: string; step: string; compensate: string }[];
  unwinding: Unwinding | null;
  outcome: Outcome | null;
}

export type Outcome = 'completed' | 'failed' | 'cancelled';

export interface Unwinding {
  reason: string;
  outcome: Exclude<Outcome, 'completed'>;
  /** Compensation steps still to run, next first. */
  queue: { compensate: string; for: string }[];
}

/** A running block: the workflow's steps, a parallel branch, one foreach or loop iteration, or the compensations being run. */
export interface ScopeState {
  id: string;
  block: string;
  /** The activation of the step holding this block (null for the root and unwind scopes). */
  owner: string | null;
  /** Variables visible only inside (foreach item and index). */
  locals: Record<string, JsonValue>;
  /** Position among the owner's children: branch number or iteration index. */
  ordinal: number;
  current: string | null;
  status: 'active' | 'done' | 'cancelled';
}

export interface StepError {
  code: string;
  message: string;
  /** A retry may succeed (timeouts, 5xx, network errors before sending). */
  retryable: boolean;
  details?: JsonValue;
}

export type Wait =
  | { kind: 'effect'; effectId: string }
  | { kind: 'retry'; timerId: string; dueAt: number; lastError: StepError }
  | { kind: 'timer'; timerId: string; dueAt: number }
  | { kind: 'signal'; name: string; correlationKey: string | null; timeoutTimer: string | null }
  | { kind: 'children' }
  | { kind: 'child-instance'; instanceId: string }
  | { kind: 'human'; requestId: string }
  | { kind: 'incident'; incidentId: string; type: IncidentType; error: StepError };

export type IncidentType = 'retries-exhausted' | 'in-doubt' | 'expression' | 'unique-violation' | 'failure' | 'compliance-flag';

export interface Activation {
  id: string;
  scope: string;
  step: string;
  status: 'ready' | 'waiting' | 'done' | 'failed' | 'cancelled';
  attempt: number;
  wait?: Wait;
  children?: string[];
  /** Step-specific progress (foreach items and results, loop iteration, join count). */
  data?: { [key: string]: JsonValue };
  startedAt: number;
}

export type Actor = { kind: 'engine' } | { kind: 'user'; userId: string; username: string };

/** What arrives in an instance's mailbox; consumed in order by a transition. */
export type Message =
  | { kind: 'start' }
  | { kind: 'effect-result'; effectId: string; ok: true; value: JsonValue }
  | { kind: 'effect-result'; effectId: string; ok: false; error: StepError; inDoubt?: boolean }
  | { kind: 'timer'; timerId: string }
  | { kind: 'signal'; signalId: string; name: string; correlationKey: string | null; payload: JsonValue }
  | { kind: 'child-done'; instanceId: string; ok: boolean; output: JsonValue; error?: StepError }
  | { kind: 'human-done'; requestId: string; output: { [key: string]: JsonValue }; by: Actor }
  | { kind: 'operator'; action: 'cancel'; reason: string; by: Actor }
  | { kind: 'operator'; action: 'retry'; activationId: string; reason: string; by: Actor }
  | { kind: 'operator'; action: 'skip'; activationId: string; value: JsonValue; reason: string; by: Actor }
  | { kind: 'operator'; action: 'reconcile'; activationId: string; done: boolean; value: JsonValue; reason: string; by: Actor }
  /** A reviewer closed a blocking flag: the step completes. */
  | { kind: 'operator'; action: 'resolve'; activationId: string; reason: string; by: Actor }
  /** People changed data under review (a rework task after "request changes"). */
  | { kind: 'data-changed'; changes: { [path: string]: JsonValue }; by: Actor; reason: string };

/** What people are asked to do, computed when the step starts (candidates, defaults, levels). */
export type HumanWork =
  | {
      kind: 'task';
      title: string;
      form: (FormFieldSpec & { value: JsonValue })[];
      candidates: { roles: string[]; users: string[] };
      priority: number;
      sla: JsonValue | null;
      followUpMs: number | null;
      show: string[];
    }
  | {
      kind: 'approval';
      title: string;
      subject: string[];
      levels: { name: string; roles: string[]; approvers: number }[];
      priority: number;
      sla: JsonValue | null;
    };

/** Side effects to carry out once the transition is durable. */
export type Command =
  | {
      kind: 'effect';
      effectId: string;
      activationId: string;
      step: string;
      attempt: number;
      connector: string;
      action: string;
      input: JsonValue;
      idempotencyKey: string;
      timeoutMs: number | null;
    }
  | { kind: 'timer'; timerId: string; activationId: string; dueAt: number; purpose: 'wait' | 'retry' | 'timeout' }
  | { kind: 'cancel-timer'; timerId: string }
  | { kind: 'subscribe'; activationId: string; name: string; correlationKey: string | null }
  | { kind: 'unsubscribe'; activationId: string }
  | { kind: 'start-child'; activationId: string; instanceId: string; workflow: string; version: number; input: { [key: string]: JsonValue } }
  | { kind: 'cancel-child'; instanceId: string; reason: string }
  | { kind: 'human'; requestId: string; activationId: string; step: string; attempt: number; work: HumanWork }
  /** Data an open approval is about changed: decisions already given are void. */
  | { kind: 'approval-data-changed'; requestId: string }
  | { kind: 'cancel-human'; requestId: string }
  | {
      kind: 'incident';
      incidentId: string;
      activationId: string;
      step: string;
      type: IncidentType;
      error: StepError;
      attempts: number;
      inputs: JsonValue;
      severity?: 'low' | 'medium' | 'high' | 'critical';
      ownerRole?: string;
    }
  | { kind: 'resolve-incident'; incidentId: string; resolution: string; by: Actor };

/** One audit event the transition produced; the runtime adds sequence, time, hash and the actor. */
export interface TransitionEvent {
  action: string;
  by: Actor;
  payload: { [key: string]: JsonValue };
}

/** Who or what set a variable field, and when: the basis of segregation of duties. */
export interface ProvenanceEntry {
  by: { kind: 'input' | 'user'; userId: string; username: string } | { kind: 'step'; step: string; activation: string } | { kind: 'engine' };
  at: number;
}
export type Provenance = Record<string, ProvenanceEntry>;

export interface Snapshot {
  state: InstanceState;
  variables: { [key: string]: JsonValue };
  provenance: Provenance;
}

export interface TransitionResult extends Snapshot {
  commands: Command[];
  events: TransitionEvent[];
  /** Step transitions made (for the benchmark and the engine's metrics). */
  transitions: number;
}
