import { describe, expect, it } from 'vitest';
import { nextFireTimes, validateCron } from '../../../src-main/core/schedule-rules';
import { iso, local, utc } from '../calendar/instants';
import { EVERY_DAY, spec } from './specs';

const cron = (expression: string, zone = 'UTC') => spec({ rule: { kind: 'cron', expression }, zone }, EVERY_DAY);
const next = (expression: string, after: string, count: number, zone = 'UTC') => nextFireTimes(cron(expression, zone), utc(after), count).map(iso);

describe('validateCron', () => {
  it.each([
    ['', 1, /expected 5 fields.*found 0/],
    ['* * * *', 8, /found 4/],
    ['0 0 * * * *', 11, /found 6/],
    ['60 * * * *', 1, /minute 60 is out of range 0–59/],
    ['0 24 * * *', 3, /hour 24/],
    ['*/0 * * * *', 3, /step "0"/],
    ['0 9 1,,15 * *', 7, /empty item/],
    ['0 9 * foo *', 7, /month: "foo"/],
    ['0 9 * * 8', 9, /day-of-week 8 is out of range 0–7/],
    ['0 9 * * 1-', 11, /value is missing/],
    ['0 9 15-10 * *', 5, /runs backwards/],
    ['0 9 * * sat-mon', 9, /runs backwards/],
    ['0 9 L * *', 5, /Quartz/],
    ['0 9 ? * MON', 5, /Quartz/],
    ['0 9 * * 1#3', 9, /Quartz/],
    ['0 0 30 2 *', 5, /never occurs/],
    ['0 0 31 4,6,9,11 *', 5, /never occurs/],
    ['@reboot', 1, /unknown macro/],
  ])('%j fails at column %i', (expression, column, message) => {
    const result = validateCron(expression);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.column).toBe(column);
      expect(result.message).toMatch(message);
    }
  });

  it.each([
    '*/15 9-17 * * 1-5',
    '0 0 31 4,5 *',
    '30 8 1 JAN,Jul *',
    '0 12 * * mon-fri',
    '0 12 * * mon-sun',
    '0 12 * * 1-7',
    '  5/15 * * * *  ',
    '@daily',
    '@Weekly',
    '0 0 29 2 *',
    '0 9 30 2 1',
  ])('%j is valid', (expression) => expect(validateCron(expression)).toEqual({ ok: true }));
});

describe('cron fire times', () => {
  it('*/15 9-17 * * 1-5: every quarter hour from 09:00 to 17:45 on weekdays', () => {
    const times = next('*/15 9-17 * * 1-5', '2026-11-27T00:00Z', 40, 'Europe/Berlin').map((t) => local(utc(t), 'Europe/Berlin'));
    expect(times.slice(0, 3)).toEqual(['2026-11-27T09:00+01:00', '2026-11-27T09:15+01:00', '2026-11-27T09:30+01:00']);
    expect(times[35]).toBe('2026-11-27T17:45+01:00');
    expect(times[36]).toBe('2026-11-30T09:00+01:00'); // Friday → Monday
  });

  it('ORs day-of-month and day-of-week when both are restricted (Vixie): the 1st and every Monday', () => {
    expect(next('0 9 1 * 1', '2026-11-29T00:00Z', 8)).toEqual([
      '2026-11-30T09:00Z',
      '2026-12-01T09:00Z',
      '2026-12-07T09:00Z',
      '2026-12-14T09:00Z',
      '2026-12-21T09:00Z',
      '2026-12-28T09:00Z',
      '2027-01-01T09:00Z',
      '2027-01-04T09:00Z',
    ]);
  });

  it('ANDs them when either field starts with * (Vixie), even */2: Mondays on odd days', () => {
    expect(next('0 9 */2 * 1', '2026-11-29T00:00Z', 4)).toEqual(['2026-12-07T09:00Z', '2026-12-21T09:00Z', '2027-01-11T09:00Z', '2027-01-25T09:00Z']);
  });

  it('reads month and day names in any case, and 0 and 7 as Sunday', () => {
    expect(next('30 8 1 JAN,Jul *', '2026-11-29T00:00Z', 3)).toEqual(['2027-01-01T08:30Z', '2027-07-01T08:30Z', '2028-01-01T08:30Z']);
    const sundays = next('0 12 * * 0', '2026-11-29T00:00Z', 3);
    expect(next('0 12 * * 7', '2026-11-29T00:00Z', 3)).toEqual(sundays);
    expect(next('0 12 * * SUN', '2026-11-29T00:00Z', 3)).toEqual(sundays);
    expect(sundays).toEqual(['2026-11-29T12:00Z', '2026-12-06T12:00Z', '2026-12-13T12:00Z']);
    expect(next('0 12 * * fri-sun', '2026-11-30T00:00Z', 3)).toEqual(['2026-12-04T12:00Z', '2026-12-05T12:00Z', '2026-12-06T12:00Z']);
  });

  it('fires on 29 February only in leap years, across the 2100 gap of eight years', () => {
    expect(next('0 0 29 2 *', '2026-11-29T00:00Z', 3)).toEqual(['2028-02-29T00:00Z', '2032-02-29T00:00Z', '2036-02-29T00:00Z']);
    expect(next('0 0 29 2 *', '2097-01-01T00:00Z', 1)).toEqual(['2104-02-29T00:00Z']);
  });

  it('reads steps from a value and the macros', () => {
    expect(next('5/15 10 * * *', '2026-11-29T00:00Z', 5)).toEqual([
      '2026-11-29T10:05Z',
      '2026-11-29T10:20Z',
      '2026-11-29T10:35Z',
      '2026-11-29T10:50Z',
      '2026-11-30T10:05Z',
    ]);
    expect(next('@daily', '2026-11-29T00:00Z', 2)).toEqual(next('0 0 * * *', '2026-11-29T00:00Z', 2));
    expect(next('@hourly', '2026-11-29T00:00Z', 2)).toEqual(['2026-11-29T01:00Z', '2026-11-29T02:00Z']);
  });

  it('returns what exists when a rule fires rarely: "0 9 30 2 1" is Mondays in February only', () => {
    expect(next('0 9 30 2 1', '2026-11-29T00:00Z', 2)).toEqual(['2027-02-01T09:00Z', '2027-02-08T09:00Z']);
  });
});
