import { Temporal } from 'temporal-polyfill';
import { Decimal, parseDecimal } from '../decimal';
import { feelString } from '../literal';
import { DaysTimeDuration, FeelDate, FeelDateTime, FeelTime } from '../temporal';
import { parseDate, parseDateTime, parseDuration, parseTime } from '../temporal-text';
import { monthsBetween, offsetZone } from '../temporal-arithmetic';
import type { FeelValue } from '../values';
import { builtin, int, num, str, type Group } from './define';

/** Conversion functions (DMN 1.5 §10.3.4.1). */

const GROUPING = new Set([' ', ',', '.']);
const DECIMAL_SEPARATORS = new Set(['.', ',']);
const NUMBER_TEXT = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** number("1.000,50", ".", ","): separators as given, then strictly a FEEL number; more than 34 digits is null, never rounded. */
function toNumber(from: FeelValue, grouping: FeelValue, decimalSep: FeelValue): FeelValue {
  if (typeof from !== 'string') return null;
  if (grouping !== null && (typeof grouping !== 'string' || !GROUPING.has(grouping))) return null;
  if (decimalSep !== null && (typeof decimalSep !== 'string' || !DECIMAL_SEPARATORS.has(decimalSep))) return null;
  if (grouping !== null && grouping === decimalSep) return null;
  let text = from;
  if (grouping !== null) text = text.split(grouping).join('');
  if (decimalSep !== null && decimalSep !== '.') text = text.replace(decimalSep, '.');
  if (!NUMBER_TEXT.test(text)) return null;
  const parsed = parseDecimal(text);
  return parsed.ok ? parsed.value : null;
}

function dateOf(from: FeelValue): FeelDate | null {
  if (typeof from === 'string') return parseDate(from);
  if (from instanceof FeelDate) return from;
  if (from instanceof FeelDateTime) return new FeelDate(from.local.toPlainDate());
  return null;
}

function dateFromParts(year: number | null, month: number | null, day: number | null): FeelDate | null {
  if (year === null || month === null || day === null) return null;
  try {
    return new FeelDate(Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' }));
  } catch {
    return null;
  }
}

function timeOf(from: FeelValue): FeelTime | null {
  if (typeof from === 'string') return parseTime(from);
  if (from instanceof FeelTime) return from;
  if (from instanceof FeelDateTime) return new FeelTime(from.local.toPlainTime(), from.zone);
  if (from instanceof FeelDate) return new FeelTime(new Temporal.PlainTime(), 'Z');
  return null;
}

function timeFromParts(hour: number | null, minute: number | null, second: Decimal | null, offset: FeelValue): FeelTime | null {
  if (hour === null || minute === null || second === null || second.isNegative()) return null;
  let zone: string | null = null;
  if (offset !== null) {
    if (!(offset instanceof DaysTimeDuration)) return null;
    zone = offsetZone(offset);
    if (zone === null) return null;
  }
  const whole = second.floor();
  const nanos = second.minus(whole).times(1e9).floor().toNumber();
  try {
    const time = Temporal.PlainTime.from(
      { hour, minute, second: whole.toNumber(), millisecond: Math.floor(nanos / 1e6), microsecond: Math.floor(nanos / 1e3) % 1e3, nanosecond: nanos % 1e3 },
      { overflow: 'reject' },
    );
    return new FeelTime(time, zone);
  } catch {
    return null;
  }
}

function dateTimeOf(from: FeelValue): FeelDateTime | null {
  if (typeof from === 'string') return parseDateTime(from);
  if (from instanceof FeelDateTime) return from;
  if (from instanceof FeelDate) return new FeelDateTime(from.date.toPlainDateTime(), null);
  return null;
}

function dateTimeFromParts(date: FeelValue, time: FeelValue): FeelDateTime | null {
  const d = date instanceof FeelDate || date instanceof FeelDateTime ? dateOf(date) : null;
  if (!d || !(time instanceof FeelTime)) return null;
  return new FeelDateTime(d.date.toPlainDateTime(time.time), time.zone);
}

function isPoint(v: FeelValue): v is FeelDate | FeelDateTime {
  return v instanceof FeelDate || v instanceof FeelDateTime;
}

export const conversionFunctions: Group = [
  builtin('string', [['from']], ([from]) => feelString(from ?? null)),
  builtin('number', [['from'], ['from', 'grouping separator', 'decimal separator']], ([from, grouping, decimalSep]) =>
    toNumber(from ?? null, grouping ?? null, decimalSep ?? null),
  ),
  builtin('date', [['from'], ['year', 'month', 'day']], (args, _ctx, form) =>
    form === 0 ? dateOf(args[0] ?? null) : dateFromParts(int(args[0]), int(args[1]), int(args[2])),
  ),
  builtin('time', [['from'], ['hour', 'minute', 'second'], ['hour', 'minute', 'second', 'offset']], (args, _ctx, form) =>
    form === 0 ? timeOf(args[0] ?? null) : timeFromParts(int(args[0]), int(args[1]), num(args[2]), args[3] ?? null),
  ),
  builtin('date and time', [['from'], ['date', 'time']], (args, _ctx, form) =>
    form === 0 ? dateTimeOf(args[0] ?? null) : dateTimeFromParts(args[0] ?? null, args[1] ?? null),
  ),
  builtin('duration', [['from']], ([from]) => {
    const text = str(from);
    return text === null ? null : parseDuration(text);
  }),
  builtin('years and months duration', [['from', 'to']], ([from, to]) =>
    isPoint(from ?? null) && isPoint(to ?? null) ? monthsBetween(from as FeelDate, to as FeelDate) : null,
  ),
];
