import { useOp } from '../../../api/hooks';
import { useThrottledRefetch } from '../../../ui/use-live-refresh';
import type { StatusFilter } from './change-words';

/**
 * Configuration changes, kept live: the core announces each request and each decision
 * (`changes.changed`). Opening a page that lists changes asks again, and a slow poll is the
 * safety net for an event lost while the connection to the core was re-established.
 */
export function useChanges(status: StatusFilter) {
  const query = useOp('changes.list', status === 'all' ? {} : { status }, { refetchInterval: 60_000, refetchOnMount: 'always' });
  useThrottledRefetch('changes.changed', () => [['changes.list']], 500);
  return query;
}

/**
 * An approved change alters what other pages show (a user's roles, the matrix, workflows),
 * but the core announces only `changes.changed` then, so those pages refresh on it.
 */
export function useAppliedChangesRefresh(): void {
  useThrottledRefetch('changes.changed', ({ status }) => (status === 'approved' ? [['users.list'], ['conflicts.get'], ['workflows.list']] : null), 500);
}
