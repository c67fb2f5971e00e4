import { Decimal, isDecimal } from './decimal';
import type { TemporalValue } from './temporal';

/**
 * The FEEL semantic domain (DMN 1.5 §10.3.2): null, boolean, string, number (decimal),
 * the temporal kinds, list, context, range and function. Lists are frozen arrays and
 * contexts keep their entries' order; no FEEL operation mutates a value.
 */
export type FeelValue = null | boolean | string | Decimal | TemporalValue | FeelList | FeelContext | FeelRange | FeelFunction;
export type FeelList = readonly FeelValue[];

export class FeelContext {
  readonly kind = 'context';
  constructor(readonly entries: ReadonlyMap<string, FeelValue>) {}

  static of(entries: Iterable<readonly [string, FeelValue]>): FeelContext {
    return new FeelContext(new Map(entries));
  }

  get(key: string): FeelValue | undefined {
    return this.entries.get(key);
  }
}

/** One end of a range; an absent end (from `< 10`) is unbounded. */
export interface Endpoint {
  value: FeelValue;
  included: boolean;
}

export class FeelRange {
  readonly kind = 'range';
  constructor(
    readonly start: Endpoint | null,
    readonly end: Endpoint | null,
  ) {}
}

/** Arguments of a call: by position, or by parameter name (FEEL allows either, never both). */
export type Arguments = { positional: readonly FeelValue[] } | { named: ReadonlyMap<string, FeelValue> };

/** What a function needs from the evaluation that calls it: the clock, and a way to call functions passed as arguments. */
export interface CallContext {
  now(): number;
  zone: string;
  call(fn: FeelFunction, args: readonly FeelValue[]): FeelValue;
}

/** A built-in or a function literal; it binds its own arguments (see calls.ts). */
export class FeelFunction {
  readonly kind = 'function';
  constructor(
    readonly name: string,
    readonly invoke: (args: Arguments, ctx: CallContext) => FeelValue,
  ) {}
}

export type Kind =
  | 'null'
  | 'boolean'
  | 'string'
  | 'number'
  | 'date'
  | 'time'
  | 'date and time'
  | 'days and time duration'
  | 'years and months duration'
  | 'list'
  | 'context'
  | 'range'
  | 'function';

export function kindOf(value: FeelValue): Kind {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  if (isDecimal(value)) return 'number';
  if (Array.isArray(value)) return 'list';
  return (value as Exclude<FeelValue, null | boolean | string | Decimal | FeelList>).kind;
}

export function isList(value: FeelValue): value is FeelList {
  return Array.isArray(value);
}

export function list(items: FeelValue[]): FeelList {
  return Object.freeze(items);
}
