import { compareValues, feelEquals } from '../compare';
import { Decimal, finite, isDecimal } from '../decimal';
import { FeelFunction, isList, list, type CallContext, type FeelList, type FeelValue } from '../values';
import { asList, builtin, int, position, type Group } from './define';

/**
 * List functions (DMN 1.5 §10.3.4.4). Aggregates over numbers are exact decimal sums; an
 * aggregate over a list holding anything else is null. Functions taking items also accept
 * them as separate arguments (`max(1, 2, 3)`), declared as a "...rest" parameter.
 */

function numbers(items: FeelList | null): Decimal[] | null {
  if (items === null || !items.every(isDecimal)) return null;
  return items as Decimal[];
}

function sum(values: Decimal[]): Decimal {
  return values.reduce((acc, v) => acc.plus(v), new Decimal(0));
}

function extreme(items: FeelList | null, wanted: -1 | 1): FeelValue {
  if (items === null || items.length === 0) return null;
  let best = items[0] as FeelValue;
  for (const item of items.slice(1)) {
    const order = compareValues(item, best);
    if (order === null) return null;
    if (order === wanted) best = item;
  }
  // A single item must still be orderable (min(["a"]) is "a", min([[1]]) is null).
  return compareValues(best, best) === null ? null : best;
}

function sortedNumbers(items: FeelList | null): Decimal[] | null {
  const values = numbers(items);
  return values && [...values].sort((a, b) => a.comparedTo(b));
}

function median(items: FeelList | null): FeelValue {
  const sorted = sortedNumbers(items);
  if (!sorted || sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as Decimal) : (sorted[mid - 1] as Decimal).plus(sorted[mid] as Decimal).div(2);
}

/** Sample standard deviation (n − 1), as the spec's examples compute it. */
function stddev(items: FeelList | null): FeelValue {
  const values = numbers(items);
  if (!values || values.length < 2) return null;
  const mean = sum(values).div(values.length);
  const squares = sum(values.map((v) => v.minus(mean).pow(2)));
  return finite(squares.div(values.length - 1).sqrt());
}

function mode(items: FeelList | null): FeelValue {
  const sorted = sortedNumbers(items);
  if (!sorted) return null;
  const counts: { value: Decimal; count: number }[] = [];
  for (const v of sorted) {
    const last = counts.at(-1);
    if (last && last.value.eq(v)) last.count++;
    else counts.push({ value: v, count: 1 });
  }
  const top = Math.max(0, ...counts.map((c) => c.count));
  return list(counts.filter((c) => c.count === top).map((c) => c.value));
}

function logical(items: FeelList | null, decisive: boolean): FeelValue {
  if (items === null) return null;
  if (items.includes(decisive)) return decisive;
  return items.every((v) => v === !decisive) ? !decisive : null;
}

function distinct(items: readonly FeelValue[]): FeelList {
  const out: FeelValue[] = [];
  for (const item of items) if (!out.some((seen) => feelEquals(seen, item) === true)) out.push(item);
  return list(out);
}

function flatten(items: FeelList): FeelValue[] {
  return items.flatMap((item) => (isList(item) ? flatten(item) : [item]));
}

function sublist(items: FeelList | null, start: number | null, length: number | null, hasLength: boolean): FeelValue {
  if (items === null || start === null || (hasLength && (length === null || length < 0))) return null;
  const from = position(items.length, start);
  if (from === null) return null;
  return list(items.slice(from, hasLength ? from + (length as number) : undefined));
}

function insertBefore(items: FeelList | null, pos: number | null, item: FeelValue): FeelValue {
  if (items === null) return null;
  const index = position(items.length, pos);
  return index === null ? null : list([...items.slice(0, index), item, ...items.slice(index)]);
}

function remove(items: FeelList | null, pos: number | null): FeelValue {
  if (items === null) return null;
  const index = position(items.length, pos);
  return index === null ? null : list(items.filter((_, i) => i !== index));
}

/** list replace(list, position | match function, newItem) (DMN 1.5). */
function listReplace(items: FeelList | null, where: FeelValue, item: FeelValue, ctx: CallContext): FeelValue {
  if (items === null) return null;
  if (where instanceof FeelFunction) return list(items.map((old) => (ctx.call(where, [old, item]) === true ? item : old)));
  const index = position(items.length, int(where));
  return index === null ? null : list(items.map((old, i) => (i === index ? item : old)));
}

