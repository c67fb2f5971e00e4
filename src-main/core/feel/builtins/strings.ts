import { Decimal } from '../decimal';
import { compileRegex, replacement } from '../regex';
import { list, type FeelValue } from '../values';
import { asList, builtin, int, str, type Group } from './define';

/** String functions (DMN 1.5 §10.3.4.3). Positions and lengths count Unicode code points, as XPath does. */

function substring(s: string | null, start: number | null, length: number | null, hasLength: boolean): FeelValue {
  if (s === null || start === null || start === 0 || (hasLength && (length === null || length < 0))) return null;
  const chars = Array.from(s);
  const from = Math.max(0, start > 0 ? start - 1 : chars.length + start);
  return chars.slice(from, hasLength ? from + (length as number) : undefined).join('');
}

function twoStrings(impl: (s: string, match: string) => FeelValue) {
  return ([a, b]: FeelValue[]): FeelValue => {
    const s = str(a);
    const match = str(b);
    return s === null || match === null ? null : impl(s, match);
  };
}

function optionalFlags(v: FeelValue | undefined): string | null | undefined {
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? v : undefined;
}

function matches([input, pattern, flagsArg]: FeelValue[]): FeelValue {
  const s = str(input);
  const p = str(pattern);
  const flags = optionalFlags(flagsArg);
  if (s === null || p === null || flags === undefined) return null;
  const re = compileRegex(p, flags, s);
  return re ? re.test(s) : null;
}

/** XPath refuses patterns that match the empty string in replace() and tokenize (split). */
function matchesEmpty(re: RegExp): boolean {
  return new RegExp(re.source, re.flags.replace('g', '')).test('');
}

function replace([input, pattern, repl, flagsArg]: FeelValue[]): FeelValue {
  const s = str(input);
  const p = str(pattern);
  const r = str(repl);
  const flags = optionalFlags(flagsArg);
  if (s === null || p === null || r === null || flags === undefined) return null;
  const re = compileRegex(p, flags, s, true);
  const jsReplacement = replacement(r);
  if (!re || jsReplacement === null || matchesEmpty(re)) return null;
  return s.replace(re, jsReplacement);
}

function split([input, delimiter]: FeelValue[]): FeelValue {
  const s = str(input);
  const d = str(delimiter);
  if (s === null || d === null) return null;
  const re = compileRegex(d, null, s, true);
  if (!re || matchesEmpty(re)) return null;
  // Not String.split: that would also return the pattern's captured groups.
  const parts: string[] = [];
  let last = 0;
  for (const m of s.matchAll(re)) {
    parts.push(s.slice(last, m.index));
    last = m.index + m[0].length;
  }
  parts.push(s.slice(last));
  return list(parts);
}

function stringJoin([items, delimiter]: FeelValue[]): FeelValue {
  const values = asList(items);
  const sep = delimiter === undefined || delimiter === null ? '' : str(delimiter);
  if (values === null || sep === null) return null;
  if (!values.every((v) => v === null || typeof v === 'string')) return null;
  return values.filter((v): v is string => v !== null).join(sep);
}

export const stringFunctions: Group = [
  builtin(
    'substring',
    [
      ['string', 'start position'],
      ['string', 'start position', 'length'],
    ],
    ([s, start, length], _ctx, form) => substring(str(s), int(start), int(length), form === 1),
  ),
  builtin('string length', [['string']], ([s]) => {
    const v = str(s);
    return v === null ? null : new Decimal(Array.from(v).length);
  }),
  builtin('upper case', [['string']], ([s]) => str(s)?.toUpperCase() ?? null),
  builtin('lower case', [['string']], ([s]) => str(s)?.toLowerCase() ?? null),
  builtin(
    'substring before',
    [['string', 'match']],
    twoStrings((s, m) => {
      const i = s.indexOf(m);
      return i < 0 ? '' : s.slice(0, i);
    }),
  ),
  builtin(
    'substring after',
    [['string', 'match']],
    twoStrings((s, m) => {
      const i = s.indexOf(m);
      return i < 0 ? '' : s.slice(i + m.length);
    }),
  ),
  builtin(
    'contains',
    [['string', 'match']],
    twoStrings((s, m) => s.includes(m)),
  ),
  builtin(
    'starts with',
    [['string', 'match']],
    twoStrings((s, m) => s.startsWith(m)),
  ),
  builtin(
    'ends with',
    [['string', 'match']],
    twoStrings((s, m) => s.endsWith(m)),
  ),
  builtin(
    'matches',
    [
      ['input', 'pattern'],
      ['input', 'pattern', 'flags'],
    ],
    matches,
  ),
  builtin(
    'replace',
    [
      ['input', 'pattern', 'replacement'],
      ['input', 'pattern', 'replacement', 'flags'],
    ],
    replace,
  ),
  builtin('split', [['string', 'delimiter']], split),
  builtin('string join', [['list'], ['list', 'delimiter']], stringJoin),
];
