import { FeelEvaluationError, fromFeel, openEvaluation, toFeelLiteral, type Compiled, type Evaluation, type FeelList, type FeelValue } from '../feel';
import type { CompiledTable } from './compiled-table';
import { allowedValues, conform, isAllowed, priorityRank } from './column-values';
import { DecisionEvaluationError, type RuleRef } from './errors';
import { applyHitPolicy } from './hit-policies';
import type { DecisionInput, DecisionOutput } from './model';
import { compileCells } from './table-cells';

export interface DecisionResult {
  /** JSON: single output → value; several outputs → object; COLLECT/RULE ORDER/OUTPUT ORDER → list; COLLECT with aggregation → number; no match → null. */
  result: unknown;
  /** The rules whose outputs make up the result, in the result's order. */
  matchedRules: RuleRef[];
}

interface Prepared {
  inputs: Compiled[];
  when: Compiled[][];
  then: Compiled[][];
  inputValues: (FeelValue[] | null)[];
  outputValues: (FeelValue[] | null)[];
}

/** Compiled once per table object: tables are immutable once deployed. */
const prepared = new WeakMap<CompiledTable, Prepared>();

function prepare(table: CompiledTable): Prepared {
  const cached = prepared.get(table);
  if (cached) return cached;
  const cells = compileCells(table.model);
  const [error] = cells.errors;
  if (error) throw new DecisionEvaluationError('INVALID_TABLE', `decision table ${table.model.id}: ${error.path}: FEEL: ${error.error.message}`, error.path);
  const result: Prepared = {
    inputs: cells.inputs as Compiled[],
    when: cells.when as Compiled[][],
    then: cells.then as Compiled[][],
    inputValues: table.model.inputs.map(allowedValues),
    outputValues: table.model.outputs.map(allowedValues),
  };
  prepared.set(table, result);
  return result;
}

/** Runs one FEEL evaluation, naming the table and cell in any error. */
function at<T>(table: CompiledTable, path: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof FeelEvaluationError)
      throw new DecisionEvaluationError('FEEL', `decision table ${table.model.id}: ${path}: ${error.message}`, path, { cause: error });
    throw error;
  }
}

/** A value checked against its column: converted to the declared type and found among the allowed values. */
function checked(
  table: CompiledTable,
  column: DecisionInput | DecisionOutput,
  allowed: FeelValue[] | null,
  value: FeelValue,
  path: string,
  what: string,
): FeelValue {
  const typed = conform(value, column.type);
  if (typed === undefined)
    throw new DecisionEvaluationError('TYPE_MISMATCH', `decision table ${table.model.id}: ${what} ${toFeelLiteral(value)} is not a ${column.type}`, path);
  if (!isAllowed(typed, allowed))
    throw new DecisionEvaluationError(
      'VALUE_NOT_ALLOWED',
      `decision table ${table.model.id}: ${what} ${toFeelLiteral(typed)} is not one of ${allowed?.map(toFeelLiteral).join(', ')}`,
      path,
    );
  return typed;
}

function inputValue(table: CompiledTable, p: Prepared, ev: Evaluation, c: number): FeelValue {
  const input = table.model.inputs[c] as DecisionInput;
  const path = `inputs.${c}`;
  const value = at(table, `${path}.expression`, () => ev.evaluate(p.inputs[c] as Compiled));
  return checked(table, input, p.inputValues[c] ?? null, value, path, `input "${input.label ?? input.expression}"`);
}

function ruleOutputs(table: CompiledTable, p: Prepared, ev: Evaluation, r: number): FeelList {
  return table.model.outputs.map((output, o) => {
    const path = `rules.${r}.then.${o}`;
    const value = at(table, path, () => ev.evaluate((p.then[r] as Compiled[])[o] as Compiled));
    return checked(table, output, p.outputValues[o] ?? null, value, path, `output "${output.name}"`);
  });
}

/** A rule's outputs as JSON: the value of a single output, else an object by output name. */
function outputJson(table: CompiledTable, values: FeelList): unknown {
  if (values.length === 1) return fromFeel(values[0] as FeelValue);
  return Object.fromEntries(table.model.outputs.map((output, o) => [output.name, fromFeel(values[o] as FeelValue)]));
}

/**
 * Evaluates a table for JSON input variables. Input expressions and cells run in strict
 * mode: a variable the input lacks is an error, not a silent null that `-` rules would
 * match. now() and today() read options.now.
 */
export function evaluateTable(table: CompiledTable, input: Record<string, unknown>, options: { now?: () => number } = {}): DecisionResult {
  const p = prepare(table);
  const ev = openEvaluation(input, { strict: true, ...(options.now ? { now: options.now } : {}) });
  const values = table.model.inputs.map((_, c) => inputValue(table, p, ev, c));
  const matched = table.model.rules.flatMap((_, r) =>
    values.every((value, c) => at(table, `rules.${r}.when.${c}`, () => ev.test((p.when[r] as Compiled[])[c] as Compiled, value))) ? [r] : [],
  );
  const cache = new Map<number, FeelList>();
  const outputs = (r: number): FeelList => {
    if (!cache.has(r)) cache.set(r, ruleOutputs(table, p, ev, r));
    return cache.get(r) as FeelList;
  };
  const rank = (r: number): number[] =>
    table.model.outputs.flatMap((_, o) => {
      const allowed = p.outputValues[o];
      return allowed ? [priorityRank(outputs(r)[o] ?? null, allowed)] : [];
    });
  const refs = (rules: number[]): RuleRef[] => rules.map((index) => ({ index, id: table.model.rules[index]?.id ?? null }));
  const hit = applyHitPolicy(table.model, { rules: matched, outputs, rank }, refs);
  const [first] = hit.hits;
  let result: unknown = null;
  if (first !== undefined) {
    if (hit.shape === 'aggregate') result = fromFeel(hit.value);
    else if (hit.shape === 'list') result = hit.hits.map((r) => outputJson(table, outputs(r)));
    else result = outputJson(table, outputs(first));
  }
  return { result, matchedRules: refs(hit.hits) };
}
