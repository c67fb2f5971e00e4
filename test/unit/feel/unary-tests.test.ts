import { describe, expect, it } from 'vitest';
import { unary } from './feel-helpers';

/** [unary tests, input, expected] — the cells of a decision table against an input value. */
const table: [string, unknown, boolean][] = [
  ['-', 'anything', true],
  ['-', null, true],
  ['', 42, true],
  ['10', 10, true],
  ['10', 10.0, true],
  ['10', 11, false],
  ['"A"', 'A', true],
  ['"A","B"', 'B', true],
  ['"A","B"', 'C', false],
  ['true', true, true],
  ['false', true, false],
  ['null', null, true],
  ['< 10', 9.99, true],
  ['< 10', 10, false],
  ['<= 10', 10, true],
  ['> 10', 10, false],
  ['>= 10', 10, true],
  ['< 10', null, false],
  ['< 10', 'a', false],
  ['= 5', 5, true],
  ['!= 5', 6, true],
  ['!= 5', 5, false],
  ['[1..5]', 5, true],
  ['[1..5)', 5, false],
  ['(1..5]', 1, false],
  [']1..5[', 3, true],
  ['1, [5..10]', 7, true],
  ['1, [5..10]', 3, false],
  ['not("A")', 'B', true],
  ['not("A")', 'A', false],
  ['not("A", "B")', 'C', true],
  ['not(< 10)', 10, true],
  ['not(< 10)', null, false],
  ['not([1..5])', 6, true],
  ['? > 3', 4, true],
  ['? > 3', 2, false],
  ['? = false', false, true],
  ['matches(?, "^INV-")', 'INV-1', true],
  ['[1, 2, 3]', 2, true],
  ['date("2026-01-01")', '2026-01-01', false],
  ['"2026-01-01"', '2026-01-01', true],
  ['0.3', 0.3, true],
  ['< 0.1 + 0.2', 0.3, false],
  ['<= 0.1 + 0.2', 0.3, true],
];

describe('unary tests', () => {
  it.each(table)('%j against %j is %s', (tests, input, expected) => {
    expect(unary(tests, input)).toBe(expected);
  });

  it('compares with variables', () => {
    expect(unary('< limit', 999.99, { limit: 1000 })).toBe(true);
    expect(unary('? > limits.single', 5001, { limits: { single: 5000 } })).toBe(true);
    expect(unary('[low..high]', 5, { low: 1, high: 10 })).toBe(true);
  });

  it('compares dates given as FEEL dates', () => {
    expect(unary('>= date("2026-01-01")', '2026-01-01', {})).toBe(false);
  });
});
