import { bindArguments } from '../calls';
import { isDecimal, toSafeInteger, type Decimal } from '../decimal';
import { FeelFunction, isList, list, type CallContext, type FeelList, type FeelValue } from '../values';

/**
 * Helpers shared by the built-in function groups: declaring a function with its parameter
 * names (so named arguments work as the spec names them) and reading arguments. Readers
 * return null for a value of the wrong kind; built-ins then return null, which is how FEEL
 * reports a type mismatch.
 */

export type Impl = (args: FeelValue[], ctx: CallContext, signature: number) => FeelValue;

export function builtin(name: string, signatures: string[][], impl: Impl): FeelFunction {
  return new FeelFunction(name, (args, ctx) => {
    const bound = bindArguments(signatures, args);
    return bound ? impl(bound.values, ctx, bound.index) : null;
  });
}

/** A single-item list stands for its item where an item is expected (DMN 1.5 §10.3.2.9.4). */
function one(v: FeelValue | undefined): FeelValue {
  if (v === undefined) return null;
  return isList(v) && v.length === 1 ? (v[0] as FeelValue) : v;
}

export function num(v: FeelValue | undefined): Decimal | null {
  const x = one(v);
  return isDecimal(x) ? x : null;
}

export function str(v: FeelValue | undefined): string | null {
  const x = one(v);
  return typeof x === 'string' ? x : null;
}

export function int(v: FeelValue | undefined): number | null {
  const n = num(v);
  return n === null ? null : toSafeInteger(n);
}

/** An item where a list is expected stands for a single-item list. */
export function asList(v: FeelValue | undefined): FeelList | null {
  if (v === undefined || v === null) return null;
  return isList(v) ? v : list([v]);
}

/** Resolves a 1-based position, negative counting from the end, into an index; null when out of range. */
export function position(length: number, pos: number | null): number | null {
  if (pos === null || pos === 0) return null;
  const index = pos > 0 ? pos - 1 : length + pos;
  return index >= 0 && index < length ? index : null;
}

export type Group = FeelFunction[];
