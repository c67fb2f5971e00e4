import { Temporal } from 'temporal-polyfill';
import type { Decimal } from './decimal';

/**
 * FEEL's temporal values (DMN 1.5 §10.3.2.3.4–7) over the Temporal API, which does the
 * calendar work (month lengths, leap years, time zones) that Date gets wrong. A zone is kept
 * as written: "Z", a fixed offset "+01:00", or an IANA name ("Europe/Paris"), because FEEL
 * distinguishes them (`is()`, `string()`, the `timezone` property).
 */
export type Zone = string;

export class FeelDate {
  readonly kind = 'date';
  constructor(readonly date: Temporal.PlainDate) {}
}

export class FeelTime {
  readonly kind = 'time';
  constructor(
    readonly time: Temporal.PlainTime,
    readonly zone: Zone | null,
  ) {}
}

export class FeelDateTime {
  readonly kind = 'date and time';
  constructor(
    readonly local: Temporal.PlainDateTime,
    readonly zone: Zone | null,
  ) {}

  /** The instant, for a value with a zone; null for a local date and time. */
  zoned(): Temporal.ZonedDateTime | null {
    return this.zone === null ? null : this.local.toZonedDateTime(temporalZoneId(this.zone));
  }
}

/** A days and time duration is an exact length of time: seconds, with up to nanosecond fractions. */
export class DaysTimeDuration {
  readonly kind = 'days and time duration';
  constructor(readonly seconds: Decimal) {}
}

/** A years and months duration is a whole number of calendar months. */
export class YearsMonthsDuration {
  readonly kind = 'years and months duration';
  constructor(readonly months: number) {}
}

export type TemporalValue = FeelDate | FeelTime | FeelDateTime | DaysTimeDuration | YearsMonthsDuration;

export function isTemporal(value: unknown): value is TemporalValue {
  return value instanceof FeelDate || value instanceof FeelTime || value instanceof FeelDateTime || isDuration(value);
}

export function isDuration(value: unknown): value is DaysTimeDuration | YearsMonthsDuration {
  return value instanceof DaysTimeDuration || value instanceof YearsMonthsDuration;
}

/** The zone as Temporal names it: "Z" is UTC, offsets and IANA names as they are. */
export function temporalZoneId(zone: Zone): string {
  return zone === 'Z' ? 'UTC' : zone;
}
