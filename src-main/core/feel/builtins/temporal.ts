import type { Temporal } from 'temporal-polyfill';
import { feelEquals } from '../compare';
import { Decimal } from '../decimal';
import { FeelDate, FeelDateTime, isTemporal } from '../temporal';
import { formatTemporal } from '../temporal-text';
import { nowIn } from '../temporal-time-line';
import { kindOf, type FeelValue } from '../values';
import { builtin, type Group } from './define';

/** Date and time functions (DMN 1.5 §10.3.4.6). now() and today() read the injected clock, never the system's. */

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function calendarDate(v: FeelValue | undefined): Temporal.PlainDate | null {
  if (v instanceof FeelDate) return v.date;
  if (v instanceof FeelDateTime) return v.local.toPlainDate();
  return null;
}

function ofDate(name: string, read: (d: Temporal.PlainDate) => FeelValue) {
  return builtin(name, [['date']], ([v]) => {
    const d = calendarDate(v);
    return d === null ? null : read(d);
  });
}

/**
 * is(a, b): the same value in the same semantic domain — unlike `=`, 10:00@Europe/Paris is
 * not 10:00+01:00, and a date is not the date and time at its midnight.
 */
function identical(a: FeelValue, b: FeelValue): boolean {
  if (kindOf(a) !== kindOf(b)) return false;
  if (isTemporal(a) && isTemporal(b)) return formatTemporal(a) === formatTemporal(b);
  return feelEquals(a, b) === true;
}

export const temporalFunctions: Group = [
  builtin('is', [['value1', 'value2']], ([a, b]) => identical(a ?? null, b ?? null)),
  ofDate('day of year', (d) => new Decimal(d.dayOfYear)),
  ofDate('day of week', (d) => WEEKDAYS[d.dayOfWeek - 1] ?? null),
  ofDate('month of year', (d) => MONTHS[d.month - 1] ?? null),
  ofDate('week of year', (d) => (d.weekOfYear === undefined ? null : new Decimal(d.weekOfYear))),
  builtin('now', [[]], (_args, ctx) => nowIn(ctx.now(), ctx.zone)),
  builtin('today', [[]], (_args, ctx) => new FeelDate(nowIn(ctx.now(), ctx.zone).local.toPlainDate())),
];
