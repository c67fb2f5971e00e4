import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/api-error';

/**
 * Refusals (4xx) are answers, not glitches: retrying them only repeats the refusal (and
 * writes another audit event), and a locked site waits for its passphrase. Only unreachable
 * hosts and server errors are retried, twice.
 */
function retry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && ((error.status >= 400 && error.status < 500) || error.code === 'site_locked')) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry, staleTime: 15_000 },
      mutations: { retry: false },
    },
  });
}
