import type { QueryKey } from '@tanstack/react-query';
import { useThrottledRefetch } from '../../ui/use-live-refresh';

/**
 * Refetches what shows calendar days or fire dates when a calendar changes. An import on a
 * single-admin site announces itself as calendars.changed; a four-eyes import takes effect
 * when the second admin approves it, which the core announces only as changes.changed (to
 * those who may read changes), so an approval refreshes too.
 */
export function useCalendarRefresh(keys: readonly QueryKey[], intervalMs = 1000): void {
  useThrottledRefetch('calendars.changed', () => keys, intervalMs);
  useThrottledRefetch('changes.changed', ({ status }) => (status === 'approved' ? keys : null), intervalMs);
}
