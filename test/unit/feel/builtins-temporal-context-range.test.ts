import { describe, expect, it } from 'vitest';
import { feel } from './feel-helpers';

describe('date and time built-ins', () => {
  it('is()', () => {
    expect(feel('is(date("2026-01-01"), date("2026-01-01"))')).toBe(true);
    expect(feel('is(@"10:00:00@Europe/Paris", @"10:00:00+01:00")')).toBe(false);
    expect(feel('@"2026-01-01T10:00:00@Europe/Paris" = @"2026-01-01T10:00:00+01:00"')).toBe(true);
    expect(feel('is(1, "1")')).toBe(false);
  });

  it('day of year, day of week, month of year, week of year', () => {
    expect(feel('day of year(date("2026-12-31"))')).toBe(365);
    expect(feel('day of week(date("2026-11-29"))')).toBe('Sunday');
    expect(feel('month of year(date("2026-11-30"))')).toBe('November');
    expect(feel('week of year(date("2026-12-31"))')).toBe(53);
    expect(feel('week of year(date("2027-01-01"))')).toBe(53);
    expect(feel('week of year(date and time("2026-01-05T10:00:00"))')).toBe(2);
  });
});

describe('context built-ins', () => {
  it('get value, get entries, context put, context merge, context', () => {
    expect(feel('get value({a: 1}, "a")')).toBe(1);
    expect(feel('get value({a: {b: 2}}, ["a", "b"])')).toBe(2);
    expect(feel('get value({a: 1}, "z")')).toBeNull();
    expect(feel('get entries({a: 1, b: 2})')).toEqual([
      { key: 'a', value: 1 },
      { key: 'b', value: 2 },
    ]);
    expect(feel('context put({a: 1}, "b", 2)')).toEqual({ a: 1, b: 2 });
    expect(feel('context put({a: {b: 1}}, ["a", "c"], 2)')).toEqual({ a: { b: 1, c: 2 } });
    expect(feel('context merge([{a: 1}, {b: 2}, {a: 3}])')).toEqual({ a: 3, b: 2 });
    expect(feel('context([{key: "a", value: 1}])')).toEqual({ a: 1 });
    expect(feel('context([{key: "a", value: 1}, {key: "a", value: 2}])')).toBeNull();
  });
});

describe('range built-ins', () => {
  const cases: [string, boolean | null][] = [
    ['before(1, 10)', true],
    ['before(1, [2..5])', true],
    ['before([1..5], 5)', false],
    ['before([1..5), 5)', true],
    ['before([1..5), [5..10])', true],
    ['before([1..5], [5..10])', false],
    ['after(10, 1)', true],
    ['after([5..10], [1..5))', true],
    ['meets([1..5], [5..10])', true],
    ['meets([1..5), [5..10])', false],
    ['met by([5..10], [1..5])', true],
    ['overlaps([1..5], [3..8])', true],
    ['overlaps([1..5), [5..8])', false],
    ['overlaps before([1..5], [3..8])', true],
    ['overlaps after([3..8], [1..5])', true],
    ['finishes(10, [1..10])', true],
    ['finishes([3..10], [1..10])', true],
    ['finished by([1..10], 10)', true],
    ['includes([1..10], 5)', true],
    ['includes([1..10), 10)', false],
    ['includes([1..10], [4..6])', true],
    ['includes(< 10, 5)', true],
    ['includes(>= 10, [10..20])', true],
    ['during(5, [1..10])', true],
    ['during([4..6], [1..10])', true],
    ['starts(1, [1..10])', true],
    ['starts([1..5], [1..10])', true],
    ['started by([1..10], 1)', true],
    ['coincides(5, 5)', true],
    ['coincides([1..5], [1..5])', true],
    ['coincides([1..5], (1..5])', false],
    ['includes([1..10], "a")', null],
    ['includes(range: [date("2026-01-01")..date("2026-12-31")], point: date("2026-06-30"))', true],
  ];
  it.each(cases)('%s is %s', (source, expected) => {
    expect(feel(source)).toBe(expected);
  });
});
