import { plainString, type Decimal } from './decimal';
import { isTemporal, type TemporalValue } from './temporal';
import { formatTemporal } from './temporal-text';
import { kindOf, type FeelContext, type FeelList, type FeelRange, type FeelValue } from './values';

const SIMPLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function quote(s: string): string {
  return `"${s
    .replace(/["\\]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')}"`;
}

/**
 * A value written as FEEL source (`"EUR"`, `10000`, `@"2026-11-30"`, `[1, 2]`, `{a: 1}`,
 * `[1..10)`): how messages show example inputs, and how string() renders lists and contexts.
 */
export function toFeelLiteral(value: FeelValue): string {
  const kind = kindOf(value);
  switch (kind) {
    case 'null':
      return 'null';
    case 'boolean':
      return String(value);
    case 'string':
      return quote(value as string);
    case 'number':
      return plainString(value as Decimal);
    case 'list':
      return `[${(value as FeelList).map(toFeelLiteral).join(', ')}]`;
    case 'context':
      return `{${[...(value as FeelContext).entries].map(([k, v]) => `${SIMPLE_NAME.test(k) ? k : quote(k)}: ${toFeelLiteral(v)}`).join(', ')}}`;
    case 'range': {
      const r = value as FeelRange;
      if (!r.start && r.end) return `${r.end.included ? '<=' : '<'} ${toFeelLiteral(r.end.value)}`;
      if (r.start && !r.end) return `${r.start.included ? '>=' : '>'} ${toFeelLiteral(r.start.value)}`;
      return `${r.start?.included ? '[' : '('}${r.start ? toFeelLiteral(r.start.value) : 'null'}..${r.end ? toFeelLiteral(r.end.value) : 'null'}${r.end?.included ? ']' : ')'}`;
    }
    case 'function':
      return 'function';
    default:
      return `@${quote(formatTemporal(value as TemporalValue))}`;
  }
}

/** FEEL string(from): strings as they are, numbers in plain decimal notation, temporals in ISO 8601, other values as FEEL literals. */
export function feelString(value: FeelValue): string | null {
  const kind = kindOf(value);
  if (kind === 'null') return null;
  if (kind === 'string') return value as string;
  if (isTemporal(value)) return formatTemporal(value);
  return toFeelLiteral(value);
}
