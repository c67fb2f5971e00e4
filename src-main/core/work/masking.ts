import type { JsonValue } from '@shared/domain/audit';
import { maskIban } from '@shared/domain/iban';
import type { WorkflowDefinition } from '@shared/domain/workflow/definition';
import { WorkflowModel } from '../engine/definitions/workflow-model';

/**
 * Sensitive values (account numbers, tax ids) are shown masked unless the viewer asks to
 * see one in clear, which needs `sensitive.unmask` and is an audit event. A path is
 * sensitive when a form field says so, or when its last name looks like one of these.
 */
const SENSITIVE_NAME = /(iban|account|accountnumber|taxid|tax_id|vat|ssn|passport|nationalid)$/i;

export function isSensitivePath(path: string, declared: ReadonlySet<string> = new Set()): boolean {
  return declared.has(path) || SENSITIVE_NAME.test(path.split('.').at(-1) ?? '');
}

/**
 * The variable paths a workflow declares sensitive: each form field marked `sensitive`, at
 * the place the human task stores its form (`result: invoice.captured` and a sensitive
 * `iban` field give `invoice.captured.iban`). A form without `result` stores nothing.
 */
export function declaredSensitivePaths(definition: WorkflowDefinition): Set<string> {
  const paths = new Set<string>();
  for (const { step } of new WorkflowModel(definition).steps.values()) {
    if (step.kind !== 'task.human' || !step.result) continue;
    for (const field of step.form) if (field.sensitive) paths.add(`${step.result}.${field.name}`);
  }
  return paths;
}

export function maskValue(value: JsonValue): JsonValue {
  if (value === null) return null;
  if (typeof value === 'string') {
    if (/^[A-Z]{2}\d{2}/i.test(value.replace(/\s/g, '')) && value.replace(/\s/g, '').length >= 15) return maskIban(value);
    return value.length <= 4 ? '••••' : `•••• ${value.slice(-4)}`;
  }
  return '••••';
}

/**
 * Whether the value at a path is masked: the path is sensitive, or it lies inside a
 * sensitive object (a sensitive account given as { iban, bic } is masked whole).
 */
export function liesInSensitive(path: string, declared: ReadonlySet<string>): boolean {
  const parts = path.split('.');
  return parts.some((_, i) => isSensitivePath(parts.slice(0, i + 1).join('.'), declared));
}

/**
 * Whether comparing the value at `path` would disclose a sensitive value: the path is
 * masked (see liesInSensitive), or it holds a declared sensitive field (an object compared whole).
 */
export function exposesSensitive(path: string, declared: ReadonlySet<string>): boolean {
  return liesInSensitive(path, declared) || [...declared].some((d) => d.startsWith(`${path}.`));
}

/**
 * Masks sensitive fields anywhere in a value, and every leaf inside a sensitive object;
 * returns the masked copy and collects the paths of the leaves masked.
 */
export function maskTree(value: JsonValue, prefix: string, declared: ReadonlySet<string>, masked: string[], inside = false): JsonValue {
  const sensitive = inside || (prefix !== '' && isSensitivePath(prefix, declared));
  const at = (key: string) => (prefix ? `${prefix}.${key}` : key);
  if (Array.isArray(value)) return value.map((item, i) => maskTree(item, at(String(i)), declared, masked, sensitive));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskTree(v, at(k), declared, masked, sensitive)]));
  }
  if (!sensitive) return value;
  masked.push(prefix);
  return maskValue(value);
}

/** The value at a path as maskTree names it (list items by index, e.g. payees.0.iban); undefined if absent. */
export function valueAtMaskedPath(value: JsonValue, path: string): JsonValue | undefined {
  let node: JsonValue | undefined = value;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Array.isArray(node) ? (/^\d+$/.test(part) ? node[Number(part)] : undefined) : node[part];
  }
  return node;
}
