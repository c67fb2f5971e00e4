import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contract } from '../../../src-shared/contract';
import { formatOf, nameFromFile } from '../../../src-renderer/views/schedules/calendar-file';
import { settingsInput, validateSettings, type CalendarSettings } from '../../../src-renderer/views/schedules/calendar-settings';
import { monthPrefix, shiftMonth, thisMonth } from '../../../src-renderer/views/schedules/month';
import { isRunGoing } from '../../../src-renderer/views/schedules/runs';
import { formatInZone, formatLocalMinute, monthTitle, TIME_ZONES, todayLocal } from '../../../src-renderer/views/schedules/time';
import { describeWeekend, weekdayName, weekdayOf, WEEKDAYS } from '../../../src-renderer/views/schedules/weekdays';

/*
 * Times in a named zone are checked against fixed strings; times in the viewer's own zone are
 * built with Date's local-time constructor, so every expectation holds whatever TZ runs them.
 */

describe('holiday files', () => {
  it('tells iCalendar from CSV by the file name, whatever its case', () => {
    expect(formatOf('TARGET2 closing days.ics')).toBe('ics');
    expect(formatOf('bank-holidays.ICAL')).toBe('ics');
    expect(formatOf('Feiertage Bayern 2026.CSV')).toBe('csv');
    expect(formatOf('holidays.xlsx')).toBeNull();
    expect(formatOf('holidays.csv.bak')).toBeNull();
    expect(formatOf('ics')).toBeNull();
  });

  it('suggests a calendar name the contract accepts', () => {
    expect(nameFromFile('TARGET2 closing days.ics')).toBe('TARGET2-closing-days');
    expect(nameFromFile('  (UK) bank holidays.csv')).toBe('UK-bank-holidays');
    expect(nameFromFile('GB-ENG.2026.ics')).toBe('GB-ENG.2026');
    expect(nameFromFile('_draft holidays')).toBe('draft-holidays');
    const long = nameFromFile(`${'Zahlungsverkehr '.repeat(6)}.ics`);
    expect(long).toHaveLength(64);
    expect(long.startsWith('Zahlungsverkehr-Zahlungsverkehr-')).toBe(true);
    const name = contract['calendars.import'].input.shape.name;
    for (const file of ['TARGET2 closing days.ics', '  (UK) bank holidays.csv', `${'Zahlungsverkehr '.repeat(6)}.ics`]) {
      expect(name.safeParse(nameFromFile(file)).success).toBe(true);
    }
  });
});

describe('calendar settings', () => {
  const values: CalendarSettings = { name: ' TARGET2 ', description: ' Euro payments closing days ', zone: 'Europe/Berlin', weekend: ['7', '6'] };

  it('sends the settings in the contract’s shape: trimmed, weekdays as sorted numbers', () => {
    expect(settingsInput(values)).toEqual({ name: 'TARGET2', description: 'Euro payments closing days', zone: 'Europe/Berlin', weekend: [6, 7] });
    expect(settingsInput({ ...values, weekend: [] }).weekend).toEqual([]);
  });

  it('accepts good settings and names what the contract refuses under its field', () => {
    const validate = validateSettings();
    expect(validate(values)).toEqual({});
    expect(validate({ ...values, name: 'TARGET2 closing', zone: '' })).toEqual({
      name: 'Letters, digits and . _ + - (up to 64), e.g. TARGET2 or GB-ENG',
      zone: 'An IANA time zone such as Europe/Berlin',
    });
    expect(validate({ ...values, weekend: ['1', '2', '3', '4', '5', '6', '7'] })).toEqual({ weekend: 'A weekend of all seven days leaves no business day' });
    expect(validate({ ...values, weekend: ['6', '6'] })).toEqual({ weekend: 'Each weekday once' });
    expect(validate({ ...values, weekend: [] })).toEqual({});
  });

  it('checks extra fields of a combined calendar with the rules given for them', () => {
    const validate = validateSettings<CalendarSettings & { members: string[] }>({ members: contract['calendars.combine'].input.shape.members });
    expect(validate({ ...values, name: 'TARGET2-GB', members: ['TARGET2', 'GB-ENG'] })).toEqual({});
    expect(validate({ ...values, name: 'TARGET2-GB', members: ['TARGET2'] })).toEqual({ members: 'Combine at least two calendars' });
  });
});

