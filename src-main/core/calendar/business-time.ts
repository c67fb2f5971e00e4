import { addBusinessDates } from './business-days';
import type { BusinessCalendar } from './business-calendar';
import { atLocalTime, parseTimeOfDay, zonedAt } from './local-time';

/**
 * The instant `days` business days after an instant, at a local time of day (default: the
 * local time of `fromEpochMs`), in a zone: workflow waits ("2 business days in TARGET2, at
 * 09:00") and SLA due dates.
 *
 * The date is T+days of the local date of `fromEpochMs` (see addBusinessDates). With
 * `days` = 0 the result is never in the past: 0 business days at 18:00 asked at 19:00 on a
 * business day (or at any time on a closed day) is 18:00 on the next business day; without
 * a time of day it is `fromEpochMs` itself on a business day. A time that does not exist on
 * the target date (spring forward) is moved forward by the gap, a repeated one is its first
 * occurrence (see local-time.ts).
 */
export function addBusinessDaysAt(calendar: BusinessCalendar, fromEpochMs: number, days: number, zone: string, timeOfDay?: string): number {
  const from = zonedAt(fromEpochMs, zone);
  const start = from.toPlainDate();
  const time = timeOfDay === undefined ? from.toPlainTime() : parseTimeOfDay(timeOfDay);
  const date = addBusinessDates(calendar, start, days);
  // Resolving the same local time again could pick the other occurrence of a repeated hour.
  if (timeOfDay === undefined && date.equals(start)) return fromEpochMs;
  const due = atLocalTime(date, time, zone);
  if (days === 0 && due < fromEpochMs) return atLocalTime(addBusinessDates(calendar, start, 1), time, zone);
  return due;
}
