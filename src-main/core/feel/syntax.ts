import type { SyntaxNode, Tree } from '@lezer/common';
import { parser } from 'lezer-feel';
import type { ArithOp } from './arithmetic';
import type { CallArguments, CompareOp, Expr, Iteration, TypeRef, UnaryTests } from './ast';
import { parseDecimal } from './decimal';
import { FeelCompileError } from './errors';
import { parseTemporal } from './temporal-text';

/**
 * Builds the evaluator's syntax tree from lezer-feel's parse of a FEEL text. lezer-feel
 * recovers from errors, so the tree is first searched for error nodes: the first one
 * becomes the syntax error, with offsets into the source.
 */

const expressionParser = parser.configure({ top: 'Expression' });
const unaryTestsParser = parser.configure({ top: 'UnaryTests' });

function firstError(tree: Tree, source: string): FeelCompileError | null {
  let found: FeelCompileError | null = null;
  tree.iterate({
    enter(node) {
      if (found) return false;
      if (!node.type.isError) return undefined;
      found = syntaxError(source, node.from, node.to);
      return false;
    },
  });
  return found;
}

function syntaxError(source: string, from: number, to: number): FeelCompileError {
  if (from >= source.trimEnd().length) return new FeelCompileError('unexpected end of expression', from, Math.max(to, from));
  if (source[from] === '"' && !source.slice(from + 1).includes('"')) return new FeelCompileError('unterminated string', from, source.length);
  const token = (to > from ? source.slice(from, to) : source.slice(from)).trim().split(/\s/)[0]?.slice(0, 24) ?? '';
  return new FeelCompileError(`unexpected "${token}"`, from, Math.max(to, from + token.length));
}

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (!c.type.isSkipped) out.push(c);
  return out;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', "'": "'", '\\': '\\' };

/**
 * The value of a string literal. Unknown escapes keep their backslash, so a regular
 * expression written as "\d+" reaches matches() as \d+ (as Camunda's engines read it).
 */
function unescapeString(raw: string): string {
  return raw.slice(1, -1).replace(/\\(u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{6}|.)/gs, (whole, esc: string) => {
    if (esc.startsWith('u{')) return String.fromCodePoint(parseInt(esc.slice(2, -1), 16));
    if (esc.length > 1) return String.fromCodePoint(parseInt(esc.slice(1), 16));
    return ESCAPES[esc] ?? whole;
  });
}

class Builder {
  constructor(private readonly source: string) {}

  private text(node: SyntaxNode): string {
    return this.source.slice(node.from, node.to);
  }

  /** A name as FEEL reads it: its words joined by single spaces. */
  private name(node: SyntaxNode): string {
    return this.text(node).trim().replace(/\s+/g, ' ');
  }

  private fail(node: SyntaxNode, message: string): never {
    throw new FeelCompileError(message, node.from, node.to);
  }

  private only(node: SyntaxNode): SyntaxNode {
    const [first] = children(node);
    if (!first) this.fail(node, 'expression expected');
    return first;
  }

  expr(node: SyntaxNode): Expr {
    const span = { from: node.from, to: node.to };
    const c = children(node);
    const at = (i: number): SyntaxNode => c[i] ?? this.fail(node, 'incomplete expression');
    switch (node.name) {
      case 'Expression':
      case 'PositiveUnaryTest':
      case 'FunctionBody':
        return this.expr(this.only(node));
      case 'ParenthesizedExpression':
        return this.expr(at(1));
      case 'NumericLiteral': {
        const parsed = parseDecimal(this.text(node).replace(/\s+/g, ''));
        if (!parsed.ok) this.fail(node, parsed.reason);
        return { ...span, type: 'literal', value: parsed.value };
      }
      case 'StringLiteral':
        return { ...span, type: 'literal', value: unescapeString(this.text(node)) };
      case 'BooleanLiteral':
        return { ...span, type: 'literal', value: this.text(node) === 'true' };
      case 'null':
        return { ...span, type: 'literal', value: null };
      case 'DateTimeLiteral':
        return this.dateTimeLiteral(node, c);
      case 'VariableName':
        return { ...span, type: 'name', name: this.name(node) };
      case '?':
        return { ...span, type: 'input' };
      case 'PathExpression':
        return { ...span, type: 'path', base: this.expr(at(0)), name: this.name(at(2)) };
      case 'FilterExpression':
        return { ...span, type: 'filter', base: this.expr(at(0)), filter: this.expr(at(2)) };
      case 'FunctionInvocation': {
        const callee = at(0);
        const calleeExpr: Expr =
          callee.name === 'SpecialFunctionName' ? { from: callee.from, to: callee.to, type: 'name', name: this.name(callee) } : this.expr(callee);
        return { ...span, type: 'call', callee: calleeExpr, args: this.args(c.slice(1)) };
      }
      case 'ArithmeticExpression':
        return this.arithmetic(node, c);
      case 'Comparison':
        return this.comparison(node, c);
      case 'Disjunction':
      case 'Conjunction':
        return { ...span, type: node.name === 'Disjunction' ? 'or' : 'and', left: this.expr(at(0)), right: this.expr(at(2)) };
      case 'IfExpression':
        return { ...span, type: 'if', condition: this.expr(at(1)), then: this.expr(at(3)), otherwise: this.expr(at(5)) };
      case 'ForExpression':
        return { ...span, type: 'for', iterations: this.iterations(at(1)), body: this.expr(at(3)) };
      case 'QuantifiedExpression':
        return {
          ...span,
          type: 'quantified',
          quantifier: at(0).name === 'every' ? 'every' : 'some',
          iterations: this.iterations(at(1)),
          condition: this.expr(at(3)),
        };
      case 'Context':
        return { ...span, type: 'context', entries: this.contextEntries(c.filter((e) => e.name === 'ContextEntry')) };
      case 'List':
        return { ...span, type: 'list', items: c.slice(1, -1).map((item) => this.expr(item)) };
      case 'FunctionDefinition':
        return this.functionDefinition(node, c);
      case 'InstanceOfExpression':
        return { ...span, type: 'instance-of', value: this.expr(at(0)), of: this.type(at(3)) };
      case 'SimplePositiveUnaryTest':
        return this.simpleTest(node, c);
      default:
        return this.fail(node, `unsupported syntax (${node.name})`);
    }
  }

