import type { JsonValue } from '@shared/domain/audit';
import { maskIban } from '@shared/domain/iban';

/**
 * Sensitive values (account numbers, tax ids) are shown masked unless the viewer asks to
 * see one in clear, which needs `sensitive.unmask` and is an audit event. A path is
 * sensitive when a form field says so, or when its last name looks like one of these.
 */
const SENSITIVE_NAME = /(iban|account|accountnumber|taxid|tax_id|vat|ssn|passport|nationalid)$/i;

export function isSensitivePath(path: string, declared: ReadonlySet<string> = new Set()): boolean {
  return declared.has(path) || SENSITIVE_NAME.test(path.split('.').at(-1) ?? '');
}

export function maskValue(value: JsonValue): JsonValue {
  if (value === null) return null;
  if (typeof value === 'string') {
    if (/^[A-Z]{2}\d{2}/i.test(value.replace(/\s/g, '')) && value.replace(/\s/g, '').length >= 15) return maskIban(value);
    return value.length <= 4 ? '••••' : `•••• ${value.slice(-4)}`;
  }
  return '••••';
}

/** Masks sensitive fields anywhere in a value; returns the masked copy and the paths masked. */
export function maskTree(value: JsonValue, prefix: string, declared: ReadonlySet<string>, masked: string[]): JsonValue {
  if (prefix && isSensitivePath(prefix, declared) && (value === null || typeof value !== 'object')) {
    masked.push(prefix);
    return maskValue(value);
  }
  if (Array.isArray(value)) return value.map((item, i) => maskTree(item, `${prefix}.${i}`, declared, masked));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskTree(v, prefix ? `${prefix}.${k}` : k, declared, masked)]));
  }
  return value;
}
