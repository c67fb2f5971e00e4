import { Temporal } from 'temporal-polyfill';
import { Decimal } from './decimal';
import { DaysTimeDuration, isTemporal, temporalZoneId, type FeelDateTime, type FeelTime, type TemporalValue } from './temporal';
import { isOffsetZone } from './temporal-text';
import { FeelRange, type FeelValue } from './values';

/**
 * Properties of temporal values, durations and ranges reached with a path, e.g.
 * `invoice.due.month` or `r.start included` (DMN 1.5 §10.3.2.14, Table 66).
 */

function seconds(t: { second: number; millisecond: number; microsecond: number; nanosecond: number }): Decimal {
  return new Decimal(t.second).plus(new Decimal(t.millisecond * 1_000_000 + t.microsecond * 1_000 + t.nanosecond).div(1e9));
}

function zoneProperties(value: FeelTime | FeelDateTime, name: string): FeelValue | undefined {
  if (name === 'timezone') return value.zone !== null && !isOffsetZone(value.zone) ? value.zone : null;
  if (name !== 'time offset') return undefined;
  if (value.zone === null) return null;
  const reference = value.kind === 'date and time' ? value.local : Temporal.PlainDate.from('1970-01-01').toPlainDateTime(value.time);
  const offsetNanos = reference.toZonedDateTime(temporalZoneId(value.zone)).offsetNanoseconds;
  return new DaysTimeDuration(new Decimal(offsetNanos).div(1e9));
}

function temporalProperty(value: TemporalValue, name: string): FeelValue | undefined {
  switch (value.kind) {
    case 'date':
    case 'date and time': {
      const d = value.kind === 'date' ? value.date : value.local;
      const dateProps: Record<string, number> = { year: d.year, month: d.month, day: d.day, weekday: d.dayOfWeek };
      if (name in dateProps) return new Decimal(dateProps[name] as number);
      if (value.kind === 'date') return undefined;
      if (name === 'hour' || name === 'minute') return new Decimal(value.local[name]);
      if (name === 'second') return seconds(value.local);
      return zoneProperties(value, name);
    }
    case 'time':
      if (name === 'hour' || name === 'minute') return new Decimal(value.time[name]);
      if (name === 'second') return seconds(value.time);
      return zoneProperties(value, name);
    case 'days and time duration': {
      const abs = value.seconds.abs();
      const sign = value.seconds.isNegative() ? -1 : 1;
      const parts: Record<string, Decimal> = {
        days: abs.divToInt(86_400),
        hours: abs.mod(86_400).divToInt(3_600),
        minutes: abs.mod(3_600).divToInt(60),
        seconds: abs.mod(60),
      };
      const part = parts[name];
      return part === undefined ? undefined : part.times(sign);
    }
    case 'years and months duration': {
      const sign = Math.sign(value.months) || 1;
      const abs = Math.abs(value.months);
      if (name === 'years') return new Decimal(sign * Math.floor(abs / 12));
      if (name === 'months') return new Decimal(sign * (abs % 12));
      return undefined;
    }
  }
}

function rangeProperty(range: FeelRange, name: string): FeelValue | undefined {
  switch (name) {
    case 'start':
      return range.start?.value ?? null;
    case 'end':
      return range.end?.value ?? null;
    case 'start included':
      return range.start?.included ?? false;
    case 'end included':
      return range.end?.included ?? false;
    default:
      return undefined;
  }
}

/** The property's value, or undefined when the value has no such property. */
export function propertyOf(value: FeelValue, name: string): FeelValue | undefined {
  if (value instanceof FeelRange) return rangeProperty(value, name);
  return isTemporal(value) ? temporalProperty(value, name) : undefined;
}
