import { compileExpression, compileUnaryTests, evaluateExpression, testUnary, type EvaluationOptions } from '../../../src-main/core/feel';

/** Compiles and evaluates a FEEL expression, failing the test on a syntax error. */
export function feel(source: string, variables: Record<string, unknown> = {}, options: EvaluationOptions = {}): unknown {
  const compiled = compileExpression(source);
  if (!compiled.ok) throw new Error(`syntax error in ${source}: ${compiled.error.message} at ${compiled.error.from}`);
  return evaluateExpression(compiled.compiled, variables, options);
}

/** Compiles unary tests and applies them to an input. */
export function unary(tests: string, input: unknown, variables: Record<string, unknown> = {}): boolean {
  const compiled = compileUnaryTests(tests);
  if (!compiled.ok) throw new Error(`syntax error in ${tests}: ${compiled.error.message} at ${compiled.error.from}`);
  return testUnary(compiled.compiled, input, variables);
}
