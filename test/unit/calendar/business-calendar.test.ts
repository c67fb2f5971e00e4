import { describe, expect, it } from 'vitest';
import { businessDaysInMonth, combineCalendars, isBusinessDay, makeCalendar } from '../../../src-main/core/calendar';
import { describeWithHolidays, holidayCalendar } from './holiday-data';

describe('makeCalendar', () => {
  it('defaults to a Saturday–Sunday weekend and keeps holidays by ISO date', () => {
    const calendar = makeCalendar('X', [{ date: '2026-12-24', name: 'Christmas Eve' }]);
    expect(calendar.weekend).toEqual([6, 7]);
    expect(calendar.holidays.get('2026-12-24')).toBe('Christmas Eve');
    expect(isBusinessDay(calendar, '2026-12-24')).toBe(false);
    expect(isBusinessDay(calendar, '2026-12-23')).toBe(true);
    expect(isBusinessDay(calendar, '2026-12-26')).toBe(false); // Saturday
  });

  it('takes other weekends (Friday–Saturday) and sorts them', () => {
    const gulf = makeCalendar('AE', [], [6, 5]);
    expect(gulf.weekend).toEqual([5, 6]);
    expect(isBusinessDay(gulf, '2026-12-27')).toBe(true); // Sunday
    expect(isBusinessDay(gulf, '2026-12-25')).toBe(false); // Friday
  });

  it('refuses bad dates and weekends at import, not at fire time', () => {
    expect(() => makeCalendar('X', [{ date: '2026-02-30', name: 'no such day' }])).toThrow(/2026-02-30/);
    expect(() => makeCalendar('X', [{ date: '24.12.2026', name: 'German spelling' }])).toThrow(RangeError);
    expect(() => makeCalendar('X', [], [0])).toThrow(/1–7/);
    expect(() => makeCalendar('X', [], [1, 2, 3, 4, 5, 6, 7])).toThrow(/no business day/);
    expect(() => isBusinessDay(makeCalendar('X', []), '20261224')).toThrow(RangeError);
  });

  it('keeps both names when two lists name one day differently', () => {
    const calendar = makeCalendar('X', [
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2026-12-25', name: 'Christmas' },
      { date: '2026-12-25', name: 'Christmas Day' },
    ]);
    expect(calendar.holidays.get('2026-12-25')).toBe('Christmas Day / Christmas');
  });
});

describeWithHolidays('calendars from the shared holiday data', () => {
  it('TARGET2 closes on New Year, Good Friday, Easter Monday, 1 May and 25–26 December only', () => {
    const t2 = holidayCalendar('TARGET2-closing', 'TARGET2');
    for (const closed of ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-01', '2025-12-25', '2025-12-26']) expect(isBusinessDay(t2, closed)).toBe(false);
    for (const open of ['2025-04-17', '2025-04-22', '2025-05-05', '2025-12-24', '2025-12-31', '2026-12-28']) expect(isBusinessDay(t2, open)).toBe(true);
    expect(isBusinessDay(t2, '2025-04-19')).toBe(false); // a Saturday
  });

  it('lists the business days of a month', () => {
    const t2 = holidayCalendar('TARGET2-closing', 'TARGET2');
    const april = businessDaysInMonth(t2, 2025, 4);
    expect(april).toHaveLength(20); // 22 weekdays less Good Friday and Easter Monday
    expect(april[0]).toBe('2025-04-01');
    expect(april.at(-1)).toBe('2025-04-30');
    expect(april).not.toContain('2025-04-18');
    expect(april).not.toContain('2025-04-21');
    const us = holidayCalendar('US-federal');
    const november = businessDaysInMonth(us, 2026, 11);
    expect(november).toHaveLength(19); // 21 weekdays less Veterans Day (11th) and Thanksgiving (26th)
    expect(() => businessDaysInMonth(us, 2026, 13)).toThrow(RangeError);
  });

  it('combines calendars: a day is open only if it is open in every one (TARGET2 + England)', () => {
    const t2 = holidayCalendar('TARGET2-closing', 'TARGET2');
    const eng = holidayCalendar('GB-ENG-bank', 'GB-ENG');
    const eurFromLondon = combineCalendars('TARGET2+GB-ENG', [t2, eng]);
    expect(eurFromLondon.name).toBe('TARGET2+GB-ENG');
    // 1 May: TARGET2 closed, England open. Early May and Summer bank holidays: the reverse.
    expect([isBusinessDay(t2, '2025-05-01'), isBusinessDay(eng, '2025-05-01'), isBusinessDay(eurFromLondon, '2025-05-01')]).toEqual([false, true, false]);
    expect([isBusinessDay(t2, '2025-05-05'), isBusinessDay(eng, '2025-05-05'), isBusinessDay(eurFromLondon, '2025-05-05')]).toEqual([true, false, false]);
    expect(isBusinessDay(eurFromLondon, '2025-08-25')).toBe(false);
    // The Boxing Day substitute of 2026 (Monday 28 December) is English only.
    expect(isBusinessDay(t2, '2026-12-28')).toBe(true);
    expect(isBusinessDay(eurFromLondon, '2026-12-28')).toBe(false);
    expect(isBusinessDay(eurFromLondon, '2025-05-06')).toBe(true);
    expect(eurFromLondon.holidays.get('2025-12-25')).toBe('Christmas Day');
    expect(businessDaysInMonth(eurFromLondon, 2025, 5)).toHaveLength(22 - 3); // 1 May, 5 May, 26 May
  });

  it('combines weekends as a union', () => {
    const combined = combineCalendars('mixed', [makeCalendar('AE', [], [5, 6]), makeCalendar('EU', [])]);
    expect(combined.weekend).toEqual([5, 6, 7]);
    expect(() => combineCalendars('none', [])).toThrow(RangeError);
  });
});
