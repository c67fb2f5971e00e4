import type { Temporal } from 'temporal-polyfill';
import { isBusinessDate, MAX_CLOSED_RUN_DAYS, scanToBusinessDay, type BusinessCalendar } from './business-calendar';
import { toIsoDate, toPlainDate, type IsoDate } from './iso-date';

/**
 * T+n, as settlement (ISDA, QuantLib's Calendar::advance, Excel's WORKDAY) counts it: the
 * n-th business day strictly after the date (n < 0: strictly before). The start date itself
 * is never counted, whether or not it is a business day, so T+1 of Saturday is Monday and
 * T+2 of Thursday before Good Friday is the Tuesday after Easter Monday (TARGET2).
 * T+0 is the date itself when it is a business day, else the next business day (following):
 * "today's value date" of a holiday is the next day the system is open.
 */
export function addBusinessDates(calendar: BusinessCalendar, date: Temporal.PlainDate, days: number): Temporal.PlainDate {
  if (!Number.isInteger(days)) throw new RangeError(`business days must be a whole number, not ${days}`);
  if (days === 0) return scanToBusinessDay(calendar, date, 1);
  const step = days > 0 ? 1 : -1;
  let day = date;
  let closedRun = 0;
  for (let remaining = Math.abs(days); remaining > 0;) {
    day = day.add({ days: step });
    if (isBusinessDate(calendar, day)) {
      remaining--;
      closedRun = 0;
    } else if (++closedRun > MAX_CLOSED_RUN_DAYS) {
      throw new RangeError(`calendar ${calendar.name} has no business day within ${MAX_CLOSED_RUN_DAYS} days of ${toIsoDate(day)}`);
    }
  }
  return day;
}

export function addBusinessDays(calendar: BusinessCalendar, date: IsoDate, days: number): IsoDate {
  return toIsoDate(addBusinessDates(calendar, toPlainDate(date), days));
}
