import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../../src-main/core/feel';
import { feel } from './feel-helpers';

describe('FEEL numbers are decimal128', () => {
  it('adds 0.1 and 0.2 exactly, where floats do not', () => {
    expect(0.1 + 0.2 === 0.3).toBe(false);
    expect(feel('0.1 + 0.2 = 0.3')).toBe(true);
    expect(feel('0.1 + 0.2')).toBe(0.3);
    expect(feel('a + b', { a: 0.1, b: 0.2 })).toBe(0.3);
  });

  it('divides to 34 significant digits, rounding half-even', () => {
    const third = feel('1/3') as { $decimal: string };
    expect(third.$decimal).toBe('0.3333333333333333333333333333333333');
    expect(third.$decimal.replace('0.', '')).toHaveLength(34);
    expect(feel('2/3')).toEqual({ $decimal: '0.6666666666666666666666666666666667' });
    expect(feel('1/3 * 3 = 1')).toBe(false);
  });

  it('compares money amounts exactly, also beyond float precision', () => {
    const invoice = { total: { amount: '10000.00', currency: 'EUR' } };
    expect(feel('invoice.total.amount > 10000', { invoice })).toBe(false);
    expect(feel('invoice.total.amount = 10000', { invoice })).toBe(true);
    expect(feel('invoice.total.amount > 9999.99', { invoice })).toBe(true);
    const big = { amount: '90071992547409931234.57', currency: 'USD' };
    expect(feel('big.amount > 90071992547409931234.56', { big })).toBe(true);
    expect(feel('big.amount - 0.01', { big })).toEqual({ $decimal: '90071992547409931234.56' });
    expect(
      feel('sum(for l in lines return l.amount)', {
        lines: [{ amount: '0.10' }, { amount: '0.20' }, { amount: '0.30' }].map((l) => ({ ...l, currency: 'EUR' })),
      }),
    ).toBe(0.6);
  });

  it('keeps values a float cannot hold as {"$decimal"} on both sides', () => {
    expect(feel('x + 1', { x: { $decimal: '123456789012345678.91' } })).toEqual({ $decimal: '123456789012345679.91' });
    expect(feel('12345678901234567890')).toEqual({ $decimal: '12345678901234567890' });
  });

  it('yields null, never NaN or Infinity, for undefined arithmetic', () => {
    expect(feel('1 / 0')).toBeNull();
    expect(feel('10 ** 7000')).toBeNull();
    expect(feel('(-8) ** 0.5')).toBeNull();
    expect(feel('1 + "a"')).toBeNull();
  });

  it('computes powers, unary minus and exponent literals', () => {
    expect(feel('2 ** 10')).toBe(1024);
    expect(feel('-x ** 2', { x: 3 })).toBe(9);
    expect(feel('1.5e3 + .5')).toBe(1500.5);
  });

  it('refuses number literals it would have to round', () => {
    const tooLong = compileExpression('1.23456789012345678901234567890123456');
    expect(tooLong.ok).toBe(false);
    if (!tooLong.ok) expect(tooLong.error.message).toMatch(/more than 34 significant digits/);
    expect(compileExpression('1e9999').ok).toBe(false);
  });
});
