import { compileExpression, compileUnaryTests, type Compiled, type FeelSyntaxError } from '../feel';
import type { DecisionTableModel } from './model';

/** Every FEEL text of a table, compiled: input expressions, rule conditions (unary tests) and rule outputs. */
export interface TableCells {
  inputs: (Compiled | null)[];
  /** [rule][input]. */
  when: (Compiled | null)[][];
  /** [rule][output]; a blank output cell is the expression `null`. */
  then: (Compiled | null)[][];
  errors: { path: string; source: string; error: FeelSyntaxError }[];
}

export function compileCells(model: DecisionTableModel): TableCells {
  const errors: TableCells['errors'] = [];
  const compile = (source: string, path: string, unary: boolean): Compiled | null => {
    const text = !unary && source.trim() === '' ? 'null' : source;
    const result = unary ? compileUnaryTests(text) : compileExpression(text);
    if (result.ok) return result.compiled;
    errors.push({ path, source, error: result.error });
    return null;
  };
  return {
    inputs: model.inputs.map((input, c) => compile(input.expression, `inputs.${c}.expression`, false)),
    when: model.rules.map((rule, r) => rule.when.map((cell, c) => compile(cell, `rules.${r}.when.${c}`, true))),
    then: model.rules.map((rule, r) => rule.then.map((cell, o) => compile(cell, `rules.${r}.then.${o}`, false))),
    errors,
  };
}
