import DecimalJs from 'decimal.js';

/**
 * FEEL numbers are IEEE 754-2008 decimal128 (DMN 1.5 §10.3.2.3.1): 34 significant digits,
 * rounding half-even, exponents within ±6144. A private decimal.js instance reproduces that,
 * so `0.1 + 0.2 = 0.3` holds and amounts compare exactly; nothing else in the process can
 * change its settings. Overflow yields Infinity, which the operators turn into null.
 */
export const Decimal = DecimalJs.clone({
  precision: 34,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  maxE: 6144,
  minE: -6143,
  toExpNeg: -7,
  toExpPos: 21,
});
export type Decimal = InstanceType<typeof Decimal>;
export type Rounding = DecimalJs.Rounding;

const SIGNIFICANT_DIGITS = 34;

export function isDecimal(value: unknown): value is Decimal {
  return value instanceof Decimal;
}

/** Rounds an operation's result to decimal128; a result outside its range is no number (null). */
export function finite(d: Decimal): Decimal | null {
  return d.isFinite() ? d : null;
}

/**
 * Reads a decimal from text without rounding: a value with more than 34 significant digits
 * or outside the exponent range is refused rather than silently changed, since it is almost
 * always an amount someone typed or a system sent, and rounding it would alter money.
 */
export function parseDecimal(text: string): { ok: true; value: Decimal } | { ok: false; reason: string } {
  let d: Decimal;
  try {
    d = new Decimal(text);
  } catch {
    return { ok: false, reason: `"${text}" is not a number` };
  }
  if (!d.isFinite()) return { ok: false, reason: `${text} is outside the range of FEEL numbers (decimal128)` };
  if (!d.toSignificantDigits(SIGNIFICANT_DIGITS).eq(d)) return { ok: false, reason: `${text} has more than ${SIGNIFICANT_DIGITS} significant digits` };
  return { ok: true, value: d };
}

/** Plain decimal text without exponent, "-0" written "0": the form Money amounts use. */
export function plainString(d: Decimal): string {
  return d.isZero() ? '0' : d.toFixed();
}

/** A safe JavaScript integer from an integral decimal, or null (positions, lengths, scales). */
export function toSafeInteger(d: Decimal): number | null {
  if (!d.isInteger()) return null;
  const n = d.toNumber();
  return Number.isSafeInteger(n) ? n : null;
}
