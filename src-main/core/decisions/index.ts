/**
 * DMN decision tables for Clearline: a YAML/JSON form and an importer for DMN 1.3–1.5
 * files, static analysis (FEEL syntax, consistency, overlaps), and evaluation with every
 * DMN hit policy over the decimal FEEL evaluator.
 */
export { DecisionTableModel, HitPolicy, Aggregation, ColumnType, HIT_POLICIES } from './model';
export type { DecisionInput, DecisionOutput } from './model';
export type { CompiledTable, Locate } from './compiled-table';
export { parseDecisionTable } from './parse-table';
export { importDmn, DMN_NAMESPACES } from './dmn-import';
export { analyseTable } from './analyse';
export { evaluateTable, type DecisionResult } from './evaluate-table';
export { UniqueViolationError, AnyViolationError, DecisionEvaluationError, type DecisionErrorCode, type RuleRef } from './errors';