/** sort(list, precedes): a stable sort by the FEEL function; without one, by the natural order of the items. */
function sort(items: FeelList | null, precedes: FeelValue, ctx: CallContext): FeelValue {
  if (items === null) return null;
  if (items.length === 0) return items;
  if (precedes === null) {
    const first = items[0] ?? null;
    if (items.some((item) => compareValues(first, item) === null)) return null;
    return list([...items].sort((a, b) => compareValues(a, b) ?? 0));
  }
  if (!(precedes instanceof FeelFunction)) return null;
  return list([...items].sort((a, b) => (ctx.call(precedes, [a, b]) === true ? -1 : ctx.call(precedes, [b, a]) === true ? 1 : 0)));
}

/** Functions that take a list, or its items as separate arguments. */
const ITEMS = [['list'], ['...items']];

export const listFunctions: Group = [
  builtin('list contains', [['list', 'element']], ([l, element]) => {
    const items = asList(l);
    return items === null ? null : items.some((item) => feelEquals(item, element ?? null) === true);
  }),
  builtin('count', [['list']], ([l]) => {
    const items = asList(l);
    return items === null ? null : new Decimal(items.length);
  }),
  builtin('min', ITEMS, ([l]) => extreme(asList(l), -1)),
  builtin('max', ITEMS, ([l]) => extreme(asList(l), 1)),
  builtin('sum', ITEMS, ([l]) => {
    const values = numbers(asList(l));
    return values && values.length > 0 ? finite(sum(values)) : null;
  }),
  builtin('mean', ITEMS, ([l]) => {
    const values = numbers(asList(l));
    return values && values.length > 0 ? finite(sum(values).div(values.length)) : null;
  }),
  builtin('product', ITEMS, ([l]) => {
    const values = numbers(asList(l));
    return values && values.length > 0 ? finite(values.reduce((acc, v) => acc.times(v), new Decimal(1))) : null;
  }),
  builtin('median', ITEMS, ([l]) => median(asList(l))),
  builtin('stddev', ITEMS, ([l]) => stddev(asList(l))),
  builtin('mode', ITEMS, ([l]) => mode(asList(l))),
  builtin('all', ITEMS, ([l]) => logical(asList(l), false)),
  builtin('any', ITEMS, ([l]) => logical(asList(l), true)),
  builtin(
    'sublist',
    [
      ['list', 'start position'],
      ['list', 'start position', 'length'],
    ],
    ([l, start, length], _ctx, form) => sublist(asList(l), int(start), int(length), form === 1),
  ),
  builtin('append', [['list', '...items']], ([l, items]) => {
    const base = asList(l);
    return base === null ? null : list([...base, ...(items as FeelList)]);
  }),
  builtin('concatenate', [['...lists']], ([lists]) => {
    const parts = lists as FeelList;
    return parts.every(isList) ? list(parts.flatMap((p) => [...(p as FeelList)])) : null;
  }),
  builtin('insert before', [['list', 'position', 'newItem']], ([l, pos, item]) => insertBefore(asList(l), int(pos), item ?? null)),
  builtin('remove', [['list', 'position']], ([l, pos]) => remove(asList(l), int(pos))),
  builtin('reverse', [['list']], ([l]) => {
    const items = asList(l);
    return items === null ? null : list([...items].reverse());
  }),
  builtin('index of', [['list', 'match']], ([l, match]) => {
    const items = asList(l);
    if (items === null) return null;
    return list(items.flatMap((item, i) => (feelEquals(item, match ?? null) === true ? [new Decimal(i + 1)] : [])));
  }),
  builtin('union', [['...lists']], ([lists]) => {
    const parts = lists as FeelList;
    return parts.every(isList) ? distinct(parts.flatMap((p) => [...(p as FeelList)])) : null;
  }),
  builtin('distinct values', [['list']], ([l]) => {
    const items = asList(l);
    return items === null ? null : distinct(items);
  }),
  builtin('flatten', [['list']], ([l]) => {
    const items = asList(l);
    return items === null ? null : list(flatten(items));
  }),
  builtin('sort', [['list'], ['list', 'precedes']], ([l, precedes], ctx) => sort(asList(l), precedes ?? null, ctx)),
  builtin('list replace', [['list', 'position', 'newItem']], ([l, where, item], ctx) => listReplace(asList(l), where ?? null, item ?? null, ctx)),
];
