import { describe, expect, it } from 'vitest';
import { adjust, CONVENTIONS, makeCalendar, type Convention } from '../../../src-main/core/calendar';
import { describeWithHolidays, holidayCalendar } from './holiday-data';

type Row = [date: string, following: string, modifiedFollowing: string, preceding: string, modifiedPreceding: string];

// The worked example of docs/calendars-and-schedules.md; "none" always returns the date.
const TARGET2_TABLE: Row[] = [
  ['2025-04-18', '2025-04-22', '2025-04-22', '2025-04-17', '2025-04-17'], // Good Friday, then the weekend and Easter Monday
  ['2025-05-31', '2025-06-02', '2025-05-30', '2025-05-30', '2025-05-30'], // Saturday, last day of May: MF rolls back into May
  ['2026-01-01', '2026-01-02', '2026-01-02', '2025-12-31', '2026-01-02'], // New Year: MP stays in January
  ['2025-06-01', '2025-06-02', '2025-06-02', '2025-05-30', '2025-06-02'], // Sunday, first day of June
  ['2025-04-22', '2025-04-22', '2025-04-22', '2025-04-22', '2025-04-22'], // a business day does not move
];

describeWithHolidays('conventions on the shared calendars', () => {
  it('adjusts the worked example in TARGET2', () => {
    const t2 = holidayCalendar('TARGET2-closing', 'TARGET2');
    for (const [date, ...expected] of TARGET2_TABLE) {
      const actual = (['following', 'modified-following', 'preceding', 'modified-preceding'] as const).map((c) => adjust(t2, date, c));
      expect([date, ...actual]).toEqual([date, ...expected]);
      expect(adjust(t2, date, 'none')).toBe(date);
    }
  });

  it('modified following rolls a month-end bank holiday back into its month (England, Summer bank holiday 2026)', () => {
    const eng = holidayCalendar('GB-ENG-bank');
    expect(adjust(eng, '2026-08-31', 'following')).toBe('2026-09-01');
    expect(adjust(eng, '2026-08-31', 'modified-following')).toBe('2026-08-28');
  });

  it('modified following at a US month end (Memorial Day 2027 is 31 May)', () => {
    const us = holidayCalendar('US-federal');
    expect(adjust(us, '2027-05-31', 'following')).toBe('2027-06-01');
    expect(adjust(us, '2027-05-31', 'modified-following')).toBe('2027-05-28');
  });

  it('preceding and modified preceding at a month start (England, New Year 2027 on a Friday)', () => {
    const eng = holidayCalendar('GB-ENG-bank');
    expect(adjust(eng, '2027-01-01', 'preceding')).toBe('2026-12-31');
    expect(adjust(eng, '2027-01-01', 'modified-preceding')).toBe('2027-01-04');
    // Christmas 2026 in England: Friday 25, the weekend, and Monday 28 (Boxing Day substitute).
    expect(adjust(eng, '2026-12-26', 'following')).toBe('2026-12-29');
    expect(adjust(eng, '2026-12-28', 'preceding')).toBe('2026-12-24');
  });
});

describe('conventions without holiday data', () => {
  it('leave business days alone under every convention', () => {
    const plain = makeCalendar('plain', []);
    for (const convention of CONVENTIONS) expect(adjust(plain, '2026-12-02', convention as Convention)).toBe('2026-12-02');
  });

  it('roll back into the previous month when a whole month is closed, as QuantLib does', () => {
    const days = Array.from({ length: 28 }, (_, i) => ({ date: `2027-02-${String(i + 1).padStart(2, '0')}`, name: 'closed' }));
    const closedFebruary = makeCalendar('closed-feb', days);
    expect(adjust(closedFebruary, '2027-02-15', 'modified-following')).toBe('2027-01-29');
    expect(adjust(closedFebruary, '2027-02-15', 'modified-preceding')).toBe('2027-03-01');
  });
});
