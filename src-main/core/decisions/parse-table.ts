import type { Problem } from '@shared/domain/problems';
import { parseLocated, zodProblems } from '../documents/yaml-document';
import { compileTable, type CompiledTable } from './compiled-table';
import { DecisionTableModel } from './model';

/** "rules.4.when.1" → ["rules", 4, "when", 1]. */
function docPath(path: string): (string | number)[] {
  return path === '' ? [] : path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Parses a YAML or JSON table file (JSON through the YAML parser, so positions work for
 * both). Returns the table when it matches the schema; FEEL and overlap checks are
 * analyseTable's, which finds this file's positions through the table.
 */
export function parseDecisionTable(text: string, file: string): { table?: CompiledTable; problems: Problem[] } {
  const { doc, problems } = parseLocated(text, file);
  if (!doc) return { problems };
  const parsed = DecisionTableModel.safeParse(doc.value);
  if (!parsed.success) return { problems: zodProblems(doc, parsed.error.issues) };
  return { table: compileTable(parsed.data, (path, offset) => doc.locate(docPath(path), offset)), problems: [] };
}
