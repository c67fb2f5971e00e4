import { isCurrencyCode } from '@shared/domain/currencies';
import { amountText, Money } from '@shared/domain/money';
import { Decimal, isDecimal, parseDecimal, plainString } from './decimal';
import { FeelEvaluationError } from './errors';
import type { TemporalValue } from './temporal';
import { formatTemporal } from './temporal-text';
import { FeelContext, kindOf, list, type FeelValue } from './values';

/**
 * The boundary between JSON variables and FEEL values. Numbers become decimals through their
 * shortest decimal text (so 0.1 is exactly 0.1); `{"$decimal": "…"}` carries values a float
 * cannot hold; Money objects become contexts whose amount is a decimal. On the way out,
 * numbers stay JSON numbers only when the float prints back the same value, and temporals
 * become ISO 8601 text.
 */

const DECIMAL_TAG = '$decimal';

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function badInput(path: string, reason: string): FeelEvaluationError {
  return new FeelEvaluationError('BAD_INPUT', `variable ${path || '(root)'}: ${reason}`, 0, 0);
}

function decimalFrom(text: string, path: string): Decimal {
  const parsed = parseDecimal(text);
  if (!parsed.ok) throw badInput(path, parsed.reason);
  return parsed.value;
}

function objectToFeel(value: Record<string, unknown>, path: string): FeelValue {
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === DECIMAL_TAG) {
    const text = value[DECIMAL_TAG];
    if (typeof text !== 'string') throw badInput(path, `${DECIMAL_TAG} must hold a decimal string`);
    return decimalFrom(text, path);
  }
  if (keys.length === 2 && Money.safeParse(value).success) {
    return FeelContext.of([
      ['amount', decimalFrom(value.amount as string, `${path}.amount`)],
      ['currency', value.currency as string],
    ]);
  }
  const entries: [string, FeelValue][] = [];
  for (const key of keys) {
    const item = value[key];
    if (item !== undefined) entries.push([key, toFeel(item, path ? `${path}.${key}` : key)]);
  }
  return FeelContext.of(entries);
}

/** A JSON value (or a plain JS value of the same shapes) as a FEEL value; throws FeelEvaluationError 'BAD_INPUT' for anything else. */
export function toFeel(value: unknown, path = ''): FeelValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw badInput(path, `${value} is not a number FEEL can hold`);
      return new Decimal(String(value));
    case 'object':
      if (isDecimal(value)) return value;
      if (Array.isArray(value)) return list(value.map((item, i) => toFeel(item, `${path}[${i}]`)));
      if (!isPlainObject(value)) throw badInput(path, `a ${value.constructor?.name ?? 'non-plain'} object is not JSON`);
      return objectToFeel(value, path);
    default:
      throw badInput(path, `a ${typeof value} is not JSON`);
  }
}

/** A decimal as a JSON number when the float prints back exactly that value, else as {"$decimal": "…"}. */
function decimalToJson(d: Decimal): number | { $decimal: string } {
  const n = Number(d.toString());
  if (Number.isFinite(n) && new Decimal(String(n)).eq(d)) return n === 0 ? 0 : n;
  return { [DECIMAL_TAG]: plainString(d) } as { $decimal: string };
}

function isMoneyContext(ctx: FeelContext): boolean {
  if (ctx.entries.size !== 2) return false;
  const amount = ctx.get('amount');
  const currency = ctx.get('currency');
  return amount !== undefined && isDecimal(amount) && typeof currency === 'string' && isCurrencyCode(currency);
}

/** A FEEL value as JSON; functions and ranges have no JSON form (FeelEvaluationError 'NOT_JSON'). */
export function fromFeel(value: FeelValue): unknown {
  const kind = kindOf(value);
  switch (kind) {
    case 'null':
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      return decimalToJson(value as Decimal);
    case 'list':
      return (value as readonly FeelValue[]).map(fromFeel);
    case 'context': {
      const ctx = value as FeelContext;
      if (isMoneyContext(ctx))
        return { amount: amountText(plainString(ctx.get('amount') as Decimal), ctx.get('currency') as string), currency: ctx.get('currency') };
      return Object.fromEntries([...ctx.entries].map(([k, v]) => [k, fromFeel(v)]));
    }
    case 'range':
    case 'function':
      throw new FeelEvaluationError('NOT_JSON', `a FEEL ${kind} has no JSON form; return a value instead`, 0, 0);
    default:
      return formatTemporal(value as TemporalValue);
  }
}
