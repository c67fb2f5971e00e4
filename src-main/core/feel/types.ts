import type { TypeRef } from './ast';
import { isDuration } from './temporal';
import { parseDate, parseDateTime, parseDuration, parseTime } from './temporal-text';
import { kindOf, type FeelContext, type FeelList, type FeelValue, type Kind } from './values';

const NAMED_KINDS: ReadonlySet<string> = new Set<Kind>([
  'number',
  'string',
  'boolean',
  'date',
  'time',
  'date and time',
  'days and time duration',
  'years and months duration',
  'list',
  'context',
  'range',
  'function',
]);

/**
 * `value instance of type` (DMN 1.5 §10.3.2.9): structural conformance, with `Any` for
 * every non-null value and `Null` for null only. An unknown type name is an unknown answer.
 */
export function conformsTo(value: FeelValue, type: TypeRef): boolean | null {
  const kind = kindOf(value);
  switch (type.kind) {
    case 'name':
      if (type.name === 'Any') return value !== null;
      if (type.name === 'Null') return value === null;
      return NAMED_KINDS.has(type.name) ? kind === type.name : null;
    case 'list':
      if (kind !== 'list') return false;
      return allTrue((value as FeelList).map((item) => conformsTo(item, type.item)));
    case 'context': {
      if (kind !== 'context') return false;
      const ctx = value as FeelContext;
      return allTrue(type.entries.map((e) => (ctx.entries.has(e.name) ? conformsTo(ctx.get(e.name) as FeelValue, e.type) : false)));
    }
    case 'function':
      return kind === 'function';
  }
}

function allTrue(results: (boolean | null)[]): boolean | null {
  if (results.includes(false)) return false;
  return results.includes(null) ? null : true;
}

export type DeclaredType = 'string' | 'number' | 'boolean' | 'date' | 'time' | 'date and time' | 'duration';

/**
 * A value checked against a declared type (a decision table column's type): values of that
 * type pass; for the temporal types an ISO 8601 string is parsed, since JSON carries dates
 * as strings. Null passes every type. Undefined means the value does not conform.
 */
export function castTo(value: FeelValue, type: DeclaredType): FeelValue | undefined {
  if (value === null) return null;
  const kind = kindOf(value);
  if (type === 'duration' ? isDuration(value) : kind === type) return value;
  if (typeof value !== 'string') return undefined;
  const parsed =
    type === 'date'
      ? parseDate(value)
      : type === 'time'
        ? parseTime(value)
        : type === 'date and time'
          ? parseDateTime(value)
          : type === 'duration'
            ? parseDuration(value)
            : null;
  return parsed ?? undefined;
}
