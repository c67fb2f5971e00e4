import { Temporal } from 'temporal-polyfill';
import { toIsoDate, toPlainDate, type IsoDate } from './iso-date';

export interface HolidayEntry {
  date: IsoDate;
  name: string;
}

/**
 * A business calendar: the days on which a market, a payment system or an entity works.
 * A day is closed when its ISO weekday is in `weekend` or its date is in `holidays`.
 * Holidays that fall on a weekend stay in the map (their names are worth showing) but
 * change nothing; substitute days must be listed explicitly, as the published lists do.
 */
export interface BusinessCalendar {
  name: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday; sorted, no duplicates. */
  weekend: readonly number[];
  holidays: ReadonlyMap<IsoDate, string>;
}

export const DEFAULT_WEEKEND: readonly number[] = Object.freeze([6, 7]);

/**
 * Any search for a business day gives up after this many consecutive closed days: only a
 * misconfigured calendar (every weekday a weekend, or years of holidays) gets there, and an
 * error naming the calendar is better than a scheduler stuck in a loop.
 */
export const MAX_CLOSED_RUN_DAYS = 3_660;

function checkWeekend(name: string, weekend: readonly number[]): readonly number[] {
  for (const day of weekend) {
    if (!Number.isInteger(day) || day < 1 || day > 7) throw new RangeError(`calendar ${name}: weekend days are ISO weekdays 1–7, not ${day}`);
  }
  const unique = [...new Set(weekend)].sort((a, b) => a - b);
  if (unique.length === 7) throw new RangeError(`calendar ${name}: a weekend of all seven days leaves no business day`);
  return Object.freeze(unique);
}

/** Two lists may name the same day differently ("Christmas Day" / "Christmas"): keep both names, once each. */
function mergeName(existing: string | undefined, name: string): string {
  if (existing === undefined || existing === name) return name;
  return existing.split(' / ').includes(name) ? existing : `${existing} / ${name}`;
}

export function makeCalendar(name: string, holidays: readonly HolidayEntry[], weekend: readonly number[] = DEFAULT_WEEKEND): BusinessCalendar {
  const map = new Map<IsoDate, string>();
  for (const entry of holidays) {
    // Normalise through Temporal so that an invalid date fails here, at import, not at fire time.
    const date = toIsoDate(toPlainDate(entry.date));
    map.set(date, mergeName(map.get(date), entry.name));
  }
  return Object.freeze({ name, weekend: checkWeekend(name, weekend), holidays: map });
}

/** A day is a business day only if it is one in every calendar (e.g. TARGET2 and England for a EUR payment from London). */
export function combineCalendars(name: string, calendars: readonly BusinessCalendar[]): BusinessCalendar {
  if (calendars.length === 0) throw new RangeError(`calendar ${name}: combining needs at least one calendar`);
  const holidays: HolidayEntry[] = [];
  for (const calendar of calendars) for (const [date, holiday] of calendar.holidays) holidays.push({ date, name: holiday });
  return makeCalendar(
    name,
    holidays,
    calendars.flatMap((c) => c.weekend),
  );
}

export function isBusinessDate(calendar: BusinessCalendar, date: Temporal.PlainDate): boolean {
  return !calendar.weekend.includes(date.dayOfWeek) && !calendar.holidays.has(toIsoDate(date));
}

export function isBusinessDay(calendar: BusinessCalendar, date: IsoDate): boolean {
  return isBusinessDate(calendar, toPlainDate(date));
}

/** The first business day at or after (step 1) or at or before (step -1) a date. */
export function scanToBusinessDay(calendar: BusinessCalendar, date: Temporal.PlainDate, step: 1 | -1): Temporal.PlainDate {
  let day = date;
  for (let i = 0; i <= MAX_CLOSED_RUN_DAYS; i++) {
    if (isBusinessDate(calendar, day)) return day;
    day = day.add({ days: step });
  }
  throw new RangeError(`calendar ${calendar.name} has no business day within ${MAX_CLOSED_RUN_DAYS} days ${step > 0 ? 'after' : 'before'} ${toIsoDate(date)}`);
}

export function businessDatesInMonth(calendar: BusinessCalendar, month: Temporal.PlainYearMonth): Temporal.PlainDate[] {
  const days: Temporal.PlainDate[] = [];
  for (let day = 1; day <= month.daysInMonth; day++) {
    const date = month.toPlainDate({ day });
    if (isBusinessDate(calendar, date)) days.push(date);
  }
  return days;
}

export function businessDaysInMonth(calendar: BusinessCalendar, year: number, month: number): IsoDate[] {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month must be 1–12, not ${month}`);
  return businessDatesInMonth(calendar, Temporal.PlainYearMonth.from({ year, month })).map(toIsoDate);
}

/** A calendar as a site keeps it: with the IANA zone its business days are counted in. */
export interface SiteCalendar {
  readonly calendar: BusinessCalendar;
  readonly zone: string;
}

/** The site's calendars by name (the store holds them; this module does no I/O). */
export type CalendarLookup = (name: string) => SiteCalendar | null;
