import { Temporal } from 'temporal-polyfill';
import { DaysTimeDuration, FeelDate, FeelDateTime, FeelTime, YearsMonthsDuration, type TemporalValue } from './temporal';
import { dateTimeKey, durationNanos, nanosToDuration, timeKey } from './temporal-time-line';

/**
 * Addition and subtraction with dates, times and durations (DMN 1.5 §10.3.2.15, Table 57).
 * Days-and-time durations are exact lengths (P1D is 86 400 s, also across a DST change);
 * years-and-months durations move the calendar, clamping to the month's last day
 * (2026-01-31 + P1M = 2026-02-28). Combinations the table does not define yield null.
 */

function exact(nanos: bigint): { seconds: number; nanoseconds: number } {
  const seconds = nanos / 1_000_000_000n;
  return { seconds: Number(seconds), nanoseconds: Number(nanos - seconds * 1_000_000_000n) };
}

function shiftDateTime(
  dt: FeelDateTime,
  shift: (t: Temporal.ZonedDateTime | Temporal.PlainDateTime) => Temporal.ZonedDateTime | Temporal.PlainDateTime,
): FeelDateTime {
  const zoned = dt.zoned();
  const moved = shift(zoned ?? dt.local);
  return new FeelDateTime(moved instanceof Temporal.ZonedDateTime ? moved.toPlainDateTime() : moved, dt.zone);
}

/** A date plus a days-and-time duration: from UTC midnight, then back to the date that instant falls on. */
function dateShift(d: FeelDate, nanos: bigint): FeelDate {
  const dayNanos = 86_400n * 1_000_000_000n;
  let days = nanos / dayNanos;
  if (nanos < 0n && days * dayNanos !== nanos) days -= 1n;
  return new FeelDate(d.date.add({ days: Number(days) }));
}

/** `temporal + duration` (or with `direction` -1, minus); null where FEEL defines no result. */
export function shift(value: TemporalValue, duration: DaysTimeDuration | YearsMonthsDuration, direction: 1 | -1): TemporalValue | null {
  if (duration.kind === 'years and months duration') {
    const months = direction * duration.months;
    switch (value.kind) {
      case 'date':
        return new FeelDate(value.date.add({ months }));
      case 'date and time':
        return shiftDateTime(value, (t) => t.add({ months }));
      case 'years and months duration':
        return new YearsMonthsDuration(value.months + months);
      default:
        return null;
    }
  }
  const nanos = BigInt(direction) * durationNanos(duration);
  switch (value.kind) {
    case 'date':
      return dateShift(value, nanos);
    case 'date and time':
      return shiftDateTime(value, (t) => t.add(exact(nanos)));
    case 'time':
      return new FeelTime(value.time.add(exact(nanos)), value.zone);
    case 'days and time duration':
      return new DaysTimeDuration(direction === 1 ? value.seconds.plus(duration.seconds) : value.seconds.minus(duration.seconds));
    default:
      return null;
  }
}

/** A date taken as a date and time at midnight, local or UTC to match the other operand. */
function asDateTime(d: FeelDate, zoned: boolean): FeelDateTime {
  return new FeelDateTime(d.date.toPlainDateTime(), zoned ? 'Z' : null);
}

/** `a - b` of two points in time: the days-and-time duration between them, or null if one has a zone and the other has not. */
export function difference(a: TemporalValue, b: TemporalValue): DaysTimeDuration | null {
  if (a.kind === 'date' && b.kind === 'date') return nanosToDuration(BigInt(b.date.until(a.date, { largestUnit: 'days' }).days) * 86_400n * 1_000_000_000n);
  if (a.kind === 'time' && b.kind === 'time') {
    const x = timeKey(a);
    const y = timeKey(b);
    return x.zoned === y.zoned ? nanosToDuration(x.nanos - y.nanos) : null;
  }
  const left = a.kind === 'date' && b.kind === 'date and time' ? asDateTime(a, b.zone !== null) : a;
  const right = b.kind === 'date' && a.kind === 'date and time' ? asDateTime(b, a.zone !== null) : b;
  if (left.kind === 'date and time' && right.kind === 'date and time') {
    const x = dateTimeKey(left);
    const y = dateTimeKey(right);
    return x.zoned === y.zoned ? nanosToDuration(x.nanos - y.nanos) : null;
  }
  return null;
}

/** years and months duration(from, to): whole months between two dates or dates and times, truncated toward zero. */
export function monthsBetween(from: FeelDate | FeelDateTime, to: FeelDate | FeelDateTime): YearsMonthsDuration {
  const start = from.kind === 'date' ? from.date.toPlainDateTime() : from.local;
  const end = to.kind === 'date' ? to.date.toPlainDateTime() : to.local;
  const span = start.until(end, { largestUnit: 'months' });
  return new YearsMonthsDuration(span.years * 12 + span.months);
}

/** A zone for `date and time(date, time)` and `time(…, offset)`: a duration offset written as "+hh:mm". */
export function offsetZone(offset: DaysTimeDuration): string | null {
  const minutes = offset.seconds.div(60);
  if (!minutes.isInteger() || minutes.abs().gt(18 * 60)) return null;
  const m = minutes.abs().toNumber();
  return `${minutes.isNegative() ? '-' : '+'}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
