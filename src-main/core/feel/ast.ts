import type { ArithOp } from './arithmetic';
import type { FeelValue } from './values';

/**
 * The evaluator's own syntax tree, built once from lezer-feel's concrete tree: typed nodes
 * with their source span, literals already converted (numbers to decimals, `@"…"` to
 * temporals), so evaluation never re-reads source text and errors point at the right place.
 */
export interface Span {
  from: number;
  to: number;
}

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

export interface Iteration {
  name: string;
  source: Expr;
  /** `x in 1..3`: the end of an integer range whose start is `source`. */
  end?: Expr;
}

export type CallArguments = { kind: 'positional'; values: Expr[] } | { kind: 'named'; values: { name: string; value: Expr }[] };

export type TypeRef =
  | { kind: 'name'; name: string }
  | { kind: 'list'; item: TypeRef }
  | { kind: 'context'; entries: { name: string; type: TypeRef }[] }
  | { kind: 'function'; params: TypeRef[]; result: TypeRef };

export type Expr = Span &
  (
    | { type: 'literal'; value: FeelValue }
    | { type: 'name'; name: string }
    /** `?`: the value a unary test is applied to. */
    | { type: 'input' }
    | { type: 'path'; base: Expr; name: string }
    | { type: 'filter'; base: Expr; filter: Expr }
    | { type: 'call'; callee: Expr; args: CallArguments }
    | { type: 'arith'; op: ArithOp; left: Expr; right: Expr }
    | { type: 'negate'; operand: Expr }
    | { type: 'compare'; op: CompareOp; left: Expr; right: Expr }
    | { type: 'between'; value: Expr; low: Expr; high: Expr }
    | { type: 'in'; value: Expr; tests: Expr[] }
    | { type: 'and' | 'or'; left: Expr; right: Expr }
    | { type: 'if'; condition: Expr; then: Expr; otherwise: Expr }
    | { type: 'for'; iterations: Iteration[]; body: Expr }
    | { type: 'quantified'; quantifier: 'some' | 'every'; iterations: Iteration[]; condition: Expr }
    | { type: 'context'; entries: { key: string; value: Expr }[] }
    | { type: 'list'; items: Expr[] }
    | { type: 'function'; params: string[]; body: Expr }
    | { type: 'instance-of'; value: Expr; of: TypeRef }
    /** `< 10`, `= "A"`: a test against the input; as a plain expression `<`…`>=` denote ranges. */
    | { type: 'unary-compare'; op: CompareOp; operand: Expr }
    | { type: 'interval'; start: Expr; end: Expr; startIncluded: boolean; endIncluded: boolean }
  );

export type UnaryTests = Span & ({ type: 'any' } | { type: 'tests'; negated: boolean; tests: Expr[] });

export type ExprOf<T extends Expr['type']> = Extract<Expr, { type: T }>;
