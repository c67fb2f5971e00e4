import type { Temporal } from 'temporal-polyfill';
import { isBusinessDate, MAX_CLOSED_RUN_DAYS, type BusinessCalendar } from './business-calendar';
import { atLocalTime, parseTimeOfDay, zonedAt } from './local-time';

/**
 * SLAs in business hours: time counts only inside the opening hours (e.g. 09:00–17:00 local)
 * of business days. Opening hours are local wall-clock times resolved per day ('compatible',
 * see local-time.ts), and a window's length is real elapsed time, so a window that spans an
 * offset change is an hour shorter or longer, as the clocks on the office wall say.
 */
export interface OpeningHours {
  /** "HH:MM", local. */
  from: string;
  /** "HH:MM", local, after `from` on the same day (no windows across midnight). */
  to: string;
}

const MS_PER_HOUR = 3_600_000;

interface Window {
  open: number;
  close: number;
}

function parseOpening(opening: OpeningHours): { from: Temporal.PlainTime; to: Temporal.PlainTime } {
  const from = parseTimeOfDay(opening.from);
  const to = parseTimeOfDay(opening.to);
  if (from.until(to).sign <= 0) throw new RangeError(`opening hours must end after they start on the same day: ${opening.from}–${opening.to}`);
  return { from, to };
}

/** The opening windows of business days, in order, starting with the local day of `fromEpochMs`. */
function* windows(calendar: BusinessCalendar, fromEpochMs: number, zone: string, opening: OpeningHours): Generator<Window> {
  const { from, to } = parseOpening(opening);
  let date = zonedAt(fromEpochMs, zone).toPlainDate();
  let closedRun = 0;
  for (;;) {
    if (isBusinessDate(calendar, date)) {
      closedRun = 0;
      yield { open: atLocalTime(date, from, zone), close: atLocalTime(date, to, zone) };
    } else if (++closedRun > MAX_CLOSED_RUN_DAYS) {
      throw new RangeError(`calendar ${calendar.name} has no business day within ${MAX_CLOSED_RUN_DAYS} days`);
    }
    date = date.add({ days: 1 });
  }
}

/**
 * The instant `hours` business hours after `fromEpochMs` (fractions allowed). A start outside
 * opening hours counts from the next opening; a deadline that uses up a window exactly is
 * that window's closing time (17:00), not the next opening. 0 hours is the first open instant
 * at or after the start.
 */
export function addBusinessHours(calendar: BusinessCalendar, fromEpochMs: number, hours: number, zone: string, opening: OpeningHours): number {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`business hours must be a finite number ≥ 0, not ${hours}`);
  let remaining = Math.round(hours * MS_PER_HOUR);
  for (const { open, close } of windows(calendar, fromEpochMs, zone, opening)) {
    const start = Math.max(open, fromEpochMs);
    if (start >= close) continue;
    if (remaining <= close - start) return start + remaining;
    remaining -= close - start;
  }
  throw new Error('unreachable: windows() is endless');
}

/** Business hours (a fraction) between two instants; negative when `toEpochMs` is before `fromEpochMs`. */
export function businessHoursBetween(calendar: BusinessCalendar, fromEpochMs: number, toEpochMs: number, zone: string, opening: OpeningHours): number {
  if (toEpochMs < fromEpochMs) return -businessHoursBetween(calendar, toEpochMs, fromEpochMs, zone, opening);
  let total = 0;
  for (const { open, close } of windows(calendar, fromEpochMs, zone, opening)) {
    if (open >= toEpochMs) break;
    const start = Math.max(open, fromEpochMs);
    const end = Math.min(close, toEpochMs);
    if (end > start) total += end - start;
  }
  return total / MS_PER_HOUR;
}
