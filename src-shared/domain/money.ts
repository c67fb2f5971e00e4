import DecimalJs from 'decimal.js';
import { z } from 'zod';
import { isCurrencyCode, minorUnits } from './currencies';

/**
 * Money is a decimal amount as a string plus an ISO 4217 currency. Amounts never pass
 * through a JavaScript number: arithmetic uses a private decimal.js instance with enough
 * precision for any ledger (40 significant digits), so 0.1 + 0.2 is exactly 0.3.
 */
const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_EVEN, toExpNeg: -40, toExpPos: 40 });
type Decimal = InstanceType<typeof Decimal>;

const DECIMAL_STRING = /^-?(0|[1-9]\d*)(\.\d+)?$/;

export const DecimalString = z
  .string()
  .regex(DECIMAL_STRING, { message: 'must be a decimal number written as a string, e.g. "1250.00" (no exponent, no thousands separator)' })
  .brand<'DecimalString'>();
export type DecimalString = z.infer<typeof DecimalString>;

export const CurrencyCode = z.string().refine(isCurrencyCode, { message: 'must be an ISO 4217 currency code such as EUR or USD' });

export const Money = z.object({ amount: DecimalString, currency: CurrencyCode }).strict();
export type Money = z.infer<typeof Money>;

export type RoundingMode = 'half-even' | 'half-up' | 'down' | 'up';
const ROUNDING: Record<RoundingMode, DecimalJs.Rounding> = {
  'half-even': Decimal.ROUND_HALF_EVEN,
  'half-up': Decimal.ROUND_HALF_UP,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
};

export class CurrencyMismatchError extends Error {
  constructor(a: string, b: string) {
    super(`cannot combine amounts in ${a} and ${b}; convert one of them first`);
    this.name = 'CurrencyMismatchError';
  }
}

function dec(value: string | Decimal): Decimal {
  return value instanceof Decimal ? value : new Decimal(value);
}

/**
 * The written form of an amount: at least the currency's minor units ("12.50" EUR, "1234"
 * JPY), more digits only when the amount has them (an unrounded interim result). Zero is
 * never signed.
 */
function canonical(d: Decimal, currency: string): DecimalString {
  const places = Math.max(minorUnits(currency), d.decimalPlaces());
  return (d.isZero() ? new Decimal(0) : d).toFixed(places) as DecimalString;
}

/** The canonical amount text of a decimal in a currency; the FEEL bridge writes Money with it. */
export function amountText(value: string | Decimal, currency: string): DecimalString {
  return canonical(dec(value), currency);
}

export function money(amount: string, currency: string): Money {
  const currencyCode = CurrencyCode.parse(currency);
  return Money.parse({ amount: canonical(dec(amount), currencyCode), currency: currencyCode });
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amount: canonical(dec(a.amount).plus(b.amount), a.currency), currency: a.currency };
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amount: canonical(dec(a.amount).minus(b.amount), a.currency), currency: a.currency };
}

/** Multiplies by a decimal factor (a rate, a quantity). The result is not rounded. */
export function multiply(a: Money, factor: string): Money {
  return { amount: canonical(dec(a.amount).times(factor), a.currency), currency: a.currency };
}

export function negate(a: Money): Money {
  return { amount: canonical(dec(a.amount).negated(), a.currency), currency: a.currency };
}

export function compare(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b);
  return dec(a.amount).comparedTo(b.amount) as -1 | 0 | 1;
}

export function isZero(a: Money): boolean {
  return dec(a.amount).isZero();
}

/** Rounds to the currency's minor units (2 for EUR, 0 for JPY, 3 for KWD). */
export function roundToMinor(a: Money, mode: RoundingMode = 'half-even'): Money {
  const places = minorUnits(a.currency);
  return { amount: canonical(dec(a.amount).toDecimalPlaces(places, ROUNDING[mode]), a.currency), currency: a.currency };
}

/**
 * Splits an amount into parts proportional to the given weights without losing or
 * creating a minor unit: remainders go to the first parts, as ledgers expect.
 */
export function allocate(a: Money, weights: readonly string[]): Money[] {
  if (weights.length === 0) throw new RangeError('allocate needs at least one weight');
  const places = minorUnits(a.currency);
  const unit = new Decimal(10).pow(-places);
  const total = weights.reduce((sum, w) => sum.plus(w), new Decimal(0));
  if (total.lte(0)) throw new RangeError('allocation weights must add up to more than zero');
  const whole = dec(a.amount).toDecimalPlaces(places, Decimal.ROUND_HALF_EVEN);
  const parts = weights.map((w) => whole.times(w).div(total).toDecimalPlaces(places, Decimal.ROUND_DOWN));
  let remainder = whole.minus(parts.reduce((s, p) => s.plus(p), new Decimal(0)));
  const step = remainder.isNegative() ? unit.negated() : unit;
  for (let i = 0; !remainder.isZero(); i = (i + 1) % parts.length) {
    parts[i] = (parts[i] as Decimal).plus(step);
    remainder = remainder.minus(step);
  }
  return parts.map((p) => ({ amount: canonical(p, a.currency), currency: a.currency }));
}

/** Plain, locale-free rendering for logs and audit text: "1250.00 EUR". */
export function formatMoney(a: Money): string {
  return `${canonical(dec(a.amount), a.currency)} ${a.currency}`;
}
