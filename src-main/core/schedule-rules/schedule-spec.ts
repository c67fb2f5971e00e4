import { z } from 'zod';
import type { BusinessCalendar, Convention } from '../calendar';
import { CONVENTIONS, isIsoDate, isTimeOfDay, isTimeZone } from '../calendar';
import { DateRule } from './date-rule';

const IsoDateText = z.string().refine(isIsoDate, { message: 'a date that exists, written YYYY-MM-DD' });

/**
 * A schedule: a date rule, a time of day, an IANA zone, a business calendar (by name) and a
 * convention, active from startDate through endDate (both inclusive, as local dates of the
 * fire times after adjustment: nothing fires on a date outside them).
 *
 * `convention` stays as written (optional) so a stored spec round-trips unchanged; the
 * convention that applies is effectiveConvention(): modified following by default for
 * day-of-month and weekly rules; none for cron unless given; business-day rules only produce
 * business days, so any convention leaves them as they are.
 */
export const ScheduleSpec = z
  .object({
    rule: DateRule,
    /** "HH:MM", local to `zone`; required unless the rule is cron (which carries its own times). */
    time: z.string().refine(isTimeOfDay, { message: 'a time of day HH:MM, 00:00–23:59' }).optional(),
    zone: z.string().refine(isTimeZone, { message: 'an IANA time zone such as Europe/Berlin' }),
    calendar: z.string().min(1),
    convention: z.enum(CONVENTIONS as [Convention, ...Convention[]]).optional(),
    startDate: IsoDateText,
    endDate: IsoDateText.optional(),
  })
  .strict()
  .superRefine((spec, ctx) => {
    if (spec.rule.kind === 'cron' && spec.time !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['time'], message: 'a cron rule takes its times from its minute and hour fields; remove time' });
    }
    if (spec.rule.kind !== 'cron' && spec.time === undefined) {
      ctx.addIssue({ code: 'custom', path: ['time'], message: `the ${spec.rule.kind} rule needs a time of day (HH:MM)` });
    }
    if (spec.endDate !== undefined && spec.endDate < spec.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: `the end date ${spec.endDate} is before the start date ${spec.startDate}` });
    }
  });

export type ScheduleSpec = z.infer<typeof ScheduleSpec>;

/** A spec with its calendar looked up by the caller (the store holds calendars; this module does no I/O). */
export type ResolvedSpec = ScheduleSpec & { calendarValue: BusinessCalendar };

export function effectiveConvention(spec: ScheduleSpec): Convention {
  if (spec.convention !== undefined) return spec.convention;
  return spec.rule.kind === 'day-of-month' || spec.rule.kind === 'weekly' ? 'modified-following' : 'none';
}
