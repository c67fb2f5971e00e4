import type { Temporal } from 'temporal-polyfill';
import type { Convention } from '@shared/domain/schedule';
import { scanToBusinessDay, type BusinessCalendar } from './business-calendar';
import { toIsoDate, toPlainDate, type IsoDate } from './iso-date';

/**
 * Business-day conventions (ISDA 2006 Definitions, section 4.12), for a date that falls on a
 * closed day:
 * - following: the next business day;
 * - modified-following: the next business day unless that is in the next month, then the
 *   previous one (month-end dates stay in their month: the usual convention for payments);
 * - preceding: the previous business day;
 * - modified-preceding: the previous business day unless that is in the previous month,
 *   then the next one;
 * - none: the date as it is.
 */
export { CONVENTIONS, type Convention } from '@shared/domain/schedule';

function sameMonth(a: Temporal.PlainDate, b: Temporal.PlainDate): boolean {
  return a.year === b.year && a.month === b.month;
}

export function adjustDate(calendar: BusinessCalendar, date: Temporal.PlainDate, convention: Convention): Temporal.PlainDate {
  switch (convention) {
    case 'none':
      return date;
    case 'following':
      return scanToBusinessDay(calendar, date, 1);
    case 'preceding':
      return scanToBusinessDay(calendar, date, -1);
    case 'modified-following': {
      const next = scanToBusinessDay(calendar, date, 1);
      // A month with no business day at all rolls back into the previous month, as QuantLib does.
      return sameMonth(next, date) ? next : scanToBusinessDay(calendar, date, -1);
    }
    case 'modified-preceding': {
      const previous = scanToBusinessDay(calendar, date, -1);
      return sameMonth(previous, date) ? previous : scanToBusinessDay(calendar, date, 1);
    }
  }
}

export function adjust(calendar: BusinessCalendar, date: IsoDate, convention: Convention): IsoDate {
  return toIsoDate(adjustDate(calendar, toPlainDate(date), convention));
}
