import { expect, it } from 'vitest';
import { fireTimesBetween, nextFireTimes } from '../../../src-main/core/schedule-rules';
import { describeWithHolidays, holidayCalendar } from '../calendar/holiday-data';
import { iso, utc } from '../calendar/instants';
import { spec, WEEKDAYS } from './specs';

const everyBusinessDayAt8 = (calendar = WEEKDAYS) => spec({ rule: { kind: 'every-business-day' }, time: '08:00', zone: 'Europe/Berlin' }, calendar);

it('lists what was missed while the app was closed for 3 days: (last fire, now]', () => {
  const lastFire = utc('2026-11-30T07:00Z'); // Monday 08:00 CET
  const now = utc('2026-12-03T07:00Z'); // Thursday 08:00 CET: this fire is due now, so it is included
  const missed = fireTimesBetween(everyBusinessDayAt8(), lastFire, now, 10);
  expect(missed).toEqual({ times: [utc('2026-12-01T07:00Z'), utc('2026-12-02T07:00Z'), utc('2026-12-03T07:00Z')], truncated: false });
  expect(fireTimesBetween(everyBusinessDayAt8(), lastFire, now - 1, 10).times.map(iso)).toEqual(['2026-12-01T07:00Z', '2026-12-02T07:00Z']);
});

it('caps the list at the earliest times and says that more were cut', () => {
  const s = everyBusinessDayAt8();
  const lastFire = utc('2026-11-30T07:00Z');
  const now = utc('2026-12-03T12:00Z');
  expect(fireTimesBetween(s, lastFire, now, 2)).toEqual({ times: [utc('2026-12-01T07:00Z'), utc('2026-12-02T07:00Z')], truncated: true });
  expect(fireTimesBetween(s, lastFire, now, 3).truncated).toBe(false);
  expect(fireTimesBetween(s, lastFire, now, 0)).toEqual({ times: [], truncated: true });
  expect(fireTimesBetween(s, now, lastFire, 5)).toEqual({ times: [], truncated: false });
  // After a misfire, the next regular fire:
  expect(nextFireTimes(s, now, 1).map(iso)).toEqual(['2026-12-04T07:00Z']);
});

it('handles a closed weekend and a long outage with a cap (a month closed, cap 5)', () => {
  const result = fireTimesBetween(everyBusinessDayAt8(), utc('2026-11-01T00:00Z'), utc('2026-12-01T00:00Z'), 5);
  expect(result.times.map(iso)).toEqual(['2026-11-02T07:00Z', '2026-11-03T07:00Z', '2026-11-04T07:00Z', '2026-11-05T07:00Z', '2026-11-06T07:00Z']);
  expect(result.truncated).toBe(true);
  expect(fireTimesBetween(everyBusinessDayAt8(), utc('2026-11-01T00:00Z'), utc('2026-12-01T00:00Z'), 100).times).toHaveLength(21);
});

it('refuses negative or fractional counts and caps', () => {
  expect(() => nextFireTimes(everyBusinessDayAt8(), 0, -1)).toThrow(RangeError);
  expect(() => fireTimesBetween(everyBusinessDayAt8(), 0, 1, 1.5)).toThrow(RangeError);
  expect(nextFireTimes(everyBusinessDayAt8(), 0, 0)).toEqual([]);
});

it('honours startDate and endDate as local fire dates, both inclusive', () => {
  const s = spec({ rule: { kind: 'every-business-day' }, time: '08:00', zone: 'Europe/Berlin', startDate: '2026-12-01', endDate: '2026-12-03' }, WEEKDAYS);
  expect(nextFireTimes(s, utc('2026-01-01T00:00Z'), 5).map(iso)).toEqual(['2026-12-01T07:00Z', '2026-12-02T07:00Z', '2026-12-03T07:00Z']);
  expect(nextFireTimes(s, utc('2026-12-03T07:00Z'), 5)).toEqual([]);
  // A date that preceding moves before the start date is not fired: 1 June 2025 is a Sunday.
  const preceding = spec(
    { rule: { kind: 'day-of-month', day: 1 }, time: '08:00', zone: 'Europe/Berlin', convention: 'preceding', startDate: '2025-06-01' },
    WEEKDAYS,
  );
  expect(nextFireTimes(preceding, utc('2025-01-01T00:00Z'), 1).map(iso)).toEqual(['2025-07-01T06:00Z']);
});

describeWithHolidays('misfires over a holiday', () => {
  it('closed over Easter: only Tuesday was missed (TARGET2)', () => {
    const s = everyBusinessDayAt8(holidayCalendar('TARGET2-closing', 'TARGET2'));
    expect(fireTimesBetween(s, utc('2025-04-17T06:00Z'), utc('2025-04-23T05:00Z'), 10)).toEqual({ times: [utc('2025-04-22T06:00Z')], truncated: false });
  });
});
