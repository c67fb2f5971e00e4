import type { Temporal } from 'temporal-polyfill';
import { businessDatesInMonth, type BusinessCalendar } from '../calendar/business-calendar';
import { cronMatchesDate, type CronSchedule } from './cron';
import type { DateRule } from './date-rule';

/**
 * The dates a rule picks in one month, ascending, before any convention: the unit from which
 * fire-dates.ts builds the stream of fire dates. Month by month because two rule kinds are
 * defined per month (n-th business day, day of month) and the others are cheap to filter.
 */
export function ruleDatesInMonth(rule: DateRule, cron: CronSchedule | null, calendar: BusinessCalendar, month: Temporal.PlainYearMonth): Temporal.PlainDate[] {
  switch (rule.kind) {
    case 'every-business-day':
      return businessDatesInMonth(calendar, month);
    case 'business-day-of-month': {
      const days = businessDatesInMonth(calendar, month);
      const date = rule.n > 0 ? days[rule.n - 1] : days[days.length + rule.n];
      return date ? [date] : [];
    }
    case 'day-of-month':
      // Day 31 in April is 30 April: "the 31st" in a payment schedule means the month end.
      return [month.toPlainDate({ day: Math.min(rule.day, month.daysInMonth) })];
    case 'weekly':
      return daysOf(month).filter((date) => rule.weekdays.includes(date.dayOfWeek));
    case 'cron':
      if (!cron) throw new Error('a cron rule needs its parsed expression');
      if (!cron.months.has(month.month)) return [];
      return daysOf(month).filter((date) => cronMatchesDate(cron, date));
  }
}

function daysOf(month: Temporal.PlainYearMonth): Temporal.PlainDate[] {
  return Array.from({ length: month.daysInMonth }, (_, i) => month.toPlainDate({ day: i + 1 }));
}
