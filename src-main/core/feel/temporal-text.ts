import { Temporal } from 'temporal-polyfill';
import { Decimal } from './decimal';
import { DaysTimeDuration, FeelDate, FeelDateTime, FeelTime, YearsMonthsDuration, type TemporalValue, type Zone } from './temporal';

/**
 * ISO 8601 text of FEEL's temporal values, both ways: what date(), time(), date and time(),
 * duration() and `@"…"` accept, and what string() and the JSON boundary write. Parsing is
 * strict (2026-02-30 is no date) and a zone is either Z, an offset or an IANA name after "@".
 */

const OFFSET = /^[+-]\d{2}:\d{2}$/;

/** Canonical IANA spelling, or null for a name the time-zone database does not know. */
function ianaZone(name: string): string | null {
  try {
    return Temporal.PlainDateTime.from('1970-01-01T00:00').toZonedDateTime(name).timeZoneId;
  } catch {
    return null;
  }
}

function parseZone(text: string | undefined): Zone | null | undefined {
  if (text === undefined || text === '') return null;
  if (text === 'Z') return 'Z';
  if (OFFSET.test(text)) {
    const hours = Number(text.slice(1, 3));
    const minutes = Number(text.slice(4, 6));
    return hours <= 18 && minutes < 60 ? text : undefined;
  }
  if (text.startsWith('@')) return ianaZone(text.slice(1)) ?? undefined;
  return undefined;
}

const DATE = /^(-?\d{4,9})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2}|@[A-Za-z0-9_+\-/]+)?$/;

