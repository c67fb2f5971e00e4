import { z } from 'zod';

/**
 * The shape of a schedule's date rule and timing, shared by the contract, the renderer's
 * forms and the core. This layer checks what can be checked without a calendar engine
 * (kinds, ranges, spellings); the core's ScheduleSpec (core/schedule-rules) adds what needs
 * Temporal and the cron parser: that dates exist, that the zone is an IANA zone, that the
 * cron expression parses. See docs/calendars-and-schedules.md.
 */

/** How a date that falls on a closed day moves (ISDA 2006 Definitions, 4.12). */
export const CONVENTIONS = ['following', 'modified-following', 'preceding', 'modified-preceding', 'none'] as const;
export const Convention = z.enum(CONVENTIONS);
export type Convention = z.infer<typeof Convention>;

export const CronRule = z.object({ kind: z.literal('cron'), expression: z.string().min(1, { message: 'a 5-field cron expression' }) }).strict();

export const EveryBusinessDayRule = z.object({ kind: z.literal('every-business-day') }).strict();

export const BusinessDayOfMonthRule = z
  .object({
    kind: z.literal('business-day-of-month'),
    // Months hold at most 31 business days (a calendar with no weekend); 0 means nothing.
    n: z
      .number()
      .int()
      .min(-31)
      .max(31)
      .refine((n) => n !== 0, { message: 'n counts from 1 (first) or from -1 (last); 0 is neither' }),
  })
  .strict();

export const DayOfMonthRule = z.object({ kind: z.literal('day-of-month'), day: z.number().int().min(1).max(31) }).strict();

export const WeeklyRule = z
  .object({
    kind: z.literal('weekly'),
    weekdays: z
      .array(z.number().int().min(1).max(7))
      .min(1)
      .refine((days) => new Set(days).size === days.length, { message: 'each weekday once' }),
  })
  .strict();

/**
 * Which dates a schedule fires on (the time of day and the zone are in the spec):
 * - cron: a 5-field cron expression; its minute and hour fields give the times;
 * - every-business-day: every business day of the calendar;
 * - business-day-of-month: the n-th business day of each month (1 = first, 3 = third,
 *   -1 = last, -2 = second to last); a month with fewer business days has no fire;
 * - day-of-month: a calendar day (1–31; a day past the end of a shorter month is that
 *   month's last day), then moved off closed days by the convention;
 * - weekly: ISO weekdays (1 = Monday … 7 = Sunday), then the convention.
 */
export const DateRule = z.discriminatedUnion('kind', [CronRule, EveryBusinessDayRule, BusinessDayOfMonthRule, DayOfMonthRule, WeeklyRule]);
export type DateRule = z.infer<typeof DateRule>;

export const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;
export const TimeOfDay = z.string().regex(TIME_OF_DAY, { message: 'a time of day HH:MM, 00:00–23:59' });
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const IsoDateText = z.string().regex(ISO_DATE, { message: 'a date that exists, written YYYY-MM-DD' });

/**
 * A schedule's timing: a date rule, a time of day, an IANA zone, a business calendar (by
 * name) and a convention, active from startDate through endDate (both inclusive, as local
 * dates of the fire times after adjustment). `convention` stays as written (absent stays
 * absent) so a stored spec round-trips unchanged.
 */
export const ScheduleSpecShape = z
  .object({
    rule: DateRule,
    /** "HH:MM", local to `zone`; required unless the rule is cron (which carries its own times). */
    time: TimeOfDay.optional(),
    zone: z.string().min(1, { message: 'an IANA time zone such as Europe/Berlin' }),
    calendar: z.string().min(1, { message: 'the name of a business calendar of this site' }),
    convention: Convention.optional(),
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
export type ScheduleSpecShape = z.infer<typeof ScheduleSpecShape>;
