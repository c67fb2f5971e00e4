/**
 * JSON Canonicalization Scheme (RFC 8785). The audit chain hashes events over this form,
 * so that any verifier in any language reproduces the same bytes: object members sorted
 * by UTF-16 code units, no whitespace, numbers in ECMAScript shortest form, strings
 * escaped as ECMAScript's JSON.stringify does. Values JSON cannot carry are refused
 * rather than silently dropped or rounded.
 */
export class CanonicalJsonError extends Error {
  constructor(path: string, reason: string) {
    super(`cannot canonicalize ${path || '(root)'}: ${reason}`);
    this.name = 'CanonicalJsonError';
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function serializeString(value: string, path: string): string {
  if (LONE_SURROGATE.test(value)) throw new CanonicalJsonError(path, 'string holds a lone surrogate (not I-JSON)');
  return JSON.stringify(value);
}

function serialize(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(path, `${value} is not a JSON number`);
      return JSON.stringify(value);
    case 'string':
      return serializeString(value, path);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value
          .map((item, i) => {
            if (item === undefined) throw new CanonicalJsonError(`${path}[${i}]`, 'undefined is not a JSON value');
            return serialize(item, `${path}[${i}]`);
          })
          .join(',')}]`;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        throw new CanonicalJsonError(path, `a ${proto?.constructor?.name ?? 'non-plain'} object is not JSON; convert it first`);
      }
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${serializeString(k, path)}:${serialize(v, path ? `${path}.${k}` : k)}`).join(',')}}`;
    }
    default:
      throw new CanonicalJsonError(path, `a ${typeof value} is not a JSON value`);
  }
}

export function canonicalJson(value: unknown): string {
  return serialize(value, '');
}