function plainDate(text: string): Temporal.PlainDate | null {
  const m = DATE.exec(text);
  if (!m) return null;
  try {
    return Temporal.PlainDate.from({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, { overflow: 'reject' });
  } catch {
    return null;
  }
}

function plainTime(text: string): { time: Temporal.PlainTime; zone: Zone | null } | null {
  const m = TIME.exec(text);
  if (!m) return null;
  const zone = parseZone(m[5]);
  if (zone === undefined) return null;
  const fraction = (m[4] ?? '').padEnd(9, '0');
  try {
    const time = Temporal.PlainTime.from(
      {
        hour: Number(m[1]),
        minute: Number(m[2]),
        second: Number(m[3]),
        millisecond: Number(fraction.slice(0, 3)),
        microsecond: Number(fraction.slice(3, 6)),
        nanosecond: Number(fraction.slice(6, 9)),
      },
      { overflow: 'reject' },
    );
    return { time, zone };
  } catch {
    return null;
  }
}

export function parseDate(text: string): FeelDate | null {
  const date = plainDate(text);
  return date ? new FeelDate(date) : null;
}

export function parseTime(text: string): FeelTime | null {
  const parsed = plainTime(text);
  return parsed ? new FeelTime(parsed.time, parsed.zone) : null;
}

/** "2026-11-30T10:15:00", with optional fraction and zone; a bare date means its midnight. */
export function parseDateTime(text: string): FeelDateTime | null {
  const t = text.indexOf('T');
  if (t < 0) {
    const date = plainDate(text);
    return date ? new FeelDateTime(date.toPlainDateTime(), null) : null;
  }
  const date = plainDate(text.slice(0, t));
  const time = plainTime(text.slice(t + 1));
  return date && time ? new FeelDateTime(date.toPlainDateTime(time.time), time.zone) : null;
}

const DURATION = /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** An ISO 8601 duration: years and months ("P1Y2M") or days and time ("P2DT3H"); a mix of both is no FEEL duration. */
export function parseDuration(text: string): DaysTimeDuration | YearsMonthsDuration | null {
  const m = DURATION.exec(text);
  if (!m || text.endsWith('T') || /^-?P$/.test(text)) return null;
  const [, minus, y, mo, d, h, mi, s] = m;
  const sign = minus ? -1 : 1;
  const yearMonth = y !== undefined || mo !== undefined;
  const dayTime = d !== undefined || h !== undefined || mi !== undefined || s !== undefined;
  if (yearMonth && dayTime) return null;
  if (yearMonth) {
    const months = Number(y ?? 0) * 12 + Number(mo ?? 0);
    return Number.isSafeInteger(months) ? new YearsMonthsDuration(sign * months || 0) : null;
  }
  const seconds = new Decimal(d ?? 0)
    .times(86_400)
    .plus(new Decimal(h ?? 0).times(3_600))
    .plus(new Decimal(mi ?? 0).times(60))
    .plus(new Decimal(s ?? 0));
  return new DaysTimeDuration(minus ? seconds.negated() : seconds);
}

/** Any temporal literal: what `@"…"` accepts. */
export function parseTemporal(text: string): TemporalValue | null {
  if (text.startsWith('P') || text.startsWith('-P')) return parseDuration(text);
  if (DATE.test(text)) return parseDate(text);
  if (text.includes('T')) return parseDateTime(text);
  return parseTime(text);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatPlainDate(d: Temporal.PlainDate): string {
  const year = d.year < 0 ? `-${pad(-d.year, 4)}` : pad(d.year, 4);
  return `${year}-${pad(d.month)}-${pad(d.day)}`;
}

function formatPlainTime(t: { hour: number; minute: number; second: number; millisecond: number; microsecond: number; nanosecond: number }): string {
  const fraction = `${pad(t.millisecond, 3)}${pad(t.microsecond, 3)}${pad(t.nanosecond, 3)}`.replace(/0+$/, '');
  return `${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${fraction ? `.${fraction}` : ''}`;
}

/** "Z" or a fixed offset, as opposed to an IANA name. */
export function isOffsetZone(zone: Zone): boolean {
  return zone === 'Z' || OFFSET.test(zone);
}

function formatZone(zone: Zone | null): string {
  if (zone === null) return '';
  return isOffsetZone(zone) ? zone : `@${zone}`;
}

function formatDaysTime(seconds: Decimal): string {
  if (seconds.isZero()) return 'PT0S';
  const abs = seconds.abs();
  const days = abs.divToInt(86_400);
  let rest = abs.minus(days.times(86_400));
  const hours = rest.divToInt(3_600);
  rest = rest.minus(hours.times(3_600));
  const minutes = rest.divToInt(60);
  const secs = rest.minus(minutes.times(60));
  let time = '';
  if (!hours.isZero()) time += `${hours.toFixed()}H`;
  if (!minutes.isZero()) time += `${minutes.toFixed()}M`;
  if (!secs.isZero()) time += `${secs.toFixed()}S`;
  return `${seconds.isNegative() ? '-' : ''}P${days.isZero() ? '' : `${days.toFixed()}D`}${time ? `T${time}` : ''}`;
}

function formatYearsMonths(months: number): string {
  if (months === 0) return 'P0M';
  const abs = Math.abs(months);
  const years = Math.floor(abs / 12);
  const rest = abs % 12;
  return `${months < 0 ? '-' : ''}P${years ? `${years}Y` : ''}${rest ? `${rest}M` : ''}`;
}

/** ISO 8601 text, as FEEL's string() writes it and as it crosses the JSON boundary. */
export function formatTemporal(value: TemporalValue): string {
  switch (value.kind) {
    case 'date':
      return formatPlainDate(value.date);
    case 'time':
      return formatPlainTime(value.time) + formatZone(value.zone);
    case 'date and time':
      return `${formatPlainDate(value.local.toPlainDate())}T${formatPlainTime(value.local)}${formatZone(value.zone)}`;
    case 'days and time duration':
      return formatDaysTime(value.seconds);
    case 'years and months duration':
      return formatYearsMonths(value.months);
  }
}

/** Validates an evaluation option's zone ("Z", "+02:00" or an IANA name). */
export function normalizeZone(zone: string): Zone | null {
  if (zone === 'Z' || zone === 'UTC') return 'Z';
  return OFFSET.test(zone) ? (parseZone(zone) ?? null) : ianaZone(zone);
}
