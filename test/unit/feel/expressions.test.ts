import { describe, expect, it } from 'vitest';
import { compileExpression, evaluateExpression, FeelEvaluationError, referencedNames } from '../../../src-main/core/feel';
import { feel } from './feel-helpers';

describe('FEEL expressions', () => {
  it('follows paths, also through lists', () => {
    const order = { customer: { address: { city: 'Lyon' } }, lines: [{ sku: 'A' }, { sku: 'B' }] };
    expect(feel('order.customer.address.city', { order })).toBe('Lyon');
    expect(feel('order.lines.sku', { order })).toEqual(['A', 'B']);
    expect(feel('order.customer.phone', { order })).toBeNull();
  });

  it('filters lists by condition and by 1-based position', () => {
    expect(feel('[1, 2, 3, 4][item > 2]')).toEqual([3, 4]);
    expect(feel('[1, 2, 3][1]')).toBe(1);
    expect(feel('[1, 2, 3][-1]')).toBe(3);
    expect(feel('[1, 2, 3][4]')).toBeNull();
    expect(feel('[1, 2, 3][0]')).toBeNull();
    expect(
      feel('lines[amount > 10].sku', {
        lines: [
          { sku: 'A', amount: 5 },
          { sku: 'B', amount: 50 },
        ],
      }),
    ).toEqual(['B']);
    expect(feel('[][item > 1]')).toEqual([]);
    expect(feel('5[item > 1]')).toEqual([5]);
  });

  it('evaluates if, between, in and comparisons', () => {
    expect(feel('if x > 10 then "big" else "small"', { x: 11 })).toBe('big');
    expect(feel('if null then 1 else 2')).toBe(2);
    expect(feel('5 between 1 and 10')).toBe(true);
    expect(feel('x in [1..5)', { x: 5 })).toBe(false);
    expect(feel('x in (1, 2, > 3)', { x: 4 })).toBe(true);
    expect(feel('"b" in ["a", "b"]')).toBe(true);
    expect(feel('[1, 2] in [[1, 2], [3]]')).toBe(true);
    expect(feel('[1, 2] in [1, 2]')).toBe(true);
    expect(feel('x in < 10', { x: 3 })).toBe(true);
    expect(feel('"a" < "b"')).toBe(true);
    expect(feel('[1, 2] = [1, 2]')).toBe(true);
    expect(feel('{a: 1} = {a: 1}')).toBe(true);
    expect(feel('1 = "1"')).toBeNull();
    expect(feel('null = null')).toBe(true);
    expect(feel('1 != null')).toBe(true);
  });

  it('iterates with for, some and every', () => {
    expect(feel('for x in [1, 2, 3] return x * 2')).toEqual([2, 4, 6]);
    expect(feel('for x in 1..3 return x')).toEqual([1, 2, 3]);
    expect(feel('for x in 3..1 return x')).toEqual([3, 2, 1]);
    expect(feel('for x in [1, 2], y in [10, 20] return x + y')).toEqual([11, 21, 12, 22]);
    expect(feel('for i in 1..4 return if i = 1 then 1 else i * partial[-1]')).toEqual([1, 2, 6, 24]);
    expect(feel('for d in @"2026-02-27"..@"2026-03-01" return d')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
    expect(feel('some x in [1, 2, 3] satisfies x > 2')).toBe(true);
    expect(feel('every x in [1, 2, 3] satisfies x > 2')).toBe(false);
    expect(feel('every x in [] satisfies x > 2')).toBe(true);
  });

  it('builds contexts whose entries see earlier entries, and lists and ranges', () => {
    expect(feel('{a: 1, b: a + 1}')).toEqual({ a: 1, b: 2 });
    expect(feel('{"a b": 1}')).toEqual({ 'a b': 1 });
    expect(feel('[1, "a", null, [true]]')).toEqual([1, 'a', null, [true]]);
    expect(feel('[1..10).end included')).toBe(false);
    expect(feel('(< 10).end')).toBe(10);
  });

  it('defines and calls functions with positional and named arguments, also recursively', () => {
    expect(feel('{add: function(a, b) a + b, r: add(1, 2)}.r')).toBe(3);
    expect(feel('{add: function(a, b) a - b, r: add(b: 1, a: 5)}.r')).toBe(4);
    expect(feel('{f: function(n) if n <= 1 then 1 else n * f(n - 1), r: f(25)}.r')).toEqual({ $decimal: '15511210043330985984000000' });
    expect(feel('(function(x) x + 1)(41)')).toBe(42);
    expect(feel('substring(string: "foobar", start position: 4)')).toBe('bar');
    expect(feel('{add: function(a, b) a + b, r: add(1)}.r')).toBeNull();
  });

  it('checks types with instance of', () => {
    expect(feel('1 instance of number')).toBe(true);
    expect(feel('"1" instance of number')).toBe(false);
    expect(feel('@"2026-01-01" instance of date')).toBe(true);
    expect(feel('@"2026-01-01T10:00:00" instance of date and time')).toBe(true);
    expect(feel('@"P1D" instance of days and time duration')).toBe(true);
    expect(feel('[1, 2] instance of list<number>')).toBe(true);
    expect(feel('{a: 1} instance of context<a: number>')).toBe(true);
    expect(feel('null instance of Null')).toBe(true);
    expect(feel('null instance of Any')).toBe(false);
    expect(feel('(function(x) x) instance of function<Any> -> Any')).toBe(true);
  });

  it('propagates null through mismatched types instead of throwing', () => {
    expect(feel('null + 1')).toBeNull();
    expect(feel('"a" * 2')).toBeNull();
    expect(feel('x.y.z', { x: null })).toBeNull();
    expect(feel('date("not a date")')).toBeNull();
    expect(feel('unknown + 1')).toBeNull();
    expect(feel('nosuchfunction(1)')).toBeNull();
  });

  it('uses three-valued logic for and, or and not', () => {
    const table: [string, boolean | null][] = [
      ['true and null', null],
      ['false and null', false],
      ['true or null', true],
      ['false or null', null],
      ['not(null)', null],
      ['not(1)', null],
      ['"x" and true', null],
    ];
    for (const [source, expected] of table) expect(feel(source), source).toBe(expected);
  });

  it('throws for unknown names in strict mode, at their offset', () => {
    const compiled = compileExpression('amount + fees');
    if (!compiled.ok) throw new Error('syntax');
    expect(() => evaluateExpression(compiled.compiled, { amount: 1 }, { strict: true })).toThrow(FeelEvaluationError);
    try {
      evaluateExpression(compiled.compiled, { amount: 1 }, { strict: true });
    } catch (error) {
      expect(error).toMatchObject({ code: 'UNKNOWN_VARIABLE', from: 9, to: 13 });
    }
    expect(() => feel('nosuch(1)', {}, { strict: true })).toThrow(/unknown function "nosuch"/);
    expect(feel('amount.missing', { amount: {} }, { strict: true })).toBeNull();
    expect(feel('x', { x: null }, { strict: true })).toBeNull();
  });

  it('lets a variable named like a built-in stay a variable, and still calls the built-in', () => {
    expect(feel('date(date)', { date: '2026-11-30' })).toBe('2026-11-30');
  });

  it('refuses to return functions and ranges as JSON', () => {
    expect(() => feel('function(x) x')).toThrow(expect.objectContaining({ code: 'NOT_JSON' }));
    expect(() => feel('[1..2]')).toThrow(expect.objectContaining({ code: 'NOT_JSON' }));
  });

  it('stops runaway evaluations with a LIMIT error', () => {
    expect(() => feel('for x in 1..10000000 return x')).toThrow(expect.objectContaining({ code: 'LIMIT' }));
    expect(() => feel('{f: function(n) f(n + 1), r: f(1)}.r')).toThrow(expect.objectContaining({ code: 'LIMIT' }));
  });

  it('lists the names an expression reads', () => {
    const names = (source: string) => {
      const compiled = compileExpression(source);
      if (!compiled.ok) throw new Error('syntax');
      return referencedNames(compiled.compiled);
    };
    expect(names('invoice.total.amount > limit and count(lines) > 0')).toEqual(['invoice', 'limit', 'lines']);
    expect(names('for x in items return x + fee')).toEqual(['items', 'fee']);
    expect(names('{a: 1, b: a + c}')).toEqual(['c']);
    expect(names('(function(p) p * rate)(2)')).toEqual(['rate']);
    expect(names('lines[item.amount > min]')).toEqual(['lines', 'min']);
    expect(names('cost centre = "CC-1"')).toEqual(['cost centre']);
  });
});
