import type { JsonValue } from '@shared/domain/audit';

/** An incident's error JSON ({code, message, retryable, details}) as code and message. */
export function incidentError(error: JsonValue): { code: string | null; message: string | null; retryable: boolean | null } {
  if (error === null || typeof error !== 'object' || Array.isArray(error))
    return { code: null, message: typeof error === 'string' ? error : null, retryable: null };
  return {
    code: typeof error.code === 'string' ? error.code : null,
    message: typeof error.message === 'string' ? error.message : null,
    retryable: typeof error.retryable === 'boolean' ? error.retryable : null,
  };
}
