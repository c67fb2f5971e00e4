import { FeelContext, isList, list, type FeelList, type FeelValue } from '../values';
import { builtin, str, type Group } from './define';

/** Context functions (DMN 1.5 §10.3.4.8). Contexts are values: every function returns a new one. */

function keyPath(key: FeelValue | undefined): string[] | null {
  if (typeof key === 'string') return [key];
  if (key !== undefined && isList(key) && key.length > 0 && key.every((k) => typeof k === 'string')) return key as string[];
  return null;
}

function getValue(m: FeelValue | undefined, key: FeelValue | undefined): FeelValue {
  const path = keyPath(key);
  if (!(m instanceof FeelContext) || path === null) return null;
  let current: FeelValue = m;
  for (const k of path) {
    if (!(current instanceof FeelContext)) return null;
    current = current.get(k) ?? null;
  }
  return current;
}

function put(ctx: FeelContext, path: string[], value: FeelValue): FeelContext | null {
  const [head, ...rest] = path as [string, ...string[]];
  const entries = new Map(ctx.entries);
  if (rest.length === 0) entries.set(head, value);
  else {
    const inner = ctx.get(head) ?? new FeelContext(new Map());
    if (!(inner instanceof FeelContext)) return null;
    const updated = put(inner, rest, value);
    if (updated === null) return null;
    entries.set(head, updated);
  }
  return new FeelContext(entries);
}

function fromEntries(entries: FeelValue | undefined): FeelValue {
  if (entries === undefined || !isList(entries)) return null;
  const out = new Map<string, FeelValue>();
  for (const entry of entries) {
    const key = entry instanceof FeelContext ? str(entry.get('key') ?? null) : null;
    if (key === null || out.has(key) || !(entry instanceof FeelContext) || !entry.entries.has('value')) return null;
    out.set(key, entry.get('value') ?? null);
  }
  return new FeelContext(out);
}

export const contextFunctions: Group = [
  builtin('get value', [['m', 'key']], ([m, key]) => getValue(m, key)),
  builtin('get entries', [['m']], ([m]) =>
    m instanceof FeelContext
      ? list(
          [...m.entries].map(([key, value]) =>
            FeelContext.of([
              ['key', key],
              ['value', value],
            ]),
          ),
        )
      : null,
  ),
  builtin(
    'context put',
    [
      ['context', 'key', 'value'],
      ['context', 'keys', 'value'],
    ],
    ([ctx, key, value]) => {
      const path = keyPath(key);
      return ctx instanceof FeelContext && path !== null ? put(ctx, path, value ?? null) : null;
    },
  ),
  builtin('context merge', [['contexts']], ([contexts]) => {
    if (contexts === undefined || !isList(contexts) || !contexts.every((c) => c instanceof FeelContext)) return null;
    return new FeelContext(new Map((contexts as FeelList).flatMap((c) => [...(c as FeelContext).entries])));
  }),
  builtin('context', [['entries']], ([entries]) => fromEntries(entries)),
];
