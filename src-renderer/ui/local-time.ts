/**
 * The time fields use the browser's datetime-local input: the user picks a time in their
 * own zone (as every time in the console is shown), the contract wants a UTC timestamp.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-05-01T10:00" (seconds only when they are not zero) for a UTC timestamp, in local time. */
export function localInputFromIso(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const minutes = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return d.getSeconds() === 0 && d.getMilliseconds() === 0 ? minutes : `${minutes}:${pad(d.getSeconds())}`;
}

/** The UTC timestamp ("2026-05-01T08:00:00.000Z") of a datetime-local value, or null when it is not one. */
export function isoFromLocalInput(text: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(text)) return null;
  const d = new Date(text); // without a zone, a date-time string is read in local time
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
