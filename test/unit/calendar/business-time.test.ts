import { describe, expect, it } from 'vitest';
import { addBusinessDaysAt, addBusinessHours, businessHoursBetween, makeCalendar } from '../../../src-main/core/calendar';
import { describeWithHolidays, holidayCalendar } from './holiday-data';
import { iso, utc } from './instants';

const OFFICE = { from: '09:00', to: '17:00' };
const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';

describeWithHolidays('addBusinessDaysAt on the shared calendars', () => {
  it('waits over Easter in TARGET2, at the same local time or at a given time', () => {
    const t2 = holidayCalendar('TARGET2-closing', 'TARGET2');
    const thursday3pm = utc('2025-04-17T13:00Z'); // 15:00 CEST
    expect(iso(addBusinessDaysAt(t2, thursday3pm, 2, BERLIN))).toBe('2025-04-23T13:00Z');
    expect(iso(addBusinessDaysAt(t2, thursday3pm, 2, BERLIN, '09:00'))).toBe('2025-04-23T07:00Z');
  });

  it('keeps the local time across a DST change (Easter 2027 is also the spring-forward weekend)', () => {
    const t2 = holidayCalendar('TARGET2-closing', 'TARGET2');
    // Thursday 25 March 10:00 CET; Friday 26 and Monday 29 are closed; Tuesday 30 is in CEST.
    expect(iso(addBusinessDaysAt(t2, utc('2027-03-25T09:00Z'), 1, BERLIN))).toBe('2027-03-30T08:00Z');
  });

  it('waits over Thanksgiving in New York', () => {
    const us = holidayCalendar('US-federal');
    expect(iso(addBusinessDaysAt(us, utc('2026-11-25T17:00Z'), 1, NEW_YORK))).toBe('2026-11-27T17:00Z');
    expect(iso(addBusinessDaysAt(us, utc('2026-11-25T17:00Z'), 1, NEW_YORK, '08:30'))).toBe('2026-11-27T13:30Z');
  });

  it('with 0 days is the next business occurrence of the time, never the past', () => {
    const t2 = holidayCalendar('TARGET2-closing', 'TARGET2');
    const tuesday7pm = utc('2025-04-22T17:00Z');
    expect(addBusinessDaysAt(t2, tuesday7pm, 0, BERLIN)).toBe(tuesday7pm);
    expect(iso(addBusinessDaysAt(t2, tuesday7pm, 0, BERLIN, '20:00'))).toBe('2025-04-22T18:00Z');
    expect(iso(addBusinessDaysAt(t2, tuesday7pm, 0, BERLIN, '18:00'))).toBe('2025-04-23T16:00Z');
    expect(iso(addBusinessDaysAt(t2, utc('2025-04-19T08:00Z'), 0, BERLIN))).toBe('2025-04-22T08:00Z'); // Saturday → Tuesday
  });
});

describe('addBusinessDaysAt on DST days', () => {
  const everyDay = makeCalendar('every day', [], []);

  it('a time in the spring-forward gap happens just after it; a repeated time at its first occurrence', () => {
    expect(iso(addBusinessDaysAt(everyDay, utc('2027-03-27T11:00Z'), 1, BERLIN, '02:30'))).toBe('2027-03-28T01:30Z'); // 03:30 CEST
    expect(iso(addBusinessDaysAt(everyDay, utc('2027-10-30T10:00Z'), 1, BERLIN, '02:30'))).toBe('2027-10-31T00:30Z'); // 02:30 CEST
    expect(iso(addBusinessDaysAt(everyDay, utc('2027-10-30T00:30Z'), 1, BERLIN))).toBe('2027-10-31T00:30Z');
  });

  it('starting in the second occurrence of a repeated hour, 0 days is that instant and 1 day is the next 02:30', () => {
    const secondTwoThirty = utc('2027-10-31T01:30Z'); // 02:30 CET
    expect(addBusinessDaysAt(everyDay, secondTwoThirty, 0, BERLIN)).toBe(secondTwoThirty);
    expect(iso(addBusinessDaysAt(everyDay, secondTwoThirty, 1, BERLIN))).toBe('2027-11-01T01:30Z');
  });

  it('refuses bad times and zones', () => {
    expect(() => addBusinessDaysAt(everyDay, 0, 1, BERLIN, '9:00')).toThrow(RangeError);
    expect(() => addBusinessDaysAt(everyDay, 0, 1, 'Europe/Frankfurt')).toThrow(RangeError);
  });
});

