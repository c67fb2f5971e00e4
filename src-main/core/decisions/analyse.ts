import type { Problem } from '@shared/domain/problems';
import { constantValue, describeUnaryTests, feelEquals, isDecimal, toFeel, toFeelLiteral } from '../feel';
import { sourceLocator, type CompiledTable, type Locate } from './compiled-table';
import { allowedValues, columnLabel, conform, isAllowed } from './column-values';
import type { DecisionTableModel } from './model';
import { findOverlaps, type Undecided } from './overlap';
import { compileCells, type TableCells } from './table-cells';

type Report = (severity: Problem['severity'], code: string, message: string, path: string, offset?: number) => void;

function hitPolicyChecks(model: DecisionTableModel, report: Report): void {
  const { hitPolicy, aggregation, outputs } = model;
  if (aggregation && hitPolicy !== 'COLLECT')
    report('error', 'aggregation-needs-collect', `aggregation ${aggregation} applies to hit policy COLLECT only, not ${hitPolicy}`, 'aggregation');
  if (aggregation && outputs.length > 1)
    report('error', 'aggregation-single-output', `aggregation ${aggregation} needs exactly one output, not ${outputs.length}`, 'outputs');
  if (aggregation === 'SUM' && outputs[0]?.type && outputs[0].type !== 'number')
    report('error', 'aggregation-type', `aggregation SUM needs a number output, not ${outputs[0].type}`, 'outputs.0.type');
  if ((hitPolicy === 'PRIORITY' || hitPolicy === 'OUTPUT ORDER') && !outputs.some((o) => o.values)) {
    report(
      'error',
      'priority-needs-values',
      `hit policy ${hitPolicy} ranks outputs by their allowed values: give an output "values" in priority order`,
      'outputs',
    );
  }
}

function duplicates(values: readonly (string | undefined)[], report: (index: number, value: string) => void): void {
  const seen = new Set<string>();
  values.forEach((v, i) => {
    if (v === undefined) return;
    if (seen.has(v)) report(i, v);
    seen.add(v);
  });
}

function uniquenessChecks(model: DecisionTableModel, report: Report): void {
  duplicates(
    model.outputs.map((o) => o.name),
    (i, name) => report('error', 'duplicate-output', `output name "${name}" is used twice`, `outputs.${i}.name`),
  );
  duplicates(
    model.rules.map((r) => r.id),
    (i, id) => report('error', 'duplicate-rule-id', `rule id "${id}" is used twice`, `rules.${i}.id`),
  );
}

/** Declared allowed values must be of the declared type. */
function allowedValueChecks(model: DecisionTableModel, report: Report): void {
  for (const [kind, columns] of [
    ['inputs', model.inputs],
    ['outputs', model.outputs],
  ] as const) {
    columns.forEach((column, c) =>
      column.values?.forEach((v, k) => {
        if (conform(toFeel(v), column.type) === undefined)
          report('error', 'type-mismatch', `allowed value ${JSON.stringify(v)} is not a ${column.type}`, `${kind}.${c}.values.${k}`);
      }),
    );
  }
}

