import type { JsonValue } from '@shared/domain/audit';

function Scalar({ value }: { value: JsonValue }) {
  if (value === null) return <span className="cl-json__null">null</span>;
  if (typeof value === 'string') return <span className="cl-json__string">&quot;{value}&quot;</span>;
  if (typeof value === 'number') return <span className="cl-json__number">{value}</span>;
  if (typeof value === 'boolean') return <span className="cl-json__bool">{String(value)}</span>;
  return null;
}

function summary(value: JsonValue[] | { [key: string]: JsonValue }): string {
  if (Array.isArray(value)) return `[ ${value.length} item${value.length === 1 ? '' : 's'} ]`;
  const n = Object.keys(value).length;
  return `{ ${n} field${n === 1 ? '' : 's'} }`;
}

/**
 * A JSON value as an expandable tree (native details/summary: keyboard and screen-reader
 * friendly without any script). Levels below `open` start collapsed.
 */
export function JsonTree({ value, open = 2, depth = 0 }: { value: JsonValue; open?: number; depth?: number }) {
  if (value === null || typeof value !== 'object') return <Scalar value={value} />;
  const entries: [string, JsonValue][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  if (entries.length === 0) return <span className="cl-json__null">{Array.isArray(value) ? '[]' : '{}'}</span>;
  return (
    <details className="cl-json" open={depth < open}>
      <summary className="cl-json__summary">{summary(value)}</summary>
      <div className="cl-json__children">
        {entries.map(([key, child]) => (
          <div key={key} className="cl-json__row">
            <span className="cl-json__key">{Array.isArray(value) ? `[${key}]` : key}:</span> <JsonTree value={child} open={open} depth={depth + 1} />
          </div>
        ))}
      </div>
    </details>
  );
}
