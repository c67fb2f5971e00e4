import { Decimal, finite, type Rounding } from '../decimal';
import { DaysTimeDuration, YearsMonthsDuration } from '../temporal';
import type { FeelValue } from '../values';
import { builtin, int, num, type Group } from './define';

/** Numeric functions (DMN 1.5 §10.3.4.5), all on decimals: rounding is decimal rounding, never binary. */

/** decimal128's scale range (DMN 1.5: scale in −6111..6176). */
const MIN_SCALE = -6111;
const MAX_SCALE = 6176;

/** Rounds to `scale` digits after the point; a negative scale rounds to tens, hundreds, … */
function roundTo(n: Decimal | null, scale: number | null, mode: Rounding): FeelValue {
  if (n === null || scale === null || scale < MIN_SCALE || scale > MAX_SCALE) return null;
  if (scale >= 0) return n.toDecimalPlaces(scale, mode);
  const unit = new Decimal(10).pow(-scale);
  return finite(n.div(unit).toDecimalPlaces(0, mode).times(unit));
}

/** A rounding function taking (n) — scale 0 — and (n, scale). */
function rounding(name: string, mode: Rounding, scaleRequired: boolean) {
  const signatures = scaleRequired ? [['n', 'scale']] : [['n'], ['n', 'scale']];
  return builtin(name, signatures, ([n, scale]) => roundTo(num(n), scale === undefined ? 0 : int(scale), mode));
}

function parity(n: Decimal | null, remainder: 0 | 1): FeelValue {
  if (n === null || !n.isInteger()) return null;
  return n.mod(2).abs().eq(remainder);
}

export const numericFunctions: Group = [
  rounding('decimal', Decimal.ROUND_HALF_EVEN, true),
  rounding('floor', Decimal.ROUND_FLOOR, false),
  rounding('ceiling', Decimal.ROUND_CEIL, false),
  rounding('round up', Decimal.ROUND_UP, true),
  rounding('round down', Decimal.ROUND_DOWN, true),
  rounding('round half up', Decimal.ROUND_HALF_UP, true),
  rounding('round half down', Decimal.ROUND_HALF_DOWN, true),
  builtin('abs', [['n']], ([n]) => {
    const x = n ?? null;
    if (x instanceof DaysTimeDuration) return new DaysTimeDuration(x.seconds.abs());
    if (x instanceof YearsMonthsDuration) return new YearsMonthsDuration(Math.abs(x.months));
    return num(x)?.abs() ?? null;
  }),
  builtin('modulo', [['dividend', 'divisor']], ([a, b]) => {
    const dividend = num(a);
    const divisor = num(b);
    if (dividend === null || divisor === null || divisor.isZero()) return null;
    // FEEL's modulo takes the sign of the divisor (floored division), decimal.js's that of the dividend.
    const r = dividend.mod(divisor);
    return !r.isZero() && r.isNegative() !== divisor.isNegative() ? r.plus(divisor) : r;
  }),
  builtin('sqrt', [['number']], ([n]) => {
    const x = num(n);
    return x === null || x.isNegative() ? null : x.sqrt();
  }),
  builtin('log', [['number']], ([n]) => {
    const x = num(n);
    return x === null || x.lte(0) ? null : x.ln();
  }),
  builtin('exp', [['number']], ([n]) => {
    const x = num(n);
    return x === null ? null : finite(x.exp());
  }),
  builtin('odd', [['number']], ([n]) => parity(num(n), 1)),
  builtin('even', [['number']], ([n]) => parity(num(n), 0)),
];