describe('months', () => {
  it('moves across year ends in both directions', () => {
    expect(shiftMonth({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
    expect(shiftMonth({ year: 2026, month: 11 }, 3)).toEqual({ year: 2027, month: 2 });
    expect(shiftMonth({ year: 2026, month: 5 }, -17)).toEqual({ year: 2024, month: 12 });
    expect(shiftMonth({ year: 2026, month: 12 }, 0)).toEqual({ year: 2026, month: 12 });
  });

  it('gives the prefix of the month’s dates and its title', () => {
    expect(monthPrefix({ year: 2026, month: 5 })).toBe('2026-05');
    expect(monthPrefix({ year: 2026, month: 12 })).toBe('2026-12');
    expect(monthTitle(2026, 5)).toBe('May 2026');
    expect(monthTitle(2027, 1)).toBe('January 2027');
  });
});

describe('today in the viewer’s zone', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2026, 11, 31, 23, 30));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is the local date, also late on New Year’s Eve', () => {
    expect(todayLocal()).toBe('2026-12-31');
    expect(thisMonth()).toEqual({ year: 2026, month: 12 });
  });
});

describe('times of a schedule', () => {
  it('reads an instant in the schedule’s own zone, to the minute', () => {
    expect(formatInZone('2026-05-07T07:00:00.000Z', 'Europe/Berlin')).toBe('2026-05-07 09:00');
    expect(formatInZone('2026-01-07T07:00:00.000Z', 'Europe/Berlin')).toBe('2026-01-07 08:00');
    expect(formatInZone('2026-05-06T22:00:00.000Z', 'Europe/Berlin')).toBe('2026-05-07 00:00');
    expect(formatInZone('2026-05-07T07:00:00.000Z', 'America/New_York')).toBe('2026-05-07 03:00');
    expect(formatInZone('2026-05-07T23:59:59.999Z', 'UTC')).toBe('2026-05-07 23:59');
  });

  it('falls back to the viewer’s zone for a zone this runtime does not know', () => {
    const localNine = new Date(2026, 4, 7, 9, 0, 0).toISOString();
    expect(formatInZone(localNine, 'Mars/Olympus_Mons')).toBe('2026-05-07 09:00');
    expect(formatLocalMinute(new Date(2026, 4, 7, 9, 5, 42).toISOString())).toBe('2026-05-07 09:05');
  });

  it('offers UTC among the zones, and the zones people pick', () => {
    expect(TIME_ZONES).toContain('UTC');
    expect(TIME_ZONES).toContain('Europe/Berlin');
    expect(TIME_ZONES).toContain('America/New_York');
    expect(new Set(TIME_ZONES).size).toBe(TIME_ZONES.length);
  });
});

describe('weekdays', () => {
  it('names ISO weekdays, Monday first, and shows an out-of-range number as it is', () => {
    expect(WEEKDAYS.map((d) => d.value)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(weekdayName(1)).toBe('Mon');
    expect(weekdayName(7, 'long')).toBe('Sunday');
    expect(weekdayName(0)).toBe('0');
    expect(weekdayName(8)).toBe('8');
  });

  it('gives the weekday of a date, whatever the viewer’s zone', () => {
    expect(weekdayOf('2026-05-07')).toBe('Thu');
    expect(weekdayOf('2026-05-10')).toBe('Sun');
    expect(weekdayOf('2026-05-11')).toBe('Mon');
    expect(weekdayOf('2024-02-29')).toBe('Thu');
  });

  it('lists a weekend in week order, or says there is none', () => {
    const days = [7, 6];
    expect(describeWeekend(days)).toBe('Sat, Sun');
    expect(days).toEqual([7, 6]);
    expect(describeWeekend([5, 6])).toBe('Fri, Sat');
    expect(describeWeekend([])).toBe('none');
  });
});

describe('schedule runs', () => {
  it('follows a run while it is queued or its instance has not ended', () => {
    expect(isRunGoing({ status: 'queued', outcome: null })).toBe(true);
    expect(isRunGoing({ status: 'started', outcome: null })).toBe(true);
    expect(isRunGoing({ status: 'started', outcome: 'running' })).toBe(true);
    expect(isRunGoing({ status: 'started', outcome: 'incident' })).toBe(true);
  });

  it('stops following a run that ended, was skipped or could not start', () => {
    expect(isRunGoing({ status: 'started', outcome: 'completed' })).toBe(false);
    expect(isRunGoing({ status: 'started', outcome: 'failed' })).toBe(false);
    expect(isRunGoing({ status: 'started', outcome: 'cancelled' })).toBe(false);
    expect(isRunGoing({ status: 'skipped', outcome: null })).toBe(false);
    expect(isRunGoing({ status: 'not-started', outcome: null })).toBe(false);
  });
});
