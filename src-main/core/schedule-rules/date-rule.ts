import { z } from 'zod';
import { validateCron } from './cron';

/**
 * Which dates a schedule fires on (the time of day and the zone are in the ScheduleSpec):
 * - cron: a 5-field cron expression (cron.ts); its minute and hour fields give the times;
 * - every-business-day: every business day of the calendar;
 * - business-day-of-month: the n-th business day of each month (1 = first, 3 = third,
 *   -1 = last, -2 = second to last); a month with fewer business days has no fire;
 * - day-of-month: a calendar day (1–31; a day past the end of a shorter month is that
 *   month's last day), then moved off closed days by the convention;
 * - weekly: ISO weekdays (1 = Monday … 7 = Sunday), then the convention.
 */
export const CronRule = z
  .object({
    kind: z.literal('cron'),
    expression: z.string().superRefine((expression, ctx) => {
      const result = validateCron(expression);
      if (!result.ok) ctx.addIssue({ code: 'custom', message: `cron, column ${result.column}: ${result.message}`, params: { column: result.column } });
    }),
  })
  .strict();

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

export const DateRule = z.discriminatedUnion('kind', [CronRule, EveryBusinessDayRule, BusinessDayOfMonthRule, DayOfMonthRule, WeeklyRule]);
export type DateRule = z.infer<typeof DateRule>;