  private dateTimeLiteral(node: SyntaxNode, c: SyntaxNode[]): Expr {
    const [first] = c;
    if (first?.name === 'AtLiteral') {
      const literal = this.only(first);
      const text = unescapeString(this.text(literal));
      const value = parseTemporal(text);
      if (!value) this.fail(node, `@"${text}" is not a date, time, date and time or duration`);
      return { from: node.from, to: node.to, type: 'literal', value };
    }
    if (!first) this.fail(node, 'incomplete expression');
    return {
      from: node.from,
      to: node.to,
      type: 'call',
      callee: { from: first.from, to: first.to, type: 'name', name: this.name(first) },
      args: this.args(c.slice(1)),
    };
  }

  /** Arguments from the nodes after the callee: "(" Positional/NamedParameters? ")". */
  private args(nodes: SyntaxNode[]): CallArguments {
    const params = nodes.find((n) => n.name === 'PositionalParameters' || n.name === 'NamedParameters');
    if (!params) return { kind: 'positional', values: [] };
    if (params.name === 'PositionalParameters') return { kind: 'positional', values: children(params).map((p) => this.expr(p)) };
    return {
      kind: 'named',
      values: children(params).map((p) => {
        const [name, value] = children(p);
        if (!name || !value) this.fail(p, 'named argument expected');
        return { name: this.name(name), value: this.expr(value) };
      }),
    };
  }

  private arithmetic(node: SyntaxNode, c: SyntaxNode[]): Expr {
    const span = { from: node.from, to: node.to };
    if (c.length === 2 && c[0]?.name === 'ArithOp') {
      const operand = this.expr(c[1] as SyntaxNode);
      return this.text(c[0]) === '-' ? { ...span, type: 'negate', operand } : operand;
    }
    const [left, op, right] = c;
    if (!left || !op || !right) this.fail(node, 'incomplete expression');
    const symbol = this.text(op);
    return { ...span, type: 'arith', op: (symbol === '^' ? '**' : symbol) as ArithOp, left: this.expr(left), right: this.expr(right) };
  }

  private comparison(node: SyntaxNode, c: SyntaxNode[]): Expr {
    const span = { from: node.from, to: node.to };
    const [left, op, ...rest] = c;
    if (!left || !op) this.fail(node, 'incomplete comparison');
    const value = this.expr(left);
    switch (op.name) {
      case 'CompareOp': {
        const [right] = rest;
        if (!right) this.fail(node, 'incomplete comparison');
        return { ...span, type: 'compare', op: this.text(op) as CompareOp, left: value, right: this.expr(right) };
      }
      case 'between': {
        const [low, , high] = rest;
        if (!low || !high) this.fail(node, 'incomplete between');
        return { ...span, type: 'between', value, low: this.expr(low), high: this.expr(high) };
      }
      case 'in': {
        const tests = rest.find((n) => n.name === 'PositiveUnaryTests');
        const single = rest.find((n) => n.name === 'PositiveUnaryTest');
        const nodes = tests ? children(tests) : single ? [single] : [];
        if (nodes.length === 0) this.fail(node, 'incomplete in');
        return { ...span, type: 'in', value, tests: nodes.map((t) => this.expr(t)) };
      }
      default:
        return this.fail(op, `unsupported comparison (${op.name})`);
    }
  }

  private iterations(node: SyntaxNode): Iteration[] {
    return children(node).map((inExpression) => {
      const [name, , context] = children(inExpression);
      if (!name || !context) this.fail(inExpression, 'iteration expected');
      const [source, , end] = children(context);
      if (!source) this.fail(context, 'iteration expected');
      return { name: this.name(name), source: this.expr(source), ...(end ? { end: this.expr(end) } : {}) };
    });
  }

