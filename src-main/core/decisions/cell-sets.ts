import { describeUnaryTests, type Compiled, type FeelValue, type TestShape } from '../feel';
import { allowedValues } from './column-values';
import type { ColumnType, DecisionInput } from './model';
import { ANY_VALUE, NO_VALUE, complement, domainOf, domains, intersect, interval, union, type ValueSet } from './value-sets';

/**
 * The set of input values a unary-tests cell matches, in FEEL's three-valued logic: each
 * test has values for which it is true and values for which it is false; the rest (kinds
 * it cannot compare with, null against `<`) are null, and `not(…)` keeps them unmatched.
 * A cell that depends on variables, on `?` or on the clock, or compares with lists or
 * contexts, is opaque: its set cannot be known statically.
 */

interface TruthSets {
  t: ValueSet;
  f: ValueSet;
}

export type CellSet = { kind: 'set'; set: ValueSet; any: boolean } | { kind: 'opaque' };

const point = (value: FeelValue): ValueSet => interval({ value, included: true }, { value, included: true });

/** Values of the same domain as `value` outside `set`. */
function restOfDomain(set: ValueSet, value: FeelValue): ValueSet {
  const domain = domainOf(value);
  return domain === null ? NO_VALUE : intersect(complement(set), domains([domain]));
}

/** Whether the test compares with values the analysis can place (not lists, contexts, ranges or functions). */
function placeable(test: TestShape): test is Exclude<TestShape, { kind: 'opaque' }> {
  if (test.kind === 'opaque') return false;
  return test.kind === 'compare' ? domainOf(test.value) !== null : domainOf(test.start) !== null && domainOf(test.end) !== null;
}

function testSets(shape: Exclude<TestShape, { kind: 'opaque' }>): TruthSets {
  if (shape.kind === 'interval') {
    if (shape.start === null || shape.end === null) return { t: NO_VALUE, f: NO_VALUE };
    const t = interval({ value: shape.start, included: shape.startIncluded }, { value: shape.end, included: shape.endIncluded });
    return { t, f: restOfDomain(t, shape.start) };
  }
  const v = shape.value;
  if (shape.op === '=' || shape.op === '!=') {
    // `= null` is true for null only and false for everything else; `= v` is false for null and for v's other values.
    const t = point(v);
    const f = v === null ? complement(t) : union(restOfDomain(t, v), point(null));
    return shape.op === '=' ? { t, f } : { t: f, f: t };
  }
  if (v === null) return { t: NO_VALUE, f: NO_VALUE };
  const t =
    shape.op === '<' || shape.op === '<='
      ? interval(null, { value: v, included: shape.op === '<=' })
      : interval({ value: v, included: shape.op === '>=' }, null);
  return { t, f: restOfDomain(t, v) };
}

const TYPE_DOMAINS: Readonly<Record<ColumnType, string[]>> = {
  string: ['string'],
  number: ['number'],
  boolean: ['boolean'],
  date: ['date'],
  'date-time': ['date and time', 'date and time (zoned)'],
  duration: ['days and time duration', 'years and months duration'],
};

/** The values an input column can take: its type's domains or its allowed values, and null (a missing value). */
export function columnDomain(input: DecisionInput): ValueSet {
  const allowed = allowedValues(input);
  const base = allowed ? allowed.map(point).reduce(union, NO_VALUE) : input.type ? domains(TYPE_DOMAINS[input.type]) : ANY_VALUE;
  return union(base, point(null));
}

export function cellSet(compiled: Compiled, column: ValueSet): CellSet {
  const shape = describeUnaryTests(compiled);
  if (shape.kind === 'any') return { kind: 'set', set: column, any: true };
  let truth: TruthSets = { t: NO_VALUE, f: ANY_VALUE };
  for (const test of shape.tests) {
    if (!placeable(test)) return { kind: 'opaque' };
    const sets = testSets(test);
    truth = { t: union(truth.t, sets.t), f: intersect(truth.f, sets.f) };
  }
  return { kind: 'set', set: intersect(shape.negated ? truth.f : truth.t, column), any: false };
}
