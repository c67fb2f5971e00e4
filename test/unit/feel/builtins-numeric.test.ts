import { describe, expect, it } from 'vitest';
import { feel } from './feel-helpers';

describe('numeric built-ins', () => {
  it('decimal() rounds half to even', () => {
    expect(feel('decimal(1/3, 2)')).toBe(0.33);
    expect(feel('decimal(2.5, 0)')).toBe(2);
    expect(feel('decimal(3.5, 0)')).toBe(4);
    expect(feel('decimal(0.125, 2)')).toBe(0.12);
    expect(feel('decimal(1234.5, -2)')).toBe(1200);
  });

  it('floor, ceiling and the rounding modes', () => {
    expect(feel('floor(-1.5)')).toBe(-2);
    expect(feel('floor(1.56, 1)')).toBe(1.5);
    expect(feel('ceiling(1.5)')).toBe(2);
    expect(feel('ceiling(-1.56, 1)')).toBe(-1.5);
    expect(feel('round up(5.5, 0)')).toBe(6);
    expect(feel('round up(-5.5, 0)')).toBe(-6);
    expect(feel('round down(5.5, 0)')).toBe(5);
    expect(feel('round half up(5.5, 0)')).toBe(6);
    expect(feel('round half up(-5.5, 0)')).toBe(-6);
    expect(feel('round half down(5.5, 0)')).toBe(5);
    expect(feel('round half down(5.51, 0)')).toBe(6);
  });

  it('abs, modulo, sqrt, log, exp, odd, even', () => {
    expect(feel('abs(-10)')).toBe(10);
    expect(feel('abs(duration("-P1D"))')).toBe('P1D');
    expect(feel('modulo(12, 5)')).toBe(2);
    expect(feel('modulo(-12, 5)')).toBe(3);
    expect(feel('modulo(12, -5)')).toBe(-3);
    expect(feel('modulo(10.1, 4.5)')).toBe(1.1);
    expect(feel('modulo(1, 0)')).toBeNull();
    expect(feel('sqrt(16)')).toBe(4);
    expect(feel('sqrt(-1)')).toBeNull();
    expect(feel('decimal(log(10), 4)')).toBe(2.3026);
    expect(feel('log(0)')).toBeNull();
    expect(feel('decimal(exp(1), 5)')).toBe(2.71828);
    expect(feel('odd(5)')).toBe(true);
    expect(feel('even(-4)')).toBe(true);
    expect(feel('odd(1.5)')).toBeNull();
  });
});
