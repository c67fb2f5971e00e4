import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { Problem } from '@shared/domain/problems';

export type DocPath = readonly (string | number)[];

/**
 * A YAML or JSON file (JSON is YAML 1.2) parsed with positions, so that every problem
 * found later — by zod or by semantic checks — points at a line and column of the file.
 */
export interface LocatedDocument {
  file: string;
  value: unknown;
  /** 1-based line and column of the node at `path` (or of its nearest existing parent). */
  locate(path: DocPath, offsetInScalar?: number): { line: number; column: number };
  problem(severity: Problem['severity'], code: string, message: string, path: DocPath, offsetInScalar?: number): Problem;
}

export function pathString(path: DocPath): string {
  return path.map(String).join('.');
}

export function parseLocated(text: string, file: string): { doc?: LocatedDocument; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const parsed: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  if (parsed.errors.length > 0) {
    return {
      problems: parsed.errors.map((e) => ({
        severity: 'error' as const,
        code: 'syntax',
        message: e.message.split('\n')[0] ?? e.message,
        file,
        ...at(e.pos[0]),
        path: '',
      })),
    };
  }
  const locate = (path: DocPath, offsetInScalar = 0) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = parsed.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) {
        // Inside a quoted scalar the text starts one character after the quote.
        const quoted = depth === path.length && offsetInScalar > 0 && 'type' in node && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') ? 1 : 0;
        return at(node.range[0] + (depth === path.length ? offsetInScalar + quoted : 0));
      }
    }
    return { line: 1, column: 1 };
  };
  const doc: LocatedDocument = {
    file,
    value: parsed.toJS({ maxAliasCount: 50 }),
    locate,
    problem: (severity, code, message, path, offsetInScalar) => ({ severity, code, message, file, ...locate(path, offsetInScalar), path: pathString(path) }),
  };
  return { doc, problems: [] };
}

/** Zod issues as problems at the offending node. */
export function zodProblems(doc: LocatedDocument, issues: readonly { path: readonly PropertyKey[]; message: string; code?: string }[]): Problem[] {
  return issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    return doc.problem('error', 'schema', `${pathString(path) || '(document)'}: ${issue.message}`, path);
  });
}