describeWithHolidays('addBusinessHours on the shared calendars', () => {
  it('counts only opening hours of business days (Easter in TARGET2)', () => {
    const t2 = holidayCalendar('TARGET2-closing', 'TARGET2');
    expect(iso(addBusinessHours(t2, utc('2025-04-17T13:00Z'), 4, BERLIN, OFFICE))).toBe('2025-04-22T09:00Z'); // 2 h Thursday, 2 h Tuesday
    expect(iso(addBusinessHours(t2, utc('2025-04-22T05:00Z'), 1, BERLIN, OFFICE))).toBe('2025-04-22T08:00Z'); // 07:00 counts from 09:00
    expect(iso(addBusinessHours(t2, utc('2025-04-22T07:00Z'), 8, BERLIN, OFFICE))).toBe('2025-04-22T15:00Z'); // a full day ends at 17:00
    expect(iso(addBusinessHours(t2, utc('2025-04-22T16:00Z'), 0, BERLIN, OFFICE))).toBe('2025-04-23T07:00Z'); // 0 h after closing: next opening
    expect(iso(addBusinessHours(t2, utc('2025-04-22T07:00Z'), 1.5, BERLIN, OFFICE))).toBe('2025-04-22T08:30Z');
  });

  it('crosses the spring-forward weekend in local opening hours', () => {
    const t2 = holidayCalendar('TARGET2-closing', 'TARGET2');
    // Thursday 25 March 2027 16:00 CET + 3 h: 1 h that day, then Tuesday 30 March from 09:00 CEST.
    expect(iso(addBusinessHours(t2, utc('2027-03-25T15:00Z'), 3, BERLIN, OFFICE))).toBe('2027-03-30T09:00Z');
  });

  it('works in New York over Thanksgiving, and businessHoursBetween inverts it', () => {
    const us = holidayCalendar('US-federal');
    const start = utc('2026-11-25T20:00Z'); // Wednesday 15:00 EST
    const due = addBusinessHours(us, start, 4, NEW_YORK, OFFICE);
    expect(iso(due)).toBe('2026-11-27T16:00Z');
    expect(businessHoursBetween(us, start, due, NEW_YORK, OFFICE)).toBe(4);
    expect(businessHoursBetween(us, due, start, NEW_YORK, OFFICE)).toBe(-4);
    expect(businessHoursBetween(us, utc('2026-11-23T00:00Z'), utc('2026-11-30T00:00Z'), NEW_YORK, OFFICE)).toBe(32); // Mon, Tue, Wed, Fri
  });
});

describe('business hours on DST days', () => {
  const everyDay = makeCalendar('every day', [], []);
  const night = { from: '00:00', to: '06:00' };

  it('measures windows in real time: the spring-forward night shift is 5 hours, the fall-back one 7', () => {
    expect(businessHoursBetween(everyDay, utc('2027-03-27T22:00Z'), utc('2027-03-28T22:00Z'), BERLIN, night)).toBe(5);
    expect(businessHoursBetween(everyDay, utc('2027-10-30T21:00Z'), utc('2027-10-31T21:00Z'), BERLIN, night)).toBe(7);
    expect(iso(addBusinessHours(everyDay, utc('2027-03-27T23:00Z'), 5, BERLIN, night))).toBe('2027-03-28T04:00Z'); // 06:00 CEST
  });

  it('refuses negative hours and inverted opening hours', () => {
    expect(() => addBusinessHours(everyDay, 0, -1, BERLIN, OFFICE)).toThrow(RangeError);
    expect(() => addBusinessHours(everyDay, 0, 1, BERLIN, { from: '17:00', to: '09:00' })).toThrow(RangeError);
  });
});
