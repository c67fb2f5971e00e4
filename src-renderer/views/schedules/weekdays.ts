/** ISO weekdays, 1 = Monday … 7 = Sunday, as the contract counts them. */
export const WEEKDAYS = [
  { value: 1, short: 'Mon', long: 'Monday' },
  { value: 2, short: 'Tue', long: 'Tuesday' },
  { value: 3, short: 'Wed', long: 'Wednesday' },
  { value: 4, short: 'Thu', long: 'Thursday' },
  { value: 5, short: 'Fri', long: 'Friday' },
  { value: 6, short: 'Sat', long: 'Saturday' },
  { value: 7, short: 'Sun', long: 'Sunday' },
] as const;

export function weekdayName(isoDay: number, form: 'short' | 'long' = 'short'): string {
  return WEEKDAYS[isoDay - 1]?.[form] ?? String(isoDay);
}

/** The weekday of a YYYY-MM-DD date ("Thu"). */
export function weekdayOf(isoDate: string): string {
  return weekdayName(((new Date(`${isoDate}T00:00:00Z`).getUTCDay() + 6) % 7) + 1);
}

/** "Sat, Sun", or "none" for a calendar open every day. */
export function describeWeekend(days: readonly number[]): string {
  return days.length === 0
    ? 'none'
    : [...days]
        .sort((a, b) => a - b)
        .map((d) => weekdayName(d))
        .join(', ');
}
