import type { JsonValue } from '@shared/domain/audit';
import type { Provenance, ProvenanceEntry } from './types';

type Vars = { [key: string]: JsonValue };

/** Sets `a.b.c` in the variables, creating objects on the way; records who set it and drops provenance of the fields it overwrote. */
export function assign(variables: Vars, provenance: Provenance, target: string, value: JsonValue, entry: ProvenanceEntry): void {
  const parts = target.split('.');
  let node: Vars = variables;
  for (const part of parts.slice(0, -1)) {
    const child = node[part];
    if (child === null || typeof child !== 'object' || Array.isArray(child)) node[part] = {};
    node = node[part] as Vars;
  }
  node[parts.at(-1) as string] = value;
  for (const path of Object.keys(provenance)) if (path === target || path.startsWith(`${target}.`)) delete provenance[path];
  provenance[target] = entry;
}

/** Records provenance for every leaf of a value set at once (the start input, a form's output). */
export function provenanceOfLeaves(value: JsonValue, prefix: string, entry: ProvenanceEntry, into: Provenance): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0 && !isMoney(value)) {
    for (const [key, child] of Object.entries(value)) provenanceOfLeaves(child, prefix ? `${prefix}.${key}` : key, entry, into);
  } else if (prefix) into[prefix] = entry;
}

function isMoney(value: { [key: string]: JsonValue }): boolean {
  const keys = Object.keys(value);
  return keys.length === 2 && keys.includes('amount') && keys.includes('currency');
}

/** Who set a field: the entry for the path itself or the nearest parent that was set whole. */
export function provenanceOf(provenance: Provenance, path: string): ProvenanceEntry | null {
  for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const entry = provenance[p];
    if (entry) return entry;
  }
  return null;
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** The value at `a.b.c`, or undefined. */
export function valueAt(variables: { [key: string]: JsonValue }, path: string): JsonValue | undefined {
  let node: JsonValue | undefined = variables;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = (node as { [key: string]: JsonValue })[part];
  }
  return node;
}
