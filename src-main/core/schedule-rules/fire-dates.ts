import { Temporal } from 'temporal-polyfill';
import { scanToBusinessDay } from '../calendar/business-calendar';
import { adjustDate } from '../calendar/conventions';
import { toPlainDate } from '../calendar/iso-date';
import type { CronSchedule } from './cron';
import { ruleDatesInMonth } from './rule-dates';
import { effectiveConvention, type ResolvedSpec } from './schedule-spec';

/**
 * A rule that has not produced a date for this long is taken to produce no more (the rarest
 * real rule, cron's 29 February, is silent for at most 8 years, 2096 → 2104).
 */
export const MAX_QUIET_MONTHS = 12 * 12;

const before = (a: Temporal.PlainDate, b: Temporal.PlainDate): boolean => Temporal.PlainDate.compare(a, b) < 0;

/**
 * The local dates on which a schedule fires, from `from` on (and within startDate…endDate),
 * ascending and without repeats: the rule's dates moved by the convention.
 *
 * Every convention is monotone (a later rule date never adjusts to an earlier date), so the
 * adjusted dates come out sorted and two rule dates that land on one business day are
 * adjacent (Saturday and Sunday of a weekly rule both rolling to Monday fire once). Rule dates
 * before `from` can still adjust onto or after it: the scan starts just after the last
 * business day before `from`, since no rule date at or before that business day can move
 * past it under any convention.
 */
export function* fireDates(spec: ResolvedSpec, cron: CronSchedule | null, from: Temporal.PlainDate): Generator<Temporal.PlainDate> {
  const calendar = spec.calendarValue;
  const convention = effectiveConvention(spec);
  const startDate = toPlainDate(spec.startDate);
  const start = before(from, startDate) ? startDate : from;
  const first = convention === 'none' ? start : scanToBusinessDay(calendar, start.subtract({ days: 1 }), -1).add({ days: 1 });
  const end = spec.endDate === undefined ? null : toPlainDate(spec.endDate);
  // Likewise no rule date at or after the first business day past the end can adjust back to the end or before.
  const stop = end === null ? null : convention === 'none' ? end.add({ days: 1 }) : scanToBusinessDay(calendar, end.add({ days: 1 }), 1);

  let last: Temporal.PlainDate | null = null;
  let quiet = 0;
  for (let month = first.toPlainYearMonth(); quiet <= MAX_QUIET_MONTHS; month = month.add({ months: 1 })) {
    if (stop && !before(month.toPlainDate({ day: 1 }), stop)) return;
    let produced = false;
    for (const date of ruleDatesInMonth(spec.rule, cron, calendar, month)) {
      if (before(date, first)) continue;
      const adjusted = adjustDate(calendar, date, convention);
      if (before(adjusted, start)) continue;
      if (end && before(end, adjusted)) return;
      if (last?.equals(adjusted)) continue;
      last = adjusted;
      produced = true;
      yield adjusted;
    }
    quiet = produced ? 0 : quiet + 1;
  }
}
