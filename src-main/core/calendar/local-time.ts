import { Temporal } from 'temporal-polyfill';
import { TIME_OF_DAY } from '@shared/domain/schedule';

/**
 * Local wall-clock times in an IANA zone, the one place where a date and a time of day become
 * an instant. Every such conversion uses Temporal's 'compatible' disambiguation (RFC 5545
 * and cron practice):
 * - a time in a spring-forward gap (02:30 on the last Sunday of March in Europe/Berlin) is
 *   moved forward by the length of the gap, i.e. read with the offset before the gap
 *   (02:30+01:00 = 03:30+02:00): it happens once, just after the gap;
 * - a time that occurs twice on a fall-back day is the first occurrence (the earlier
 *   instant, with the offset before the transition): it happens once, not twice.
 */

export function isTimeOfDay(text: string): boolean {
  return TIME_OF_DAY.test(text);
}

/** "HH:MM" (24-hour clock, 00:00–23:59) as a Temporal time. */
export function parseTimeOfDay(text: string): Temporal.PlainTime {
  const match = TIME_OF_DAY.exec(text);
  if (!match) throw new RangeError(`not a time of day (HH:MM, 00:00–23:59): ${JSON.stringify(text)}`);
  return new Temporal.PlainTime(Number(match[1]), Number(match[2]));
}

/** An IANA zone id that Temporal knows ("Europe/Berlin", "UTC"); offsets such as "+01:00" are not zones with rules and are refused. */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z]/.test(zone)) return false;
  try {
    Temporal.PlainDate.from('2000-01-01').toZonedDateTime(zone);
    return true;
  } catch {
    return false;
  }
}

export function zonedAt(epochMs: number, zone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone);
}

/** The instant of a local date and time in a zone ('compatible': see the top of this file). */
export function atLocalTime(date: Temporal.PlainDate, time: Temporal.PlainTime, zone: string): number {
  return date.toPlainDateTime(time).toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
}

const MS_PER_DAY = 86_400_000;

/**
 * The instants of many times of day on one date, e.g. the 36 times of a cron "*\/15 9-17".
 * Each Temporal zone conversion costs tens of microseconds, so on a day without an offset
 * change (all but two days a year in most zones) the instants are derived from one resolved
 * midnight: the offset is the same all day, so an instant is that midnight plus the time
 * since midnight. A day is taken as steady when it starts at 00:00, the next day starts at
 * 00:00 and they are exactly 24 hours apart (so both have the same offset; tzdb has no day
 * with two changes that cancel out). Other days take the exact path for every time.
 * (getTimeZoneTransition would say it directly, but the polyfill searches for it and takes
 * milliseconds.)
 */
export function localDayResolver(date: Temporal.PlainDate, zone: string): (time: Temporal.PlainTime) => number {
  const start = date.toZonedDateTime({ timeZone: zone });
  const next = date.add({ days: 1 }).toZonedDateTime({ timeZone: zone });
  const steady =
    start.hour === 0 && start.minute === 0 && next.hour === 0 && next.minute === 0 && next.epochMilliseconds - start.epochMilliseconds === MS_PER_DAY;
  if (!steady) return (time) => atLocalTime(date, time, zone);
  const midnight = start.epochMilliseconds;
  return (time) => midnight + time.hour * 3_600_000 + time.minute * 60_000 + time.second * 1_000 + time.millisecond;
}
