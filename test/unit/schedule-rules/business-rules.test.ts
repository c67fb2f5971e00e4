import { expect, it } from 'vitest';
import { combineCalendars } from '../../../src-main/core/calendar';
import { nextFireTimes } from '../../../src-main/core/schedule-rules';
import { describeWithHolidays, holidayCalendar } from '../calendar/holiday-data';
import { iso, local, utc } from '../calendar/instants';
import { spec } from './specs';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const dates = (times: number[], zone: string): string[] => times.map((t) => local(t, zone));

describeWithHolidays('business-day rules on the shared calendars', () => {
  const t2 = () => holidayCalendar('TARGET2-closing', 'TARGET2');
  const us = () => holidayCalendar('US-federal');

  it('every business day skips Thanksgiving (US, 2026-11-26)', () => {
    const s = spec({ rule: { kind: 'every-business-day' }, time: '08:00', zone: NEW_YORK }, us());
    expect(dates(nextFireTimes(s, utc('2026-11-23T00:00Z'), 5), NEW_YORK)).toEqual([
      '2026-11-23T08:00-05:00',
      '2026-11-24T08:00-05:00',
      '2026-11-25T08:00-05:00',
      '2026-11-27T08:00-05:00',
      '2026-11-30T08:00-05:00',
    ]);
  });

  it('the last business day of the month in TARGET2, at 18:00 Berlin (31 December 2026 is open)', () => {
    const s = spec({ rule: { kind: 'business-day-of-month', n: -1 }, time: '18:00', zone: BERLIN }, t2());
    expect(dates(nextFireTimes(s, utc('2026-11-01T00:00Z'), 6), BERLIN)).toEqual([
      '2026-11-30T18:00+01:00',
      '2026-12-31T18:00+01:00',
      '2027-01-29T18:00+01:00', // 30 and 31 January are a weekend
      '2027-02-26T18:00+01:00',
      '2027-03-31T18:00+02:00', // summer time
      '2027-04-30T18:00+02:00',
    ]);
    expect(iso(nextFireTimes(s, utc('2026-12-01T00:00Z'), 1)[0]!)).toBe('2026-12-31T17:00Z');
  });

  it('the second-to-last business day of December 2026 in TARGET2', () => {
    const s = spec({ rule: { kind: 'business-day-of-month', n: -2 }, time: '12:00', zone: BERLIN }, t2());
    expect(dates(nextFireTimes(s, utc('2026-12-01T00:00Z'), 1), BERLIN)).toEqual(['2026-12-30T12:00+01:00']);
  });

  it('the third business day of January 2027 in the US is Wednesday the 6th (New Year on Friday the 1st)', () => {
    const s = spec({ rule: { kind: 'business-day-of-month', n: 3 }, time: '09:00', zone: NEW_YORK }, us());
    expect(nextFireTimes(s, utc('2027-01-01T00:00Z'), 2).map(iso)).toEqual(['2027-01-06T14:00Z', '2027-02-03T14:00Z']);
  });

  it('the first business day of a month after a holiday (TARGET2, January 2027)', () => {
    const s = spec({ rule: { kind: 'business-day-of-month', n: 1 }, time: '07:00', zone: BERLIN }, t2());
    expect(dates(nextFireTimes(s, utc('2026-12-15T00:00Z'), 1), BERLIN)).toEqual(['2027-01-04T07:00+01:00']);
  });

  it('day of month 31 falls back to the month end, then modified following keeps it in the month', () => {
    const s = spec({ rule: { kind: 'day-of-month', day: 31 }, time: '10:00', zone: BERLIN }, t2());
    expect(s.convention).toBeUndefined(); // the spec keeps what was written; the default applies in computation
    expect(dates(nextFireTimes(s, utc('2026-11-01T00:00Z'), 4), BERLIN)).toEqual([
      '2026-11-30T10:00+01:00',
      '2026-12-31T10:00+01:00',
      '2027-01-29T10:00+01:00', // Sunday 31 → Friday 29 (following would be February)
      '2027-02-26T10:00+01:00', // "31" is 28 February, a Sunday
    ]);
    const following = spec({ rule: { kind: 'day-of-month', day: 31 }, time: '10:00', zone: BERLIN, convention: 'following' }, t2());
    expect(dates(nextFireTimes(following, utc('2027-01-01T00:00Z'), 2), BERLIN)).toEqual(['2027-02-01T10:00+01:00', '2027-03-01T10:00+01:00']);
    const none = spec({ rule: { kind: 'day-of-month', day: 31 }, time: '10:00', zone: BERLIN, convention: 'none' }, t2());
    expect(dates(nextFireTimes(none, utc('2027-01-01T00:00Z'), 2), BERLIN)).toEqual(['2027-01-31T10:00+01:00', '2027-02-28T10:00+01:00']);
  });

  it('weekly on Monday moves off Easter Monday (modified following by default)', () => {
    const s = spec({ rule: { kind: 'weekly', weekdays: [1] }, time: '09:00', zone: BERLIN }, t2());
    expect(dates(nextFireTimes(s, utc('2025-04-13T00:00Z'), 3), BERLIN)).toEqual([
      '2025-04-14T09:00+02:00',
      '2025-04-22T09:00+02:00',
      '2025-04-28T09:00+02:00',
    ]);
  });

  it('fires once when adjustment makes dates coincide (Friday to Sunday all roll to the next business day)', () => {
    const s = spec({ rule: { kind: 'weekly', weekdays: [5, 6, 7] }, time: '09:00', zone: BERLIN, convention: 'following' }, t2());
    expect(dates(nextFireTimes(s, utc('2025-04-10T00:00Z'), 5), BERLIN)).toEqual([
      '2025-04-11T09:00+02:00',
      '2025-04-14T09:00+02:00', // Saturday and Sunday
      '2025-04-22T09:00+02:00', // Good Friday, Saturday, Sunday (and Easter Monday in between)
      '2025-04-25T09:00+02:00',
      '2025-04-28T09:00+02:00',
    ]);
  });

  it('applies a convention to cron dates only when one is given', () => {
    const plain = spec({ rule: { kind: 'cron', expression: '0 8 15 * *' }, zone: BERLIN }, t2());
    const following = spec({ rule: { kind: 'cron', expression: '0 8 15 * *' }, zone: BERLIN, convention: 'following' }, t2());
    expect(dates(nextFireTimes(plain, utc('2025-06-01T00:00Z'), 1), BERLIN)).toEqual(['2025-06-15T08:00+02:00']); // a Sunday
    expect(dates(nextFireTimes(following, utc('2025-06-01T00:00Z'), 1), BERLIN)).toEqual(['2025-06-16T08:00+02:00']);
  });

  it('a rule date before the start of the search can adjust into it (Good Friday rolls to Tuesday)', () => {
    const s = spec({ rule: { kind: 'day-of-month', day: 18 }, time: '09:00', zone: BERLIN, convention: 'following' }, t2());
    expect(dates(nextFireTimes(s, utc('2025-04-21T12:00Z'), 1), BERLIN)).toEqual(['2025-04-22T09:00+02:00']);
  });

  it('runs on a combined calendar: closed if closed in TARGET2 or in England', () => {
    const eurLondon = combineCalendars('TARGET2+GB-ENG', [t2(), holidayCalendar('GB-ENG-bank')]);
    const s = spec({ rule: { kind: 'every-business-day' }, time: '08:00', zone: 'Europe/London' }, eurLondon);
    expect(dates(nextFireTimes(s, utc('2025-04-28T00:00Z'), 6), 'Europe/London')).toEqual([
      '2025-04-28T08:00+01:00',
      '2025-04-29T08:00+01:00',
      '2025-04-30T08:00+01:00',
      // 1 May: TARGET2 closed; 5 May: Early May bank holiday in England
      '2025-05-02T08:00+01:00',
      '2025-05-06T08:00+01:00',
      '2025-05-07T08:00+01:00',
    ]);
  });
});
