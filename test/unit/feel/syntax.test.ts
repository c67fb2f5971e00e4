import { describe, expect, it } from 'vitest';
import { compileExpression, compileUnaryTests } from '../../../src-main/core/feel';
import { feel } from './feel-helpers';

function syntaxError(source: string) {
  const result = compileExpression(source);
  if (result.ok) throw new Error(`expected a syntax error in ${source}`);
  return result.error;
}

describe('FEEL syntax', () => {
  it('reports the offset of the first error', () => {
    expect(syntaxError('a +')).toEqual({ message: 'unexpected end of expression', from: 3, to: 3 });
    expect(syntaxError('1 2')).toEqual({ message: 'unexpected "2"', from: 2, to: 3 });
    expect(syntaxError('(1, 2)')).toMatchObject({ message: 'unexpected ","', from: 2 });
    expect(syntaxError('if x then 1')).toMatchObject({ from: 11 });
    expect(syntaxError('"abc')).toMatchObject({ message: 'unterminated string', from: 0 });
    expect(syntaxError('')).toMatchObject({ message: 'empty expression' });
    expect(syntaxError('  ')).toMatchObject({ message: 'empty expression' });
  });

  it('reports errors of unary tests with offsets', () => {
    const result = compileUnaryTests('< 10, [1..');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.from).toBe(10);
  });

  it('refuses external functions and invalid temporal literals at compile time', () => {
    expect(syntaxError('function(x) external {java: {class: "java.lang.Runtime"}}')).toMatchObject({
      message: /external functions are not allowed/,
      from: 12,
      to: 20,
    });
    expect(syntaxError('@"2026-02-30"')).toMatchObject({ message: /is not a date/, from: 0, to: 13 });
  });

  it('refuses a context literal with a key given twice', () => {
    expect(syntaxError('{a: 1, b: 2, a: 3}')).toEqual({ message: 'the context has the key "a" twice', from: 13, to: 14 });
  });

  it('reads names with spaces, string escapes and comments', () => {
    expect(feel('cost centre + 1', { 'cost centre': 41 })).toBe(42);
    expect(feel('{first name: "Ada", last name: "Lovelace"}.last name')).toBe('Lovelace');
    expect(feel('"a\\"b\\\\c\\n\\u00e9"')).toBe('a"b\\c\n\u00e9');
    expect(feel('"\\d+"')).toBe('\\d+');
    expect(feel('/* block */ 1 + // line\n 2')).toBe(3);
  });

  it('accepts temporal literals', () => {
    expect(feel('@"2026-11-30"')).toBe('2026-11-30');
    expect(feel('@"10:15:00"')).toBe('10:15:00');
    expect(feel('@"2026-11-30T10:15:00Z"')).toBe('2026-11-30T10:15:00Z');
    expect(feel('@"P2DT3H"')).toBe('P2DT3H');
    expect(feel('@"P1Y2M"')).toBe('P1Y2M');
  });
});
