import { ApiError } from '@shared/contract/client';
import { ApiErrorBody } from '@shared/contract/op';

/**
 * Turns whatever a host answered into an ApiError, so every caller handles one error type.
 * A body that is not an ApiErrorBody (a proxy's HTML page, a crash) still becomes one,
 * carrying the HTTP status, rather than an opaque parse failure.
 */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const parsed = ApiErrorBody.safeParse(body);
  if (parsed.success) return new ApiError(parsed.data);
  return new ApiError({ status, code: 'http_error', message: `The server answered with status ${status}.` });
}

/** The host could not be reached at all (server stopped, network down). Status 0, like fetch. */
export function unreachable(): ApiError {
  return new ApiError({ status: 0, code: 'unreachable', message: 'Cannot reach the Clearline server. Check that it is running, then try again.' });
}

/** Normalises anything thrown into an ApiError (for error boundaries and notifications). */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError({ status: 500, code: 'client_error', message });
}

export { ApiError };
