import { createHash } from 'node:crypto';
import { canonicalJson } from '@shared/domain/canonical-json';
import type { DecisionTableModel } from './model';

export interface CompiledTable {
  model: DecisionTableModel;
  /** SHA-256 (hex) of the RFC 8785 canonical JSON of the model: equal tables from YAML and DMN hash alike. */
  contentHash: string;
}

/** 1-based line and column of a path in the table's source ("rules.4.when.1"), optionally of a character inside that cell. */
export type Locate = (path: string, offsetInCell?: number) => { line: number; column: number };

/**
 * Where each table came from, for tables made by parseDecisionTable() or importDmn(): so
 * analyseTable() points problems at the right line even when its caller has no locator.
 */
const sources = new WeakMap<CompiledTable, Locate>();

export function compileTable(model: DecisionTableModel, locate?: Locate): CompiledTable {
  const table: CompiledTable = { model, contentHash: createHash('sha256').update(canonicalJson(model), 'utf8').digest('hex') };
  if (locate) sources.set(table, locate);
  return table;
}

export function sourceLocator(table: CompiledTable): Locate | undefined {
  return sources.get(table);
}
