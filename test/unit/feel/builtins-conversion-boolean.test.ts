import { describe, expect, it } from 'vitest';
import { feel } from './feel-helpers';

describe('conversion built-ins', () => {
  it('string()', () => {
    expect(feel('string(1.10)')).toBe('1.1');
    expect(feel('string(date("2026-11-30"))')).toBe('2026-11-30');
    expect(feel('string(true)')).toBe('true');
    expect(feel('string([1, "a"])')).toBe('[1, "a"]');
    expect(feel('string(null)')).toBeNull();
    expect(feel('string(1e25)')).toBe('10000000000000000000000000');
  });

  it('number() with grouping and decimal separators', () => {
    expect(feel('number("1 000,50", " ", ",")')).toBe(1000.5);
    expect(feel('number("1.000.000,01", ".", ",")')).toBe(1000000.01);
    expect(feel('number("1,000.5", ",", ".")')).toBe(1000.5);
    expect(feel('number("12.5")')).toBe(12.5);
    expect(feel('number("1,5", ",", ",")')).toBeNull();
    expect(feel('number("abc")')).toBeNull();
    expect(feel('number(from: "7")')).toBe(7);
  });

  it('date(), time(), date and time(), duration(), years and months duration()', () => {
    expect(feel('date("2026-11-30")')).toBe('2026-11-30');
    expect(feel('date(2026, 2, 28)')).toBe('2026-02-28');
    expect(feel('date(2026, 2, 29)')).toBeNull();
    expect(feel('date(date and time("2026-11-30T10:00:00Z"))')).toBe('2026-11-30');
    expect(feel('time("10:15:00.250")')).toBe('10:15:00.25');
    expect(feel('time(10, 15, 30)')).toBe('10:15:30');
    expect(feel('time(10, 15, 30, duration("PT2H"))')).toBe('10:15:30+02:00');
    expect(feel('time(date and time("2026-11-30T10:15:00@Europe/Paris"))')).toBe('10:15:00@Europe/Paris');
    expect(feel('date and time("2026-11-30T10:15:00@Europe/Paris")')).toBe('2026-11-30T10:15:00@Europe/Paris');
    expect(feel('date and time(date("2026-11-30"), time("10:15:00Z"))')).toBe('2026-11-30T10:15:00Z');
    expect(feel('date and time("2026-11-30T25:00:00")')).toBeNull();
    expect(feel('date and time("2026-11-30T10:00:00@Mars/Base")')).toBeNull();
    expect(feel('duration("P1Y2M")')).toBe('P1Y2M');
    expect(feel('duration("PT90M")')).toBe('PT1H30M');
    expect(feel('duration("P1Y2D")')).toBeNull();
    expect(feel('duration("P")')).toBeNull();
    expect(feel('years and months duration(date("2026-01-01"), date("2025-11-15"))')).toBe('-P1M');
  });
});

describe('boolean built-ins', () => {
  it('not()', () => {
    expect(feel('not(true)')).toBe(false);
    expect(feel('not(false)')).toBe(true);
    expect(feel('not(null)')).toBeNull();
    expect(feel('not(negand: false)')).toBe(true);
  });
});
