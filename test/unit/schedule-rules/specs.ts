import { makeCalendar, type BusinessCalendar } from '../../../src-main/core/calendar';
import { ScheduleSpec, type ResolvedSpec } from '../../../src-main/core/schedule-rules';

/** Every day a business day: for DST tests, where the calendar must not hide the day under test. */
export const EVERY_DAY = makeCalendar('every-day', [], []);
export const WEEKDAYS = makeCalendar('weekdays', []);

/** A validated spec (so tests also prove the schema accepts it) with its calendar. */
export function spec(input: Record<string, unknown>, calendar: BusinessCalendar = WEEKDAYS): ResolvedSpec {
  return { ...ScheduleSpec.parse({ calendar: calendar.name, startDate: '2024-01-01', ...input }), calendarValue: calendar };
}
