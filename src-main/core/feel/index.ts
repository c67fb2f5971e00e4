import type { Expr, UnaryTests } from './ast';
import { fromFeel, toFeel } from './convert';
import { FeelCompileError, FeelEvaluationError, type FeelErrorCode, type FeelSyntaxError } from './errors';
import { Evaluator } from './evaluator';
import { freeNames } from './names';
import { VariablesScope } from './scope';
import { fold, shapeOfUnaryTests, type TestShape, type UnaryTestsShape } from './static-tests';
import { parseExpression, parseUnaryTests } from './syntax';
import { normalizeZone } from './temporal-text';
import type { FeelValue } from './values';

/**
 * FEEL (DMN 1.5) for Clearline: expressions and unary tests over decimal numbers, compiled
 * once and evaluated many times. No eval, no Function, no JavaScript from users: FEEL runs
 * in an interpreter that can reach nothing but its variables and the built-in functions.
 */

export { FeelEvaluationError, fromFeel, toFeel };
export type { FeelErrorCode, FeelSyntaxError, FeelValue, TestShape, UnaryTestsShape };
export { kindOf, type FeelList, type Kind } from './values';
export { compareValues, feelEquals, neighbour } from './compare';
export { toFeelLiteral } from './literal';
export { isDecimal, type Decimal } from './decimal';
export { castTo, type DeclaredType } from './types';

export type Compiled = { readonly source: string; readonly kind: 'expression' | 'unary-tests' };

export interface EvaluationOptions {
  /** Throw FeelEvaluationError UNKNOWN_VARIABLE / UNKNOWN_FUNCTION for names that resolve to nothing, instead of null. */
  strict?: boolean;
  /** The clock for now() and today(), in epoch milliseconds. Without it those functions throw NO_CLOCK. */
  now?: () => number;
  /** Zone of now() and today(): "Z" (default), an offset such as "+02:00", or an IANA name. */
  zone?: string;
}

const trees = new WeakMap<Compiled, Expr | UnaryTests>();

function compile(source: string, kind: Compiled['kind']): { ok: true; compiled: Compiled } | { ok: false; error: FeelSyntaxError } {
  try {
    const tree = kind === 'expression' ? parseExpression(source) : parseUnaryTests(source);
    const compiled: Compiled = Object.freeze({ source, kind });
    trees.set(compiled, tree);
    return { ok: true, compiled };
  } catch (error) {
    if (error instanceof FeelCompileError) return { ok: false, error: { message: error.message, from: error.from, to: error.to } };
    if (error instanceof RangeError) return { ok: false, error: { message: 'expression nested too deeply', from: 0, to: source.length } };
    throw error;
  }
}

export function compileExpression(source: string): { ok: true; compiled: Compiled } | { ok: false; error: FeelSyntaxError } {
  return compile(source, 'expression');
}

export function compileUnaryTests(source: string): { ok: true; compiled: Compiled } | { ok: false; error: FeelSyntaxError } {
  return compile(source, 'unary-tests');
}

function expressionTree(compiled: Compiled): Expr {
  const tree = trees.get(compiled);
  if (!tree || compiled.kind !== 'expression') throw new FeelEvaluationError('NOT_COMPILED', 'not the result of compileExpression()', 0, 0);
  return tree as Expr;
}

function unaryTestsTree(compiled: Compiled): UnaryTests {
  const tree = trees.get(compiled);
  if (!tree || compiled.kind !== 'unary-tests') throw new FeelEvaluationError('NOT_COMPILED', 'not the result of compileUnaryTests()', 0, 0);
  return tree as UnaryTests;
}

function evaluator(options: EvaluationOptions): Evaluator {
  const zone = normalizeZone(options.zone ?? 'Z');
  if (zone === null) throw new FeelEvaluationError('BAD_INPUT', `unknown time zone "${options.zone}"`, 0, 0);
  return new Evaluator({ strict: options.strict ?? false, now: options.now, zone });
}

/** Runs an evaluation step; a stack overflow from pathological nesting becomes a LIMIT error at the whole text. */
function guarded<T>(compiled: Compiled, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new FeelEvaluationError('LIMIT', 'evaluation nested too deeply', 0, compiled.source.length);
    }
    if (error instanceof FeelEvaluationError && error.to === 0) {
      // Errors raised away from the syntax tree (variable conversion, regular expressions) point at the whole text.
      throw new FeelEvaluationError(error.code, error.message, 0, compiled.source.length);
    }
    throw error;
  }
}

/**
 * A series of evaluations over the same variables: they are converted once, and the step
 * budget is shared. A decision table evaluates its input expressions and cells in one.
 */
export interface Evaluation {
  evaluate(compiled: Compiled): FeelValue;
  test(compiled: Compiled, input: FeelValue): boolean;
}

export function openEvaluation(variables: Readonly<Record<string, unknown>>, options: EvaluationOptions = {}): Evaluation {
  const ev = evaluator(options);
  const scope = new VariablesScope(variables);
  return {
    evaluate: (compiled) => guarded(compiled, () => ev.evaluate(expressionTree(compiled), scope)),
    test: (compiled, input) => guarded(compiled, () => ev.unaryTests(unaryTestsTree(compiled), input, scope) === true),
  };
}

/** Evaluates with variables given as JSON values (see convert.ts); returns a JSON value. */
export function evaluateExpression(compiled: Compiled, variables: Readonly<Record<string, unknown>>, options: EvaluationOptions = {}): unknown {
  const value = openEvaluation(variables, options).evaluate(compiled);
  return guarded(compiled, () => fromFeel(value));
}

/** True if `input` (a JSON value) satisfies the unary tests; null and false results are both "no". */
export function testUnary(compiled: Compiled, input: unknown, variables: Readonly<Record<string, unknown>>, options: EvaluationOptions = {}): boolean {
  return openEvaluation(variables, options).test(compiled, toFeel(input, '?'));
}

/** Names a compiled expression or unary test reads from its variables (not built-ins, not names it binds itself). */
export function referencedNames(compiled: Compiled): string[] {
  const tree = trees.get(compiled);
  if (!tree) throw new FeelEvaluationError('NOT_COMPILED', 'not the result of a compile function', 0, 0);
  return freeNames(tree);
}

/** The unary tests as comparisons with constants where they can be folded, for static analysis (see static-tests.ts). */
export function describeUnaryTests(compiled: Compiled): UnaryTestsShape {
  return shapeOfUnaryTests(unaryTestsTree(compiled), evaluator({}));
}

/** The value of a compiled expression that reads no variables, no `?` and no clock (`date("2026-01-01")`, `"L2"`); null otherwise. */
export function constantValue(compiled: Compiled): { value: FeelValue } | null {
  return fold(expressionTree(compiled), evaluator({}));
}
