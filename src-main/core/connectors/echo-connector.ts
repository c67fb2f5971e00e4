import { z } from 'zod';
import type { JsonValue } from '@shared/domain/audit';
import { connectorError, type ConnectorType } from './connector';

const Config = z.object({ delayMs: z.number().int().min(0).max(60_000).default(0) }).strict();
const FailInput = z
  .object({ code: z.string().min(1).default('REHEARSAL'), message: z.string().default('a rehearsed failure'), retryable: z.boolean().default(false) })
  .passthrough();

/**
 * A diagnostic connector that talks to nothing: `echo` returns its input (after an optional
 * delay), `fail` returns the failure described by its input. Sites use it to dry-run a
 * workflow and to rehearse exception handling; the engine benchmark uses it to measure the
 * engine rather than a network.
 */
export const echoConnector: ConnectorType<z.infer<typeof Config>> = {
  type: 'echo',
  description: 'diagnostic connector: echo returns its input, fail returns a failure (dry runs and rehearsals)',
  actions: ['echo', 'fail'],
  configSchema: Config,
  secretNames: [],
  idempotent: () => true,
  create: (config) => ({
    idempotent: true,
    async execute(call) {
      if (config.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, config.delayMs));
      if (call.signal.aborted) return connectorError('TIMEOUT', 'the call was aborted', true, true);
      if (call.action === 'fail') {
        const failure = FailInput.safeParse(call.input ?? {});
        const f = failure.success ? failure.data : { code: 'REHEARSAL', message: 'a rehearsed failure', retryable: false };
        return connectorError(f.code, f.message, f.retryable);
      }
      return { ok: true, value: call.input as JsonValue };
    },
  }),
};
