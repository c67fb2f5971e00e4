import { z } from 'zod';

/**
 * A point in time is carried as an ISO 8601 UTC string with millisecond precision
 * ("2026-11-29T04:38:18.123Z"): unambiguous in JSON, in SQL and in audit payloads, and
 * it sorts lexically in time order. Epoch milliseconds are used only inside computations.
 */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const Timestamp = z.string().regex(ISO_UTC, { message: 'must be a UTC timestamp like 2026-11-29T04:38:18.123Z' }).brand<'Timestamp'>();
export type Timestamp = z.infer<typeof Timestamp>;

export function toTimestamp(epochMs: number): Timestamp {
  if (!Number.isFinite(epochMs)) throw new RangeError(`not a finite time: ${epochMs}`);
  return new Date(epochMs).toISOString() as Timestamp;
}

export function toEpochMs(ts: Timestamp): number {
  return Date.parse(ts);
}

/** The single source of "now" for everything that reads time; tests substitute their own. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}
