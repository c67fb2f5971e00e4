import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIcs } from '../../../src-main/core/calendar';
import { describeWithHolidays, readHolidayFile, type HolidayFile } from './holiday-data';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/calendars');
const fixture = (name: string): { holidays: { date: string; name: string }[]; problems: ReturnType<typeof parseIcs>['problems'] } =>
  parseIcs(readFileSync(path.join(FIXTURES, name), 'utf8'), name);
const where = (problems: ReturnType<typeof parseIcs>['problems']) => problems.map((p) => [p.severity, p.code, p.line, p.column]);
const calendar = (...lines: string[]): string => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines, 'END:VCALENDAR'].join('\r\n');

describeWithHolidays('the shared holiday files', () => {
  it.each<[HolidayFile, number]>([
    ['TARGET2-closing', 42],
    ['US-federal', 82],
    ['GB-ENG-bank', 60],
    ['DE-national', 63],
  ])('%s.ics imports every event of 2024–2030 without a problem', (file, events) => {
    const text = readHolidayFile(file);
    const { holidays, problems } = parseIcs(text, `${file}.ics`);
    expect(problems).toEqual([]);
    expect(text.match(/^BEGIN:VEVENT/gm)).toHaveLength(events);
    expect(holidays).toHaveLength(events);
    expect(holidays[0]!.date.startsWith('2024-')).toBe(true);
    expect(holidays.at(-1)!.date.startsWith('2030-')).toBe(true);
  });

  it('reads names and substitute days', () => {
    const us = parseIcs(readHolidayFile('US-federal'), 'US-federal.ics').holidays;
    expect(us).toContainEqual({ date: '2026-11-26', name: 'Thanksgiving Day' });
    expect(us).toContainEqual({ date: '2026-07-03', name: 'Independence Day (substitute day)' });
    const eng = parseIcs(readHolidayFile('GB-ENG-bank'), 'GB-ENG-bank.ics').holidays;
    expect(eng).toContainEqual({ date: '2026-12-28', name: 'Boxing Day (substitute day)' });
  });
});