/** Output cells that are constants must fit their column; input cells testing for a value the column never takes can never match. */
function cellValueChecks(model: DecisionTableModel, cells: TableCells, report: Report): void {
  const outputAllowed = model.outputs.map(allowedValues);
  const inputAllowed = model.inputs.map(allowedValues);
  model.rules.forEach((_, r) => {
    model.outputs.forEach((output, o) => {
      const compiled = cells.then[r]?.[o];
      const constant = compiled ? constantValue(compiled) : null;
      if (!constant) return;
      const path = `rules.${r}.then.${o}`;
      const typed = conform(constant.value, output.type);
      if (typed === undefined) report('error', 'type-mismatch', `output ${toFeelLiteral(constant.value)} is not a ${output.type}`, path);
      else if (!isAllowed(typed, outputAllowed[o] ?? null))
        report('error', 'value-not-allowed', `output ${toFeelLiteral(typed)} is not an allowed value of ${output.name}`, path);
      else if (model.aggregation === 'SUM' && typed !== null && !isDecimal(typed))
        report('error', 'aggregation-type', `aggregation SUM needs numbers, not ${toFeelLiteral(typed)}`, path);
    });
    model.inputs.forEach((input, c) => {
      const compiled = cells.when[r]?.[c];
      const allowed = inputAllowed[c];
      if (!compiled || !allowed) return;
      const shape = describeUnaryTests(compiled);
      if (shape.kind !== 'tests' || shape.negated) return;
      for (const test of shape.tests) {
        if (test.kind === 'compare' && test.op === '=' && !isAllowed(test.value, allowed)) {
          report(
            'warning',
            'value-not-allowed',
            `${toFeelLiteral(test.value)} is not an allowed value of ${columnLabel(input)}: this test never matches`,
            `rules.${r}.when.${c}`,
          );
        }
      }
    });
  });
}

/** For ANY: whether two rules' outputs differ — known for constants and for identical texts, else undecided. */
function outputsDiffer(model: DecisionTableModel, cells: TableCells): (a: number, b: number) => boolean | Undecided {
  const constants = cells.then.map((row) => row.map((c) => (c ? constantValue(c) : null)));
  return (a, b) => {
    for (const [o] of model.outputs.entries()) {
      const x = constants[a]?.[o];
      const y = constants[b]?.[o];
      if (x && y) {
        if (feelEquals(x.value, y.value) !== true) return true;
      } else if (model.rules[a]?.then[o]?.trim() !== model.rules[b]?.then[o]?.trim()) {
        return { path: `rules.${b}.then.${o}`, what: `rule ${b + 1} output ${o + 1} is not a constant` };
      }
    }
    return false;
  };
}

function overlapChecks(model: DecisionTableModel, cells: TableCells, report: Report): void {
  if (model.hitPolicy !== 'UNIQUE' && model.hitPolicy !== 'ANY') return;
  const any = model.hitPolicy === 'ANY';
  const { overlaps, undecided } = findOverlaps(model, cells.when, any ? outputsDiffer(model, cells) : () => true);
  for (const { first, second, example } of overlaps) {
    const message = any
      ? `rules ${first + 1} and ${second + 1} overlap and give different outputs (hit policy ANY), e.g. for ${example}`
      : `rules ${first + 1} and ${second + 1} overlap (hit policy UNIQUE), e.g. for ${example}`;
    report('error', any ? 'any-conflict' : 'unique-overlap', message, `rules.${second}`);
  }
  if (undecided)
    report('warning', 'not-analysable', `not analysable: ${undecided.what}, so overlaps involving it cannot be ruled out statically`, undecided.path);
}

/**
 * Static checks of a table: FEEL syntax in every cell (at the offending character),
 * hit policy and aggregation consistency, declared types and allowed values, and for
 * UNIQUE (and ANY with differing outputs) rules that can match the same input.
 * Positions come from `locate`, else from the file the table was parsed from.
 */
export function analyseTable(table: CompiledTable, file: string, locate?: Locate): Problem[] {
  const at: Locate = locate ?? sourceLocator(table) ?? (() => ({ line: 1, column: 1 }));
  const problems: Problem[] = [];
  const report: Report = (severity, code, message, path, offset) => problems.push({ severity, code, message, file, ...at(path, offset), path });
  const { model } = table;
  const cells = compileCells(model);
  for (const { path, error } of cells.errors) report('error', 'feel-syntax', `FEEL: ${error.message}`, path, error.from);
  hitPolicyChecks(model, report);
  uniquenessChecks(model, report);
  allowedValueChecks(model, report);
  cellValueChecks(model, cells, report);
  overlapChecks(model, cells, report);
  return problems;
}
