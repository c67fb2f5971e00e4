import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe } from 'vitest';
import { makeCalendar, parseIcs, type BusinessCalendar } from '../../../src-main/core/calendar';

/**
 * The team's holiday sets (2024–2030), read in place from ../shared/data/holidays and never
 * copied into the project (their data is CC-BY-3.0 from date-holidays, see their README).
 * A clone outside the team has no ../shared: the suites that need them are skipped, saying why.
 */
export const HOLIDAYS_DIR = path.resolve(import.meta.dirname, '../../../../shared/data/holidays');
export const HOLIDAYS_AVAILABLE = existsSync(HOLIDAYS_DIR);
const SKIP_REASON = `skipped: the shared holiday data ${HOLIDAYS_DIR} is absent (it lives beside the project in the team's workspace, not in the repository)`;

export type HolidayFile = 'TARGET2-closing' | 'US-federal' | 'GB-ENG-bank' | 'DE-national';

export function readHolidayFile(file: HolidayFile): string {
  return readFileSync(path.join(HOLIDAYS_DIR, `${file}.ics`), 'utf8');
}

const cache = new Map<string, BusinessCalendar>();

/** A calendar from one shared file; the files are clean, so any import problem fails the test. */
export function holidayCalendar(file: HolidayFile, name: string = file): BusinessCalendar {
  const key = `${file}|${name}`;
  let calendar = cache.get(key);
  if (!calendar) {
    const { holidays, problems } = parseIcs(readHolidayFile(file), `${file}.ics`);
    if (problems.length > 0) throw new Error(`${file}.ics: ${JSON.stringify(problems)}`);
    calendar = makeCalendar(name, holidays);
    cache.set(key, calendar);
  }
  return calendar;
}

/** describe() for suites that need the shared holiday data, describe.skip with the reason otherwise. */
export function describeWithHolidays(title: string, body: () => void): void {
  if (HOLIDAYS_AVAILABLE) describe(title, body);
  else describe.skip(`${title} (${SKIP_REASON})`, body);
}