describe('iCalendar import', () => {
  it('unfolds lines, reads all-day and multi-day events (DTEND exclusive, DURATION) and skips other components and cancelled events', () => {
    const { holidays, problems } = fixture('folded-multiday.ics');
    expect(problems).toEqual([]);
    const closure = 'Year-end closure of the Frankfurt branch, including the weekend and Boxing Day';
    expect(holidays).toEqual([
      { date: '2026-01-01', name: "New Year's Day" },
      { date: '2026-06-01', name: 'Whit closure' },
      { date: '2026-06-02', name: 'Whit closure' },
      { date: '2026-12-24', name: closure },
      { date: '2026-12-25', name: closure },
      { date: '2026-12-26', name: closure },
      { date: '2026-12-27', name: closure },
    ]);
  });

  it('expands fixed-date yearly rules: open-ended through the horizon, COUNT, UNTIL, 29 February, BYMONTHDAY=-1, EXDATE', () => {
    const { holidays, problems } = fixture('yearly-rules.ics');
    expect(problems).toEqual([]);
    const named = (name: string) => holidays.filter((h) => h.name === name).map((h) => h.date);
    const christmas = named('Christmas Day');
    expect(christmas).toHaveLength(2099 - 2026 + 1);
    expect([christmas[0], christmas.at(-1)]).toEqual(['2026-12-25', '2099-12-25']);
    expect(named('Day of German Unity')).toEqual(['2026-10-03', '2027-10-03', '2028-10-03']);
    expect(named('Leap day')).toEqual(['2028-02-29', '2032-02-29', '2036-02-29']);
    expect(named('Half-year end')).toEqual(['2026-06-30', '2026-12-31', '2027-12-31']);
  });

  it('takes the horizon of open-ended rules as an option', () => {
    const text = readFileSync(path.join(FIXTURES, 'yearly-rules.ics'), 'utf8');
    const christmas = parseIcs(text, 'yearly-rules.ics', { horizonYear: 2030 }).holidays.filter((h) => h.name === 'Christmas Day');
    expect(christmas.map((h) => h.date)).toEqual(['2026-12-25', '2027-12-25', '2028-12-25', '2029-12-25', '2030-12-25']);
  });

  it('reports unsupported RRULEs at the part at fault and keeps the first occurrence', () => {
    const { holidays, problems } = fixture('unsupported-rrule.ics');
    expect(where(problems)).toEqual([
      ['error', 'ics-unsupported-rrule', 7, 30], // BYDAY in RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH
      ['error', 'ics-unsupported-rrule', 13, 7], // FREQ=MONTHLY
    ]);
    expect(problems[0]!.message).toMatch(/BYDAY/);
    expect(problems[0]!.path).toBe('events.0.RRULE');
    expect(holidays.map((h) => h.date)).toEqual(['2026-01-01', '2026-07-04', '2026-11-26', '2027-07-04', '2028-07-04']);
  });

  it('points into folded lines: a fault on a continuation line has that line and its column', () => {
    const text = calendar('BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20261126', 'RRULE:FREQ=YEARLY;BYMONTH=11;', ' BYDAY=4TH', 'SUMMARY:Thanksgiving', 'END:VEVENT');
    expect(where(parseIcs(text, 'x.ics').problems)).toEqual([['error', 'ics-unsupported-rrule', 6, 2]]);
  });

  it('reports malformed files with lines and columns, and still returns what it could read', () => {
    const { holidays, problems } = fixture('malformed.ics');
    expect(where(problems)).toEqual([
      ['error', 'ics-bad-date', 5, 20],
      ['error', 'ics-missing-dtstart', 8, 1],
      ['error', 'ics-bad-dtend', 15, 1],
      ['error', 'ics-syntax', 18, 5],
      ['error', 'ics-structure', 24, 1], // BEGIN:VEVENT never ended: Boxing Day is not imported
    ]);
    expect(problems.every((p) => p.file === 'malformed.ics')).toBe(true);
    expect(holidays).toEqual([
      { date: '2026-12-24', name: 'Christmas Eve' },
      { date: '2026-12-31', name: "New Year's Eve" },
    ]);
  });

  it('refuses what is not an iCalendar file', () => {
    expect(where(parseIcs('date,name\n2026-12-25,Christmas\n', 'h.csv').problems)).toEqual([['error', 'ics-not-calendar', 1, 1]]);
    expect(where(parseIcs('', 'empty.ics').problems)).toEqual([['error', 'ics-not-calendar', 1, 1]]);
    expect(parseIcs('', 'empty.ics').holidays).toEqual([]);
  });

  it('warns about timed events and events without a name, and takes their dates', () => {
    const text = calendar('BEGIN:VEVENT', 'DTSTART:20261224T120000Z', 'DTEND:20261224T170000Z', 'END:VEVENT');
    const { holidays, problems } = parseIcs(text, 'x.ics');
    expect(where(problems)).toEqual([
      ['warning', 'ics-missing-summary', 3, 1],
      ['warning', 'ics-timed-event', 4, 1],
    ]);
    expect(holidays).toEqual([{ date: '2026-12-24', name: 'Holiday' }]);
  });

  it('honours RDATE, EXDATE and RECURRENCE-ID overrides', () => {
    const text = calendar(
      'BEGIN:VEVENT',
      'UID:may-day@test',
      'DTSTART;VALUE=DATE:20260501',
      'RRULE:FREQ=YEARLY;COUNT=3',
      'RDATE;VALUE=DATE:20260502,20260503',
      'SUMMARY:May Day',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:may-day@test',
      'RECURRENCE-ID;VALUE=DATE:20270501',
      'DTSTART;VALUE=DATE:20270503',
      'SUMMARY:May Day (moved)',
      'END:VEVENT',
    );
    const { holidays, problems } = parseIcs(text, 'x.ics');
    expect(problems).toEqual([]);
    expect(holidays.map((h) => `${h.date} ${h.name}`)).toEqual([
      '2026-05-01 May Day',
      '2026-05-02 May Day',
      '2026-05-03 May Day',
      '2027-05-03 May Day (moved)',
      '2028-05-01 May Day',
    ]);
  });

  it('refuses nonsense inside rules and values without throwing', () => {
    const text = calendar(
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20260101',
      'RRULE:FREQ=YEARLY;BYMONTH=13',
      'EXDATE;VALUE=DATE:20270101,tomorrow',
      'DURATION:PT4H',
      'SUMMARY:x',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20260101',
      'DTEND;VALUE=DATE:20290101',
      'SUMMARY:three years',
      'END:VEVENT',
    );
    const { problems, holidays } = parseIcs(text, 'x.ics');
    expect(where(problems)).toEqual([
      ['error', 'ics-unsupported-rrule', 5, 19],
      ['error', 'ics-bad-date', 6, 28],
      ['error', 'ics-unsupported-duration', 7, 10],
      ['error', 'ics-too-long', 12, 1],
    ]);
    expect(holidays).toEqual([{ date: '2026-01-01', name: 'x' }]);
  });
});