  /** Entries of a context literal; a key given twice is an error (DMN 1.5 §10.3.2.6). */
  private contextEntries(nodes: SyntaxNode[]): { key: string; value: Expr }[] {
    const seen = new Set<string>();
    return nodes.map((node) => {
      const [key, value] = children(node);
      if (!key || !value) this.fail(node, 'context entry expected');
      const keyNode = this.only(key);
      const name = keyNode.name === 'StringLiteral' ? unescapeString(this.text(keyNode)) : this.name(keyNode);
      if (seen.has(name)) this.fail(key, `the context has the key "${name}" twice`);
      seen.add(name);
      return { key: name, value: this.expr(value) };
    });
  }

  private functionDefinition(node: SyntaxNode, c: SyntaxNode[]): Expr {
    const external = c.find((n) => n.name === 'external');
    if (external) this.fail(external, 'external functions are not allowed: only FEEL function bodies can run here');
    const params = c.find((n) => n.name === 'FormalParameters');
    const body = c.find((n) => n.name === 'FunctionBody');
    if (!body) this.fail(node, 'function body expected');
    const names = params ? children(params).map((p) => this.name(this.only(p))) : [];
    return { from: node.from, to: node.to, type: 'function', params: names, body: this.expr(body) };
  }

  private simpleTest(node: SyntaxNode, c: SyntaxNode[]): Expr {
    const span = { from: node.from, to: node.to };
    const [first, second] = c;
    if (first?.name === 'Interval') {
      const parts = children(first);
      const [open, start, , end, close] = parts;
      if (!open || !start || !end || !close) this.fail(first, 'incomplete interval');
      return {
        ...span,
        type: 'interval',
        start: this.expr(start),
        end: this.expr(end),
        startIncluded: this.text(open) === '[',
        endIncluded: this.text(close) === ']',
      };
    }
    if (!first || !second) this.fail(node, 'incomplete test');
    return { ...span, type: 'unary-compare', op: this.text(first) as CompareOp, operand: this.expr(second) };
  }

  private type(node: SyntaxNode): TypeRef {
    const inner = node.name === 'Type' ? this.only(node) : node;
    const c = children(inner);
    switch (inner.name) {
      case 'QualifiedName':
      case 'SpecialType':
        return { kind: 'name', name: this.name(inner) };
      case 'ListType':
        return { kind: 'list', item: this.type(c.find((n) => n.name === 'Type') ?? this.fail(inner, 'list item type expected')) };
      case 'ContextType': {
        const entries = c.find((n) => n.name === 'ContextEntryTypes');
        return {
          kind: 'context',
          entries: (entries ? children(entries) : []).map((e) => {
            const [name, type] = children(e);
            if (!name || !type) this.fail(e, 'context entry type expected');
            return { name: this.name(name), type: this.type(type) };
          }),
        };
      }
      case 'FunctionType': {
        const args = c.find((n) => n.name === 'ArgumentTypes');
        const result = c.filter((n) => n.name === 'Type').at(-1) ?? this.fail(inner, 'result type expected');
        return { kind: 'function', params: (args ? children(args) : []).map((a) => this.type(this.only(a))), result: this.type(result) };
      }
      default:
        return this.fail(inner, `unsupported type (${inner.name})`);
    }
  }

  unaryTests(node: SyntaxNode): UnaryTests {
    const span = { from: node.from, to: node.to };
    const c = children(node);
    const [first] = c;
    if (first?.name === 'Wildcard') return { ...span, type: 'any' };
    const tests = c.find((n) => n.name === 'PositiveUnaryTests') ?? this.fail(node, 'unary tests expected');
    return { ...span, type: 'tests', negated: first?.name === 'not', tests: children(tests).map((t) => this.expr(t)) };
  }
}

function parseWith<T>(source: string, parse: (s: string) => Tree, build: (b: Builder, top: SyntaxNode) => T): T {
  const tree = parse(source);
  const error = firstError(tree, source);
  if (error) throw error;
  return build(new Builder(source), tree.topNode);
}

/** Throws FeelCompileError (a FeelSyntaxError) for a text that is not a FEEL expression. */
export function parseExpression(source: string): Expr {
  if (source.trim() === '') throw new FeelCompileError('empty expression', 0, source.length);
  return parseWith(
    source,
    (s) => expressionParser.parse(s),
    (b, top) => b.expr(top),
  );
}

/** Throws FeelCompileError for a text that is not FEEL unary tests. A blank cell means "-" (any value), as in Camunda's modeler. */
export function parseUnaryTests(source: string): UnaryTests {
  if (source.trim() === '') return { from: 0, to: source.length, type: 'any' };
  return parseWith(
    source,
    (s) => unaryTestsParser.parse(s),
    (b, top) => b.unaryTests(top),
  );
}
