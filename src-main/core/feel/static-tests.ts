import type { CompareOp, Expr, UnaryTests } from './ast';
import { FeelEvaluationError } from './errors';
import type { Evaluator } from './evaluator';
import { freeNames, someNode, usesInput } from './names';
import type { Scope } from './scope';
import { FeelRange, isList, type FeelValue } from './values';

/**
 * Unary tests reduced to comparisons with constants, for static analysis of decision
 * tables (overlaps). A test whose operands are constant — literals, or built-ins such as
 * date("…") applied to literals — is folded to values; anything that depends on variables,
 * on `?` or on the clock is `opaque`, with its span so a warning can point at it.
 */

export type TestShape =
  | { kind: 'compare'; op: CompareOp; value: FeelValue }
  | { kind: 'interval'; start: FeelValue; startIncluded: boolean; end: FeelValue; endIncluded: boolean }
  | { kind: 'opaque'; from: number; to: number };

export type UnaryTestsShape = { kind: 'any' } | { kind: 'tests'; negated: boolean; tests: TestShape[] };

const CLOCK_FUNCTIONS = new Set(['now', 'today']);

function isConstant(e: Expr): boolean {
  return freeNames(e).length === 0 && !usesInput(e) && !someNode(e, (n) => n.type === 'call' && n.callee.type === 'name' && CLOCK_FUNCTIONS.has(n.callee.name));
}

const EMPTY: Scope = { lookup: () => undefined };

/** The value of an expression that needs no variables, input or clock; null when it is not such a constant (or fails). */
export function fold(e: Expr, evaluator: Evaluator): { value: FeelValue } | null {
  if (!isConstant(e)) return null;
  try {
    return { value: evaluator.evaluate(e, EMPTY) };
  } catch (error) {
    if (error instanceof FeelEvaluationError) return null;
    throw error;
  }
}

function valueShapes(value: FeelValue, e: Expr): TestShape[] {
  if (value instanceof FeelRange) {
    if (value.start && value.end)
      return [{ kind: 'interval', start: value.start.value, startIncluded: value.start.included, end: value.end.value, endIncluded: value.end.included }];
    if (value.start) return [{ kind: 'compare', op: value.start.included ? '>=' : '>', value: value.start.value }];
    if (value.end) return [{ kind: 'compare', op: value.end.included ? '<=' : '<', value: value.end.value }];
    return [{ kind: 'opaque', from: e.from, to: e.to }];
  }
  if (isList(value)) return value.map((item) => ({ kind: 'compare', op: '=', value: item }));
  return [{ kind: 'compare', op: '=', value }];
}

function shapeOf(e: Expr, evaluator: Evaluator): TestShape[] {
  const opaque: TestShape[] = [{ kind: 'opaque', from: e.from, to: e.to }];
  if (e.type === 'unary-compare') {
    const operand = fold(e.operand, evaluator);
    return operand ? [{ kind: 'compare', op: e.op, value: operand.value }] : opaque;
  }
  if (e.type === 'interval') {
    const start = fold(e.start, evaluator);
    const end = fold(e.end, evaluator);
    return start && end ? [{ kind: 'interval', start: start.value, startIncluded: e.startIncluded, end: end.value, endIncluded: e.endIncluded }] : opaque;
  }
  const folded = fold(e, evaluator);
  return folded ? valueShapes(folded.value, e) : opaque;
}

export function shapeOfUnaryTests(tests: UnaryTests, evaluator: Evaluator): UnaryTestsShape {
  if (tests.type === 'any') return { kind: 'any' };
  return { kind: 'tests', negated: tests.negated, tests: tests.tests.flatMap((t) => shapeOf(t, evaluator)) };
}
