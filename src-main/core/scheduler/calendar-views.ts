import { Temporal } from 'temporal-polyfill';
import type { CalendarDay, Cutoff, FireTime } from '@shared/contract/schedules';
import { toTimestamp } from '@shared/domain/time';
import type { BusinessCalendar } from '../calendar';
import { adjust, isBusinessDay } from '../calendar';
import { atLocalTime, parseTimeOfDay, zonedAt } from '../calendar/local-time';
import { effectiveConvention, type ResolvedSpec } from '../schedule-rules';

/** Why a day is closed: its holiday's name, or "weekend". */
function closedBecause(calendar: BusinessCalendar, date: string): string {
  return calendar.holidays.get(date) ?? 'weekend';
}

/**
 * The rule date a convention moved onto `date`, for the Schedules view ("31 May, a Saturday,
 * moved to 30 May"). Only day-of-month and weekly rules name dates that can be closed;
 * business-day rules and cron never move.
 */
function movedFrom(spec: ResolvedSpec, date: Temporal.PlainDate): FireTime['movedFrom'] {
  const calendar = spec.calendarValue;
  const convention = effectiveConvention(spec);
  if (convention === 'none') return null;
  const candidates: Temporal.PlainDate[] = [];
  if (spec.rule.kind === 'day-of-month') {
    const day = spec.rule.day;
    for (const months of [-1, 0, 1]) {
      const month = date.toPlainYearMonth().add({ months });
      candidates.push(month.toPlainDate({ day: Math.min(day, month.daysInMonth) }));
    }
  } else if (spec.rule.kind === 'weekly') {
    const weekdays = spec.rule.weekdays;
    for (let offset = 1; offset <= 10; offset++) {
      for (const candidate of [date.subtract({ days: offset }), date.add({ days: offset })]) {
        if (weekdays.includes(candidate.dayOfWeek)) candidates.push(candidate);
      }
    }
    if (weekdays.includes(date.dayOfWeek) && isBusinessDay(calendar, date.toString())) return null;
  } else return null;
  for (const candidate of candidates) {
    const iso = candidate.toString();
    if (iso === date.toString() || isBusinessDay(calendar, iso)) continue;
    if (adjust(calendar, iso, convention) === date.toString()) return { date: iso, closed: closedBecause(calendar, iso) };
  }
  return null;
}

export function fireTimeView(spec: ResolvedSpec, at: number): FireTime {
  const local = zonedAt(at, spec.zone);
  const date = local.toPlainDate();
  return {
    at: toTimestamp(at),
    localDate: date.toString(),
    localTime: local.toPlainTime().toString({ smallestUnit: 'minute' }),
    movedFrom: movedFrom(spec, date),
  };
}

/** The local date of an instant in a zone, e.g. the business date of a fire time. */
export function localDateOf(at: number, zone: string): string {
  return zonedAt(at, zone).toPlainDate().toString();
}

/** The instant of a run's cut-off: `cutoff.time` on the fire's local date plus `dayOffset` days. */
export function cutoffInstant(cutoff: Cutoff, scheduledFor: number, zone: string): number {
  const date = zonedAt(scheduledFor, zone).toPlainDate().add({ days: cutoff.dayOffset });
  return atLocalTime(date, parseTimeOfDay(cutoff.time), zone);
}

export function monthDays(calendar: BusinessCalendar, year: number, month: number): CalendarDay[] {
  const ym = Temporal.PlainYearMonth.from({ year, month });
  const days: CalendarDay[] = [];
  for (let day = 1; day <= ym.daysInMonth; day++) {
    const date = ym.toPlainDate({ day });
    const iso = date.toString();
    const weekend = calendar.weekend.includes(date.dayOfWeek);
    const holiday = calendar.holidays.get(iso) ?? null;
    days.push({ date: iso, weekday: date.dayOfWeek, business: !weekend && holiday === null, weekend, holiday });
  }
  return days;
}
