import { compareValues, kindOf, neighbour, type FeelValue } from '../feel';

/**
 * Sets of input values, as unions of intervals per ordered domain, for deciding whether two
 * decision-table cells can match the same value. Numbers compare exactly (decimals);
 * strings, times and durations are ordered; dates, years-months durations and booleans are
 * discrete (so `(date("2026-01-01")..date("2026-01-02"))` is empty); null is a point.
 * Values of kinds no cell mentions are covered by `others`.
 */

export interface Bound {
  value: FeelValue;
  included: boolean;
}

/** A null bound is unbounded. */
export interface Interval {
  lo: Bound | null;
  hi: Bound | null;
}

export interface ValueSet {
  byDomain: ReadonlyMap<string, readonly Interval[]>;
  /** Whether the set holds every value of the domains not in byDomain. */
  others: boolean;
}

interface DomainOps {
  compare(a: FeelValue, b: FeelValue): number;
  /** For discrete domains: the adjacent value (undefined past the domain's ends). */
  step?(v: FeelValue, direction: 1 | -1): FeelValue | undefined;
  /** For finite domains: the least and the greatest value. */
  bounds?: [FeelValue, FeelValue];
}

const ordered: DomainOps = { compare: (a, b) => compareValues(a, b) ?? 0 };
const discrete: DomainOps = { ...ordered, step: neighbour };

/** Kinds whose values the analysis can place on a line: ordered kinds, booleans and null. Lists, contexts, ranges and functions only compare for equality. */
const PLACEABLE = new Set(['null', 'boolean', 'string', 'number', 'date', 'time', 'date and time', 'days and time duration', 'years and months duration']);

/** A value's domain: its FEEL kind, with times and dates and times split by whether they carry a zone (the two do not compare); null for kinds it cannot place. */
export function domainOf(value: FeelValue): string | null {
  const kind = kindOf(value);
  if (!PLACEABLE.has(kind)) return null;
  if (kind === 'time' || kind === 'date and time') return `${kind}${(value as { zone: string | null }).zone === null ? '' : ' (zoned)'}`;
  return kind;
}

const DOMAINS: Readonly<Record<string, DomainOps>> = {
  null: { compare: () => 0, step: () => undefined, bounds: [null, null] },
  boolean: {
    compare: (a, b) => Number(a) - Number(b),
    step: (v, d) => (d === 1 ? (v === false ? true : undefined) : v === true ? false : undefined),
    bounds: [false, true],
  },
  date: discrete,
  'years and months duration': discrete,
};

function ops(domain: string): DomainOps {
  return DOMAINS[domain] ?? ordered;
}

function cmp(domain: string, a: FeelValue, b: FeelValue): number {
  return ops(domain).compare(a, b);
}

/** Discrete and finite domains: every bound made inclusive and explicit, so emptiness is a plain comparison. */
function normalize(domain: string, iv: Interval): Interval | null {
  const d = ops(domain);
  let { lo, hi } = iv;
  if (d.bounds) {
    lo ??= { value: d.bounds[0], included: true };
    hi ??= { value: d.bounds[1], included: true };
  }
  if (d.step) {
    if (lo && !lo.included) {
      const next = d.step(lo.value, 1);
      if (next === undefined) return null;
      lo = { value: next, included: true };
    }
    if (hi && !hi.included) {
      const prev = d.step(hi.value, -1);
      if (prev === undefined) return null;
      hi = { value: prev, included: true };
    }
  }
  if (lo && hi) {
    const c = cmp(domain, lo.value, hi.value);
    if (c > 0 || (c === 0 && !(lo.included && hi.included))) return null;
  }
  return { lo, hi };
}

function maxLo(domain: string, a: Bound | null, b: Bound | null): Bound | null {
  if (!a) return b;
  if (!b) return a;
  const c = cmp(domain, a.value, b.value);
  return c > 0 ? a : c < 0 ? b : { value: a.value, included: a.included && b.included };
}

function minHi(domain: string, a: Bound | null, b: Bound | null): Bound | null {
  if (!a) return b;
  if (!b) return a;
  const c = cmp(domain, a.value, b.value);
  return c < 0 ? a : c > 0 ? b : { value: a.value, included: a.included && b.included };
}

