import type { QueryKey } from '@tanstack/react-query';
import { useThrottledRefetch } from '../../ui/use-live-refresh';

/**
 * Refetches what shows calendar days or fire dates when a calendar changes: the core
 * announces calendars.changed both for an import applied at once and for a four-eyes import
 * when the second admin approves it.
 */
export function useCalendarRefresh(keys: readonly QueryKey[], intervalMs = 1000): void {
  useThrottledRefetch('calendars.changed', () => keys, intervalMs);
}
