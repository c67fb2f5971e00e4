import { Decimal, finite, isDecimal } from './decimal';
import { DaysTimeDuration, YearsMonthsDuration, isDuration, isTemporal } from './temporal';
import { difference, shift } from './temporal-arithmetic';
import { kindOf, type FeelValue } from './values';

export type ArithOp = '+' | '-' | '*' | '/' | '**';

type Duration = DaysTimeDuration | YearsMonthsDuration;

/** Dates, times and dates and times: the temporals that are points, not lengths. */
function isPoint(v: FeelValue): boolean {
  return isTemporal(v) && !isDuration(v);
}

function number(d: Decimal): Decimal | null {
  return d.isNaN() ? null : finite(d);
}

/** Scales a duration; a years-and-months duration stays whole months (the fraction is truncated toward zero). */
function scale(d: Duration, factor: Decimal, divide: boolean): Duration | null {
  if (divide && factor.isZero()) return null;
  if (d.kind === 'days and time duration') return new DaysTimeDuration(divide ? d.seconds.div(factor) : d.seconds.times(factor));
  const months = divide ? new Decimal(d.months).div(factor) : new Decimal(d.months).times(factor);
  return new YearsMonthsDuration(months.toDecimalPlaces(0, Decimal.ROUND_DOWN).toNumber());
}

function add(a: FeelValue, b: FeelValue): FeelValue {
  if (isDecimal(a) && isDecimal(b)) return number(a.plus(b));
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  if (isTemporal(a) && isDuration(b)) return kindOf(a) === kindOf(b) || isPoint(a) ? shift(a, b, 1) : null;
  if (isDuration(a) && isTemporal(b) && isPoint(b)) return shift(b, a, 1);
  return null;
}

function subtract(a: FeelValue, b: FeelValue): FeelValue {
  if (isDecimal(a) && isDecimal(b)) return number(a.minus(b));
  if (isTemporal(a) && isDuration(b)) return kindOf(a) === kindOf(b) || isPoint(a) ? shift(a, b, -1) : null;
  if (isTemporal(a) && isTemporal(b) && isPoint(a) && isPoint(b)) return difference(a, b);
  return null;
}

function multiply(a: FeelValue, b: FeelValue): FeelValue {
  if (isDecimal(a) && isDecimal(b)) return number(a.times(b));
  if (isDuration(a) && isDecimal(b)) return scale(a, b, false);
  if (isDecimal(a) && isDuration(b)) return scale(b, a, false);
  return null;
}

function divide(a: FeelValue, b: FeelValue): FeelValue {
  if (isDecimal(a) && isDecimal(b)) return b.isZero() ? null : number(a.div(b));
  if (isDuration(a) && isDecimal(b)) return scale(a, b, true);
  if (a instanceof DaysTimeDuration && b instanceof DaysTimeDuration) return b.seconds.isZero() ? null : number(a.seconds.div(b.seconds));
  if (a instanceof YearsMonthsDuration && b instanceof YearsMonthsDuration) return b.months === 0 ? null : number(new Decimal(a.months).div(b.months));
  return null;
}

/**
 * The arithmetic operators over decimals and temporals. Mismatched operands, division by
 * zero and results outside decimal128's range are null, as the spec says, never NaN or
 * Infinity.
 */
export function arithmetic(op: ArithOp, a: FeelValue, b: FeelValue): FeelValue {
  if (a === null || b === null) return null;
  switch (op) {
    case '+':
      return add(a, b);
    case '-':
      return subtract(a, b);
    case '*':
      return multiply(a, b);
    case '/':
      return divide(a, b);
    case '**':
      return isDecimal(a) && isDecimal(b) ? number(a.pow(b)) : null;
  }
}

export function negate(a: FeelValue): FeelValue {
  if (isDecimal(a)) return a.negated();
  if (a instanceof DaysTimeDuration) return new DaysTimeDuration(a.seconds.negated());
  if (a instanceof YearsMonthsDuration) return new YearsMonthsDuration(-a.months || 0);
  return null;
}
