import { Temporal } from 'temporal-polyfill';
import { FeelDate, YearsMonthsDuration, type DaysTimeDuration, type FeelDateTime, type FeelTime } from './temporal';
import { dateTimeKey, timeKey } from './temporal-time-line';
import { kindOf, type Endpoint, type FeelContext, type FeelList, type FeelRange, type FeelValue } from './values';
import type { Decimal } from './decimal';

type Order = -1 | 0 | 1;

function sign(n: number | bigint): Order {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

function zonedKeys(a: { zoned: boolean; nanos: bigint }, b: { zoned: boolean; nanos: bigint }): Order | null {
  return a.zoned === b.zoned ? sign(a.nanos - b.nanos) : null;
}

/**
 * Ordering of two values of the same ordered kind (DMN 1.5 §10.3.2.15, Table 54): numbers
 * exactly, strings by code unit, temporals by their point in time, durations by length.
 * Anything else — different kinds, a time with a zone against one without, null — is not
 * comparable: null.
 */
export function compareValues(a: FeelValue, b: FeelValue): Order | null {
  const kind = kindOf(a);
  if (kind !== kindOf(b)) return null;
  switch (kind) {
    case 'number':
      return (a as Decimal).comparedTo(b as Decimal) as Order;
    case 'string':
      return a === b ? 0 : (a as string) < (b as string) ? -1 : 1;
    case 'date':
      return Temporal.PlainDate.compare((a as { date: Temporal.PlainDate }).date, (b as { date: Temporal.PlainDate }).date) as Order;
    case 'time':
      return zonedKeys(timeKey(a as FeelTime), timeKey(b as FeelTime));
    case 'date and time':
      return zonedKeys(dateTimeKey(a as FeelDateTime), dateTimeKey(b as FeelDateTime));
    case 'days and time duration':
      return (a as DaysTimeDuration).seconds.comparedTo((b as DaysTimeDuration).seconds) as Order;
    case 'years and months duration':
      return sign((a as YearsMonthsDuration).months - (b as YearsMonthsDuration).months);
    default:
      return null;
  }
}

function allEqual(pairs: Iterable<[FeelValue, FeelValue]>): boolean | null {
  let unknown = false;
  for (const [x, y] of pairs) {
    const eq = feelEquals(x, y);
    if (eq === false) return false;
    if (eq === null) unknown = true;
  }
  return unknown ? null : true;
}

function endpointsEqual(a: Endpoint | null, b: Endpoint | null): boolean | null {
  if (a === null || b === null) return a === b;
  if (a.included !== b.included) return false;
  return feelEquals(a.value, b.value);
}

/**
 * FEEL `=` (DMN 1.5 §10.3.2.2 and Table 53): null equals only null; values of different
 * kinds are not comparable (null), except that a zero years-and-months duration equals a
 * zero days-and-time one; lists and contexts compare member by member; a local time never
 * equals a zoned one.
 */
export function feelEquals(a: FeelValue, b: FeelValue): boolean | null {
  if (a === null || b === null) return a === b;
  const kind = kindOf(a);
  const other = kindOf(b);
  if (kind !== other) {
    const durations = ['days and time duration', 'years and months duration'];
    if (durations.includes(kind) && durations.includes(other)) return isZeroDuration(a) && isZeroDuration(b);
    return null;
  }
  switch (kind) {
    case 'boolean':
      return a === b;
    case 'list': {
      const x = a as FeelList;
      const y = b as FeelList;
      if (x.length !== y.length) return false;
      return allEqual(x.map((item, i) => [item, y[i] as FeelValue]));
    }
    case 'context': {
      const x = (a as FeelContext).entries;
      const y = (b as FeelContext).entries;
      if (x.size !== y.size) return false;
      for (const key of x.keys()) if (!y.has(key)) return false;
      return allEqual([...x].map(([key, value]) => [value, y.get(key) as FeelValue]));
    }
    case 'range': {
      const x = a as FeelRange;
      const y = b as FeelRange;
      const start = endpointsEqual(x.start, y.start);
      const end = endpointsEqual(x.end, y.end);
      return start === false || end === false ? false : start === null || end === null ? null : true;
    }
    case 'function':
      return a === b;
    case 'time':
    case 'date and time': {
      const order = compareValues(a, b);
      return order === null ? false : order === 0;
    }
    default: {
      const order = compareValues(a, b);
      return order === null ? null : order === 0;
    }
  }
}

function isZeroDuration(value: FeelValue): boolean {
  const kind = kindOf(value);
  if (kind === 'days and time duration') return (value as DaysTimeDuration).seconds.isZero();
  return kind === 'years and months duration' && (value as YearsMonthsDuration).months === 0;
}

/**
 * The adjacent value of a discrete ordered kind — dates by a day, years-and-months
 * durations by a month — or undefined for dense kinds (numbers, strings, times).
 * Static analysis uses it to see that (date("2026-01-01")..date("2026-01-02")) is empty.
 */
export function neighbour(value: FeelValue, direction: 1 | -1): FeelValue | undefined {
  if (value instanceof FeelDate) return new FeelDate(value.date.add({ days: direction }));
  if (value instanceof YearsMonthsDuration) return new YearsMonthsDuration(value.months + direction);
  return undefined;
}
