import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';

/**
 * What the schedules journey needs: the workflow a schedule starts, and dates counted from
 * today. The server runs on the real clock, so every date is computed when the test runs,
 * in UTC (the zone the journey's calendar and schedule use).
 */

/** Waits until `fireTime + takes`, then completes: a run that takes a moment. Needs fireTime, businessDate and takes. */
export const SCHEDULED_REPORT = readFileSync(resolve(import.meta.dirname, '../../fixtures/workflows/scheduled-report.yaml'), 'utf8');

const DAY_MS = 86_400_000;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The first `count` weekdays (Monday–Friday) strictly after today, in UTC. */
export function weekdaysAfterToday(count: number, now = Date.now()): string[] {
  const dates: string[] = [];
  for (let ms = now + DAY_MS; dates.length < count; ms += DAY_MS) {
    const weekday = new Date(ms).getUTCDay();
    if (weekday !== 0 && weekday !== 6) dates.push(isoDate(ms));
  }
  return dates;
}

/** A CSV holiday list as banks publish them; `badLine` adds a line with a date that does not exist (line 4). */
export function holidayCsv(holidays: readonly { date: string; name: string }[], badLine = false): string {
  const lines = ['date,name', '# closing days for the e2e journey', ...holidays.map((h) => `${h.date},${h.name}`)];
  if (badLine) lines.splice(3, 0, `${new Date().getUTCFullYear() + 1}-02-30,Not a day`);
  return `${lines.join('\n')}\n`;
}

/** "May 2026", as the month grid titles a month. */
export function monthTitleOf(isoDay: string): string {
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDay}T00:00:00Z`));
}

/** A time of day (UTC, HH:MM) `hours` from now: far enough that the schedule does not fire while the test runs. */
export function timeOfDayIn(hours: number, now = Date.now()): string {
  return new Date(now + hours * 3_600_000).toISOString().slice(11, 16);
}

/**
 * Closes the confirmation toast that says `text` (toasts sit over the header's buttons at
 * the top right), after checking it was shown.
 */
export async function dismissToast(page: Page, text: string): Promise<void> {
  const toast = page.getByRole('alert').filter({ hasText: text });
  await expect(toast).toBeVisible();
  await toast.getByRole('button').click();
  await expect(toast).toBeHidden();
}

/** Someone who may see schedules and calendars (schedule.read) but not change them. */
export const AUDITOR = {
  username: 'audit.rowan',
  displayName: 'Rowan Pike',
  temporaryPassword: 'Juniper-Falcon-4726',
  password: 'Pebble-Horizon-8315',
};
