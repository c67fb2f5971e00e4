import type { z } from 'zod';
import type { JsonValue } from '@shared/domain/audit';
import type { StepError } from '../engine/interpreter/types';

export interface ConnectorCall {
  action: string;
  input: JsonValue;
  /** instance:activation:attempt — sent to systems that deduplicate, so a repeat is done once. */
  idempotencyKey: string;
  /** Aborted when the step's timeout passes or the engine stops. */
  signal: AbortSignal;
}

/**
 * How a call ended. `outcomeUnknown` means the request may have reached the other system
 * (a timeout or a reset after sending): only a connector that honours idempotency keys may
 * be called again; for others the step becomes an "in doubt" incident for a person.
 */
export type ConnectorOutcome = { ok: true; value: JsonValue } | { ok: false; error: StepError; outcomeUnknown: boolean };

export interface ConnectorInstance {
  readonly idempotent: boolean;
  execute(call: ConnectorCall): Promise<ConnectorOutcome>;
}

/** A kind of connector (http, echo, later sftp, smtp, …): its configuration schema, actions and factory. */
export interface ConnectorType<C = unknown> {
  readonly type: string;
  readonly description: string;
  readonly actions: readonly string[];
  readonly configSchema: z.ZodType<C>;
  /** Names of the credentials the configuration may refer to. */
  readonly secretNames: readonly string[];
  /** Whether instances with this configuration honour idempotency keys. */
  idempotent(config: C): boolean;
  create(config: C, secrets: Readonly<Record<string, string>>): ConnectorInstance;
}

export function connectorError(code: string, message: string, retryable: boolean, outcomeUnknown = false, details?: JsonValue): ConnectorOutcome {
  return { ok: false, error: { code, message, retryable, ...(details !== undefined ? { details } : {}) }, outcomeUnknown };
}
