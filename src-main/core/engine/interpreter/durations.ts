import { Temporal } from 'temporal-polyfill';

/**
 * ISO 8601 durations added to an instant. Calendar parts (years, months, weeks, days) are
 * added in UTC on the calendar (P1M from 31 January is the end of February), time parts
 * exactly, so a wait of P1D is always "the same time tomorrow" in UTC.
 */
export function addDuration(epochMs: number, iso: string): number {
  const duration = Temporal.Duration.from(iso);
  const start = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO('UTC');
  return start.add(duration).epochMilliseconds;
}

export function durationMs(iso: string, fromEpochMs: number): number {
  return addDuration(fromEpochMs, iso) - fromEpochMs;
}
