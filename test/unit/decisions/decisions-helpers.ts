import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDecisionTable, type CompiledTable } from '../../../src-main/core/decisions';

const fixtures = resolve(import.meta.dirname, '../../fixtures');

export function fixture(path: string): string {
  return readFileSync(resolve(fixtures, path), 'utf8');
}

/** Parses a YAML table, failing the test on any schema problem. */
export function table(yaml: string, file = 'table.yaml'): CompiledTable {
  const { table: parsed, problems } = parseDecisionTable(yaml, file);
  if (!parsed) throw new Error(`table does not parse: ${problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('; ')}`);
  return parsed;
}
