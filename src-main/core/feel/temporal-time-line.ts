import { Temporal } from 'temporal-polyfill';
import { Decimal } from './decimal';
import { DaysTimeDuration, FeelDateTime, temporalZoneId, type FeelTime, type Zone } from './temporal';

/**
 * Where temporal values sit on the time line, in nanoseconds: the ordering keys of times and
 * dates and times (DMN valuet and valuedt), durations as exact lengths, and now().
 */

const NANOS_PER_SECOND = 1_000_000_000n;

/** Nanoseconds of a duration, for Temporal arithmetic (fractions below a nanosecond are dropped). */
export function durationNanos(d: DaysTimeDuration): bigint {
  return BigInt(d.seconds.times(1e9).toFixed(0, Decimal.ROUND_DOWN));
}

export function nanosToDuration(nanos: bigint): DaysTimeDuration {
  return new DaysTimeDuration(new Decimal(nanos.toString()).div(1e9));
}

function nanoOfDay(t: Temporal.PlainTime): bigint {
  return (
    BigInt(t.hour) * 3_600n * NANOS_PER_SECOND +
    BigInt(t.minute) * 60n * NANOS_PER_SECOND +
    BigInt(t.second) * NANOS_PER_SECOND +
    BigInt(t.millisecond) * 1_000_000n +
    BigInt(t.microsecond) * 1_000n +
    BigInt(t.nanosecond)
  );
}

/** Offset of a zone in nanoseconds; an IANA zone's offset is taken on 1970-01-01 so a time of day compares the same all year. */
function zoneOffsetNanos(zone: Zone): bigint {
  const zdt = Temporal.PlainDateTime.from('1970-01-01T00:00').toZonedDateTime(temporalZoneId(zone));
  return BigInt(zdt.offsetNanoseconds);
}

/**
 * The ordering key of a time (DMN valuet): nanoseconds since midnight, moved to UTC for a
 * time with a zone. Times with and without a zone are not comparable, hence `zoned`.
 */
export function timeKey(t: FeelTime): { zoned: boolean; nanos: bigint } {
  const local = nanoOfDay(t.time);
  return t.zone === null ? { zoned: false, nanos: local } : { zoned: true, nanos: local - zoneOffsetNanos(t.zone) };
}

/** The ordering key of a date and time (DMN valuedt): epoch nanoseconds, a local one read as if it were UTC. */
export function dateTimeKey(dt: FeelDateTime): { zoned: boolean; nanos: bigint } {
  const zoned = dt.zoned();
  return zoned ? { zoned: true, nanos: zoned.epochNanoseconds } : { zoned: false, nanos: dt.local.toZonedDateTime('UTC').epochNanoseconds };
}

/** `now()` in the evaluation's zone, from the injected clock. */
export function nowIn(epochMs: number, zone: Zone): FeelDateTime {
  const zdt = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(temporalZoneId(zone));
  return new FeelDateTime(zdt.toPlainDateTime(), zone);
}
