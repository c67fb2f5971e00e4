import { describe, expect, it } from 'vitest';
import { feel } from './feel-helpers';

const clock = { now: () => Date.parse('2026-11-30T23:30:00Z') };

describe('FEEL dates, times and durations', () => {
  it('adds durations to dates', () => {
    expect(feel('date("2026-03-27") + duration("P3D")')).toBe('2026-03-30');
    expect(feel('date("2026-03-27") - duration("P27D")')).toBe('2026-02-28');
    expect(feel('date("2026-12-31") + duration("P1D")')).toBe('2027-01-01');
    expect(feel('date("2026-03-27") + duration("PT1H")')).toBe('2026-03-27');
    expect(feel('date("2026-03-27") - duration("PT1H")')).toBe('2026-03-26');
  });

  it('clamps month arithmetic to the end of the month', () => {
    expect(feel('date("2026-01-31") + duration("P1M")')).toBe('2026-02-28');
    expect(feel('date("2028-01-31") + duration("P1M")')).toBe('2028-02-29');
    expect(feel('date("2026-03-31") - duration("P1M")')).toBe('2026-02-28');
    expect(feel('date("2026-01-31") + duration("P1Y1M")')).toBe('2027-02-28');
  });

  it('ignores DST for dates, and treats days-and-time durations as exact lengths for zoned values', () => {
    // Europe/Paris leaves summer time on 2026-10-25: P1D is 24 hours, so the wall clock moves by one hour less.
    expect(feel('date("2026-10-24") + duration("P1D")')).toBe('2026-10-25');
    expect(feel('date and time("2026-10-24T12:00:00@Europe/Paris") + duration("P1D")')).toBe('2026-10-25T11:00:00@Europe/Paris');
    expect(feel('date and time("2026-10-24T12:00:00@Europe/Paris") + duration("P1M")')).toBe('2026-11-24T12:00:00@Europe/Paris');
    expect(feel('date and time("2026-10-24T12:00:00") + duration("P1D")')).toBe('2026-10-25T12:00:00');
  });

  it('subtracts points in time into durations', () => {
    expect(feel('date("2026-03-01") - date("2026-02-01")')).toBe('P28D');
    expect(feel('date("2026-02-01") - date("2026-03-01")')).toBe('-P28D');
    expect(feel('@"2026-11-30T10:15:00Z" - @"2026-11-29T08:00:00+01:00"')).toBe('P1DT3H15M');
    expect(feel('@"2026-11-30T10:15:00" - @"2026-11-30T10:15:00Z"')).toBeNull();
    expect(feel('time("10:15:30") - time("08:00:00")')).toBe('PT2H15M30S');
    expect(feel('years and months duration(date("2026-01-31"), date("2027-03-30"))')).toBe('P1Y1M');
  });

  it('does arithmetic on durations', () => {
    expect(feel('duration("P1DT2H") + duration("PT22H")')).toBe('P2D');
    expect(feel('duration("P1Y6M") * 2')).toBe('P3Y');
    expect(feel('duration("P1D") / 2')).toBe('PT12H');
    expect(feel('duration("P1D") / duration("PT1H")')).toBe(24);
    expect(feel('-duration("P1D")')).toBe('-P1D');
    expect(feel('duration("P1D") + duration("P1M")')).toBeNull();
    expect(feel('time("23:30:00") + duration("PT1H")')).toBe('00:30:00');
  });

  it('compares dates, times and durations', () => {
    expect(feel('date("2026-01-01") < date("2026-01-02")')).toBe(true);
    expect(feel('@"10:15:00+02:00" < @"09:00:00Z"')).toBe(true);
    expect(feel('@"2026-11-30T10:00:00+01:00" = @"2026-11-30T09:00:00Z"')).toBe(true);
    expect(feel('@"2026-11-30T10:00:00" < @"2026-11-30T10:00:00Z"')).toBeNull();
    expect(feel('@"2026-11-30T10:00:00" = @"2026-11-30T10:00:00Z"')).toBe(false);
    expect(feel('duration("PT36H") > duration("P1D")')).toBe(true);
    expect(feel('duration("P0D") = duration("P0M")')).toBe(true);
    expect(feel('date("2026-01-01") < date and time("2026-01-02T00:00:00")')).toBeNull();
  });

  it('exposes properties of temporal values', () => {
    expect(feel('d.year + d.month + d.day', { d: null })).toBeNull();
    expect(feel('date("2026-11-30").month')).toBe(11);
    expect(feel('date("2026-11-30").weekday')).toBe(1);
    expect(feel('@"2026-11-30T10:15:30.5@Europe/Paris".timezone')).toBe('Europe/Paris');
    expect(feel('@"2026-11-30T10:15:30.5@Europe/Paris".second')).toBe(30.5);
    expect(feel('@"2026-11-30T10:15:00+02:00".time offset')).toBe('PT2H');
    expect(feel('duration("P2DT3H").hours')).toBe(3);
    expect(feel('duration("P2Y5M").months')).toBe(5);
  });

  it('reads now() and today() from the injected clock and zone', () => {
    expect(feel('now()', {}, clock)).toBe('2026-11-30T23:30:00Z');
    expect(feel('today()', {}, clock)).toBe('2026-11-30');
    expect(feel('today()', {}, { ...clock, zone: 'Europe/Paris' })).toBe('2026-12-01');
    expect(feel('now()', {}, { ...clock, zone: '+02:00' })).toBe('2026-12-01T01:30:00+02:00');
    expect(() => feel('today()')).toThrow(expect.objectContaining({ code: 'NO_CLOCK' }));
  });
});
