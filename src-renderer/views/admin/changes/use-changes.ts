import { useOp } from '../../../api/hooks';
import { useThrottledRefetch } from '../../../ui/use-live-refresh';
import type { StatusFilter } from './change-words';

/**
 * Configuration changes, kept live. The core announces decisions (`changes.changed`) but not
 * new requests: a role grant announces `users.changed` and a calendar `calendars.changed`,
 * while a deployment or a conflict-matrix request announces nothing, so opening a page that
 * lists changes always asks again, and a slow poll covers an open page until the core
 * publishes `changes.changed` on submit too.
 */
export function useChanges(status: StatusFilter) {
  const query = useOp('changes.list', status === 'all' ? {} : { status }, { refetchInterval: 15_000, refetchOnMount: 'always' });
  useThrottledRefetch('changes.changed', () => [['changes.list']], 500);
  useThrottledRefetch('users.changed', () => [['changes.list']], 1000);
  useThrottledRefetch('calendars.changed', () => [['changes.list']], 1000);
  return query;
}

/**
 * An approved change alters what other pages show (a user's roles, the matrix, workflows),
 * but the core announces only `changes.changed` then, so those pages refresh on it.
 */
export function useAppliedChangesRefresh(): void {
  useThrottledRefetch('changes.changed', ({ status }) => (status === 'approved' ? [['users.list'], ['conflicts.get'], ['workflows.list']] : null), 500);
}
