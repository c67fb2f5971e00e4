import type { JsonValue } from '@shared/domain/audit';

export interface DataLeaf {
  path: string;
  value: JsonValue;
}

/** An amount with its currency: shown as one value ("1250.00 EUR"), not as two fields. */
export function isMoney(value: JsonValue): value is { amount: string; currency: string } {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === 2 &&
    typeof value.amount === 'string' &&
    typeof value.currency === 'string'
  );
}

/**
 * The data shown with a task as a flat list of dotted paths and values, in the order the
 * workflow gave them: what matters to a decision reads as lines, not as a tree to unfold.
 */
export function dataLeaves(data: { [key: string]: JsonValue }): DataLeaf[] {
  const leaves: DataLeaf[] = [];
  const walk = (path: string, value: JsonValue) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && !isMoney(value) && Object.keys(value).length > 0) {
      for (const [key, child] of Object.entries(value)) walk(`${path}.${key}`, child);
    } else {
      leaves.push({ path, value });
    }
  };
  for (const [key, value] of Object.entries(data)) walk(key, value);
  return leaves;
}

export function formatLeaf(value: JsonValue): string {
  if (value === null) return '—';
  if (isMoney(value)) return `${value.amount} ${value.currency}`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
