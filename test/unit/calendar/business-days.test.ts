import { describe, expect, it } from 'vitest';
import { addBusinessDays, makeCalendar } from '../../../src-main/core/calendar';
import { describeWithHolidays, holidayCalendar } from './holiday-data';

describeWithHolidays('T+n on the shared calendars', () => {
  it('counts T+2 across Easter in TARGET2 (Good Friday and Easter Monday 2025)', () => {
    const t2 = holidayCalendar('TARGET2-closing', 'TARGET2');
    expect(addBusinessDays(t2, '2025-04-17', 1)).toBe('2025-04-22');
    expect(addBusinessDays(t2, '2025-04-17', 2)).toBe('2025-04-23');
    expect(addBusinessDays(t2, '2025-04-16', 2)).toBe('2025-04-22');
  });

  it('counts T+2 across Christmas and Boxing Day in England, with the 2026 substitute day', () => {
    const eng = holidayCalendar('GB-ENG-bank');
    expect(addBusinessDays(eng, '2025-12-24', 2)).toBe('2025-12-30');
    expect(addBusinessDays(eng, '2026-12-24', 2)).toBe('2026-12-30'); // 25 Fri, weekend, 28 Mon (substitute) closed
    expect(addBusinessDays(eng, '2026-12-23', 2)).toBe('2026-12-29');
  });

  it('counts backwards for negative n', () => {
    const t2 = holidayCalendar('TARGET2-closing', 'TARGET2');
    expect(addBusinessDays(t2, '2025-04-22', -1)).toBe('2025-04-17');
    expect(addBusinessDays(t2, '2025-04-22', -2)).toBe('2025-04-16');
    expect(addBusinessDays(t2, '2025-04-20', -1)).toBe('2025-04-17'); // Easter Sunday
  });

  it('never counts the start date: T+1 of a closed day is the first business day after it; T+0 of a closed day is the next business day', () => {
    const t2 = holidayCalendar('TARGET2-closing', 'TARGET2');
    expect(addBusinessDays(t2, '2025-04-19', 1)).toBe('2025-04-22'); // Saturday of Easter
    expect(addBusinessDays(t2, '2025-04-19', 2)).toBe('2025-04-23');
    expect(addBusinessDays(t2, '2025-04-18', 0)).toBe('2025-04-22');
    expect(addBusinessDays(t2, '2025-04-17', 0)).toBe('2025-04-17');
  });

  it('steps over a US Thanksgiving', () => {
    const us = holidayCalendar('US-federal');
    expect(addBusinessDays(us, '2026-11-25', 1)).toBe('2026-11-27');
    expect(addBusinessDays(us, '2026-11-25', 3)).toBe('2026-12-01');
  });
});

describe('T+n without holiday data', () => {
  it('refuses fractions of a day', () => {
    expect(() => addBusinessDays(makeCalendar('plain', []), '2026-12-01', 1.5)).toThrow(RangeError);
  });

  it('counts long distances (T+260 of 1 January 2026 is 31 December)', () => {
    expect(addBusinessDays(makeCalendar('plain', []), '2026-01-01', 260)).toBe('2026-12-31');
  });
});
