import { describe, expect, it } from 'vitest';
import { add, allocate, compare, CurrencyMismatchError, formatMoney, Money, money, multiply, negate, roundToMinor, subtract } from '@shared/domain/money';

describe('Money', () => {
  it('adds decimals exactly where floats do not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(add(money('0.1', 'EUR'), money('0.2', 'EUR'))).toEqual({ amount: '0.30', currency: 'EUR' });
  });

  it('keeps large amounts exact', () => {
    const big = money('90071992547409931234.56', 'USD');
    expect(add(big, money('0.01', 'USD')).amount).toBe('90071992547409931234.57');
  });

  it('refuses to combine currencies', () => {
    expect(() => add(money('1', 'EUR'), money('1', 'USD'))).toThrow(CurrencyMismatchError);
    expect(() => compare(money('1', 'EUR'), money('1', 'USD'))).toThrow(/EUR and USD/);
  });

  it('subtracts, negates, multiplies and compares', () => {
    expect(subtract(money('10.00', 'EUR'), money('0.01', 'EUR')).amount).toBe('9.99');
    expect(negate(money('5', 'EUR')).amount).toBe('-5.00');
    expect(negate(money('0', 'EUR')).amount).toBe('0.00');
    expect(money('12.5', 'EUR').amount).toBe('12.50');
    expect(money('1234', 'JPY').amount).toBe('1234');
    expect(money('2.345', 'EUR').amount).toBe('2.345');
    expect(multiply(money('19.99', 'EUR'), '3').amount).toBe('59.97');
    expect(compare(money('100.00', 'EUR'), money('100', 'EUR'))).toBe(0);
    expect(compare(money('100.01', 'EUR'), money('100', 'EUR'))).toBe(1);
  });

  it("rounds to the currency minor units, banker's rounding by default", () => {
    expect(roundToMinor(money('2.345', 'EUR')).amount).toBe('2.34');
    expect(roundToMinor(money('2.355', 'EUR')).amount).toBe('2.36');
    expect(roundToMinor(money('2.345', 'EUR'), 'half-up').amount).toBe('2.35');
    expect(roundToMinor(money('1234.5', 'JPY')).amount).toBe('1234');
    expect(roundToMinor(money('1.2345', 'KWD')).amount).toBe('1.234');
  });

  it('allocates without losing or creating a cent', () => {
    const parts = allocate(money('100.00', 'EUR'), ['1', '1', '1']);
    expect(parts.map((p) => p.amount)).toEqual(['33.34', '33.33', '33.33']);
    const negative = allocate(money('-0.05', 'EUR'), ['1', '1']);
    expect(negative.map((p) => p.amount)).toEqual(['-0.03', '-0.02']);
  });

  it('validates the wire form and names the problem', () => {
    expect(Money.safeParse({ amount: '12.50', currency: 'EUR' }).success).toBe(true);
    const float = Money.safeParse({ amount: 12.5, currency: 'EUR' });
    expect(float.success).toBe(false);
    const exponent = Money.safeParse({ amount: '1e3', currency: 'EUR' });
    expect(exponent.error?.issues[0]?.message).toMatch(/decimal number written as a string/);
    const currency = Money.safeParse({ amount: '1', currency: 'EURO' });
    expect(currency.error?.issues[0]?.path).toEqual(['currency']);
    expect(currency.error?.issues[0]?.message).toMatch(/ISO 4217/);
  });

  it('formats without locale', () => {
    expect(formatMoney(money('1250', 'EUR'))).toBe('1250.00 EUR');
    expect(formatMoney(money('1250.125', 'EUR'))).toBe('1250.125 EUR');
  });
});
