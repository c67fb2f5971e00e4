import { describe, expect, it } from 'vitest';
import { FeelEvaluationError, fromFeel, isDecimal, toFeel } from '../../../src-main/core/feel';
import { feel } from './feel-helpers';

describe('JSON ↔ FEEL conversion', () => {
  it('turns JSON numbers into decimals through their shortest text', () => {
    const d = toFeel(0.1);
    expect(isDecimal(d) && d.toString()).toBe('0.1');
    expect(fromFeel(toFeel(0.1))).toBe(0.1);
    expect(fromFeel(toFeel(-0))).toBe(0);
  });

  it('carries values a float cannot hold as {"$decimal"}', () => {
    const tagged = { $decimal: '123456789012345678.91' };
    expect(fromFeel(toFeel(tagged))).toEqual(tagged);
    expect(fromFeel(toFeel({ $decimal: '1.50' }))).toBe(1.5);
    expect(() => toFeel({ $decimal: 'abc' })).toThrow(FeelEvaluationError);
    expect(() => toFeel({ $decimal: '1.2345678901234567890123456789012345678' })).toThrow(/34 significant digits/);
  });

  it('turns Money into a context with a decimal amount, and back', () => {
    const money = { amount: '1250.10', currency: 'EUR' };
    const ctx = toFeel(money);
    expect(fromFeel(ctx)).toEqual({ amount: '1250.10', currency: 'EUR' });
    expect(feel('m.amount * 2', { m: money })).toBe(2500.2);
    expect(feel('{amount: m.amount + 0.9, currency: m.currency}', { m: money })).toEqual({ amount: '1251.00', currency: 'EUR' });
    // Not Money: a third key, or a currency that is no ISO code.
    expect(feel('{amount: 1, currency: "EUR", note: "x"}')).toEqual({ amount: 1, currency: 'EUR', note: 'x' });
    expect(feel('{amount: 1, currency: "XYZ"}')).toEqual({ amount: 1, currency: 'XYZ' });
  });

  it('writes temporals as ISO 8601 and leaves input strings alone', () => {
    expect(feel('x', { x: '2026-11-30' })).toBe('2026-11-30');
    expect(feel('x instance of string', { x: '2026-11-30' })).toBe(true);
    expect(feel('[date("2026-11-30"), time("10:15:00"), date and time("2026-11-30T10:15:00Z"), duration("P2DT3H"), duration("P1Y2M")]')).toEqual([
      '2026-11-30',
      '10:15:00',
      '2026-11-30T10:15:00Z',
      'P2DT3H',
      'P1Y2M',
    ]);
    expect(feel('date and time("2026-11-30T10:15:00+01:00")')).toBe('2026-11-30T10:15:00+01:00');
  });

  it('round-trips null, booleans, strings, lists and nested contexts', () => {
    const value = { a: null, b: [true, 'x', 1.5, { c: [] }], 'd e': { f: 'g' } };
    expect(fromFeel(toFeel(value))).toEqual(value);
    expect(feel('v', { v: value })).toEqual(value);
  });

  it('refuses what JSON cannot carry', () => {
    expect(() => toFeel(Number.NaN)).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    expect(() => toFeel(new Date())).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    expect(() => toFeel({ f: () => 1 })).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
  });

  it('keeps a "__proto__" key an ordinary key', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    const out = fromFeel(toFeel(value)) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
