import type { z } from 'zod';
import { ScheduleSpecShape } from '@shared/domain/schedule';
import type { BusinessCalendar, Convention } from '../calendar';
import { isIsoDate, isTimeZone } from '../calendar';
import { validateCron } from './cron';

/**
 * A schedule: the shape of @shared/domain/schedule (rule, time, zone, calendar by name,
 * convention, start and end dates), plus what needs Temporal and the cron parser: dates that
 * exist, an IANA zone, a cron expression that parses (with the column at fault).
 *
 * `convention` stays as written (optional) so a stored spec round-trips unchanged; the
 * convention that applies is effectiveConvention(): modified following by default for
 * day-of-month and weekly rules; none for cron unless given; business-day rules only produce
 * business days, so any convention leaves them as they are.
 */
export const ScheduleSpec = ScheduleSpecShape.superRefine((spec, ctx) => {
  if (spec.rule.kind === 'cron') {
    const cron = validateCron(spec.rule.expression);
    if (!cron.ok) ctx.addIssue({ code: 'custom', path: ['rule', 'expression'], message: `cron, column ${cron.column}: ${cron.message}` });
  }
  if (!isTimeZone(spec.zone)) ctx.addIssue({ code: 'custom', path: ['zone'], message: 'an IANA time zone such as Europe/Berlin' });
  for (const field of ['startDate', 'endDate'] as const) {
    const date = spec[field];
    if (date !== undefined && !isIsoDate(date)) ctx.addIssue({ code: 'custom', path: [field], message: 'a date that exists, written YYYY-MM-DD' });
  }
});

export type ScheduleSpec = z.infer<typeof ScheduleSpec>;

/** A spec with its calendar looked up by the caller (the store holds calendars; this module does no I/O). */
export type ResolvedSpec = ScheduleSpec & { calendarValue: BusinessCalendar };

export function effectiveConvention(spec: ScheduleSpec): Convention {
  if (spec.convention !== undefined) return spec.convention;
  return spec.rule.kind === 'day-of-month' || spec.rule.kind === 'weekly' ? 'modified-following' : 'none';
}
