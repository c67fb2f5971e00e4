import { Temporal } from 'temporal-polyfill';

/** A calendar date without a zone, "2026-12-24": the key of holiday lists and of business-day arithmetic. */
export type IsoDate = string;

// Temporal.PlainDate.from also accepts "20261224" or "2026-12-24T10:00"; holiday lists and
// schedules store exactly one spelling so that map lookups by string are reliable.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  try {
    Temporal.PlainDate.from(text, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** The Temporal date of an ISO date; a RangeError names the bad input (e.g. "2026-02-30"). */
export function toPlainDate(date: IsoDate): Temporal.PlainDate {
  if (!ISO_DATE.test(date)) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  try {
    return Temporal.PlainDate.from(date, { overflow: 'reject' });
  } catch {
    throw new RangeError(`not a calendar date: ${date}`);
  }
}

export function toIsoDate(date: Temporal.PlainDate): IsoDate {
  return date.toString();
}
