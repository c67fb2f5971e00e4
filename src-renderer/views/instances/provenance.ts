import type { JsonValue } from '@shared/domain/audit';

/** Who set a variable, as the engine records it per field (src-main …/interpreter/types.ts ProvenanceEntry). */
export interface SetBy {
  who: string;
  /** Epoch ms, or null when unknown. */
  at: number | null;
}

function describe(entry: JsonValue): SetBy | null {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return null;
  const by = entry.by;
  const at = typeof entry.at === 'number' ? entry.at : null;
  if (by === null || typeof by !== 'object' || Array.isArray(by)) return { who: 'unknown', at };
  switch (by.kind) {
    case 'input':
      return { who: `input by ${String(by.username ?? '?')}`, at };
    case 'user':
      return { who: `${String(by.username ?? '?')} (operator)`, at };
    case 'step':
      return { who: `step ${String(by.step ?? '?')}`, at };
    case 'engine':
      return { who: 'engine', at };
    default:
      return { who: String(by.kind ?? 'unknown'), at };
  }
}

/**
 * Who set a top-level variable: every distinct setter of the field or of any field inside
 * it (provenance is kept per leaf), and when it was last set.
 */
export function setters(provenance: Record<string, JsonValue>, field: string): { who: string[]; last: number | null } {
  const who = new Set<string>();
  let last: number | null = null;
  for (const [path, entry] of Object.entries(provenance)) {
    if (path !== field && !path.startsWith(`${field}.`) && !path.startsWith(`${field}[`)) continue;
    const set = describe(entry);
    if (!set) continue;
    who.add(set.who);
    if (set.at !== null && (last === null || set.at > last)) last = set.at;
  }
  return { who: [...who], last };
}