function intersectIntervals(domain: string, a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const x of a)
    for (const y of b) {
      const iv = normalize(domain, { lo: maxLo(domain, x.lo, y.lo), hi: minHi(domain, x.hi, y.hi) });
      if (iv) out.push(iv);
    }
  return out;
}

function maxHi(domain: string, a: Bound, b: Bound | null): Bound | null {
  if (!b) return null;
  const c = cmp(domain, a.value, b.value);
  return c > 0 ? a : c < 0 ? b : { value: a.value, included: a.included || b.included };
}

/** The gaps between a union of intervals, over the whole domain (a sweep from the lowest start). */
function complementIntervals(domain: string, intervals: readonly Interval[]): Interval[] {
  const sorted = intervals
    .map((iv) => normalize(domain, iv))
    .filter((iv): iv is Interval => iv !== null)
    .sort((a, b) => (!a.lo ? -1 : !b.lo ? 1 : cmp(domain, a.lo.value, b.lo.value)));
  const out: Interval[] = [];
  // What the intervals seen so far cover up to: 'start' (nothing yet), a bound, or null (everything to the end).
  let covered: Bound | null | 'start' = 'start';
  const after = (c: Bound | 'start'): Bound | null => (c === 'start' ? null : { value: c.value, included: !c.included });
  for (const iv of sorted) {
    if (covered === null) return out;
    if (iv.lo) {
      const gap = normalize(domain, { lo: after(covered), hi: { value: iv.lo.value, included: !iv.lo.included } });
      if (gap) out.push(gap);
    }
    covered = covered === 'start' ? iv.hi : maxHi(domain, covered, iv.hi);
  }
  if (covered !== null) {
    const tail = normalize(domain, { lo: after(covered), hi: null });
    if (tail) out.push(tail);
  }
  return out;
}

const FULL: readonly Interval[] = [{ lo: null, hi: null }];

function intervalsOf(set: ValueSet, domain: string): readonly Interval[] {
  return set.byDomain.get(domain) ?? (set.others ? FULL : []);
}

function combine(a: ValueSet, b: ValueSet, op: 'and' | 'or'): ValueSet {
  const domains = new Set([...a.byDomain.keys(), ...b.byDomain.keys()]);
  const byDomain = new Map<string, readonly Interval[]>();
  for (const domain of domains) {
    const x = intervalsOf(a, domain);
    const y = intervalsOf(b, domain);
    byDomain.set(domain, op === 'and' ? intersectIntervals(domain, x, y) : [...x, ...y]);
  }
  return { byDomain, others: op === 'and' ? a.others && b.others : a.others || b.others };
}

export const ANY_VALUE: ValueSet = { byDomain: new Map(), others: true };
export const NO_VALUE: ValueSet = { byDomain: new Map(), others: false };

export function intersect(a: ValueSet, b: ValueSet): ValueSet {
  return combine(a, b, 'and');
}

export function union(a: ValueSet, b: ValueSet): ValueSet {
  return combine(a, b, 'or');
}

export function complement(set: ValueSet): ValueSet {
  return {
    byDomain: new Map([...set.byDomain].map(([domain, intervals]) => [domain, complementIntervals(domain, intervals)])),
    others: !set.others,
  };
}

/** The values of one interval within one value's domain; bounds of different domains hold nothing. */
export function interval(lo: Bound | null, hi: Bound | null): ValueSet {
  const domain = domainOf((lo ?? hi)?.value ?? null);
  if (domain === null || (lo && hi && domainOf(hi.value) !== domain)) return NO_VALUE;
  return { byDomain: new Map([[domain, [{ lo, hi }]]]), others: false };
}

/** Every value of the given domains (a typed column). */
export function domains(names: readonly string[]): ValueSet {
  return { byDomain: new Map(names.map((d) => [d, FULL])), others: false };
}

/** A member of the set (with where it lies), or null when the set is empty. */
export function witness(set: ValueSet): { domain: string; interval: Interval } | null {
  for (const [domain, intervals] of set.byDomain) {
    for (const iv of intervals) {
      const normal = normalize(domain, iv);
      if (normal) return { domain, interval: normal };
    }
  }
  return set.others ? { domain: 'other', interval: { lo: null, hi: null } } : null;
}
