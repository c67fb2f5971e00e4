import type { JsonValue } from '@shared/domain/audit';

export type DiffStatus = 'same' | 'changed' | 'added' | 'removed';

export interface DiffRow {
  /** Where the value sits, e.g. `limits.daily` or `roles[1]`; empty for a bare value. */
  path: string;
  before: JsonValue | undefined;
  after: JsonValue | undefined;
  status: DiffStatus;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

function child(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const name = IDENTIFIER.test(key) ? key : JSON.stringify(key);
  return path && IDENTIFIER.test(key) ? `${path}.${name}` : path ? `${path}[${name}]` : name;
}

/**
 * Objects and arrays of objects are opened up field by field. A list of plain values (a
 * user's roles, matched rule ids) stays one value: compared by position, ["clerk"] →
 * ["approver", "clerk"] would read as a role renamed and another added.
 */
function isContainer(value: JsonValue | undefined): value is JsonValue[] | { [key: string]: JsonValue } {
  if (value === null || typeof value !== 'object' || Object.keys(value).length === 0) return false;
  return !Array.isArray(value) || value.some((item) => item !== null && typeof item === 'object');
}

/** Every leaf (scalar, empty object or array, list of plain values) by its path, in document order. */
function leaves(value: JsonValue, path: string, into: Map<string, JsonValue>): void {
  if (!isContainer(value)) {
    into.set(path, value);
    return;
  }
  if (Array.isArray(value)) value.forEach((item, i) => leaves(item, child(path, i), into));
  else for (const [key, item] of Object.entries(value)) leaves(item, child(path, key), into);
}

/**
 * The two sides of a change as rows of leaves, so they can be read side by side and the
 * fields that differ marked: a leaf on one side only was added or removed. Rows follow the
 * `before` document, then what only `after` has.
 */
export function diffRows(before: JsonValue, after: JsonValue): DiffRow[] {
  const a = new Map<string, JsonValue>();
  const b = new Map<string, JsonValue>();
  leaves(before, '', a);
  leaves(after, '', b);
  const paths = [...a.keys(), ...[...b.keys()].filter((p) => !a.has(p))];
  return paths.map((path) => {
    const x = a.get(path);
    const y = b.get(path);
    const status: DiffStatus = !a.has(path) ? 'added' : !b.has(path) ? 'removed' : JSON.stringify(x) === JSON.stringify(y) ? 'same' : 'changed';
    return { path, before: x, after: y, status };
  });
}
