import { Temporal } from 'temporal-polyfill';

/** Epoch ms of a UTC instant written "2027-03-28T01:30Z". */
export const utc = (text: string): number => Temporal.Instant.from(text).epochMilliseconds;

/** An instant as "2027-03-28T01:30Z" (minutes: every fire time here is on a whole minute). */
export const iso = (epochMs: number): string => Temporal.Instant.fromEpochMilliseconds(epochMs).toString({ smallestUnit: 'minute' });

/** An instant as local wall time with offset, "2027-03-28T03:30+02:00", for reading DST tests. */
export const local = (epochMs: number, zone: string): string =>
  Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone).toString({ smallestUnit: 'minute', timeZoneName: 'never' });
