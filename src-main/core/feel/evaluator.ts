import { arithmetic, negate } from './arithmetic';
import type { CompareOp, Expr, ExprOf, Iteration, UnaryTests } from './ast';
import { BUILTINS } from './builtins';
import { position } from './builtins/define';
import { bindArguments } from './calls';
import { compareValues, feelEquals } from './compare';
import { isDecimal, toSafeInteger } from './decimal';
import { FeelEvaluationError } from './errors';
import { someNode, usesInput } from './names';
import { propertyOf } from './properties';
import { rangeContains } from './ranges';
import { BindingScope, INPUT_NAME, ItemScope, type Scope } from './scope';
import { FeelDate } from './temporal';
import { conformsTo } from './types';
import { FeelContext, FeelFunction, FeelRange, isList, list, type Arguments, type CallContext, type FeelList, type FeelValue } from './values';

/** Limits that keep one evaluation from starving the worker: total steps (iterations, list elements, calls) and call depth. */
const MAX_STEPS = 1_000_000;
const MAX_CALL_DEPTH = 200;

export interface EvaluatorSettings {
  strict: boolean;
  /** Epoch milliseconds for now() and today(); absent, those functions fail rather than read the system clock. */
  now: (() => number) | undefined;
  zone: string;
}

type B = boolean | null;

function and3(a: B, b: B): B {
  if (a === false || b === false) return false;
  return a === true && b === true ? true : null;
}

function or3(a: B, b: B): B {
  if (a === true || b === true) return true;
  return a === false && b === false ? false : null;
}

function asBool(v: FeelValue): B {
  return typeof v === 'boolean' ? v : null;
}

function compareOp(op: CompareOp, a: FeelValue, b: FeelValue): B {
  if (op === '=' || op === '!=') {
    const eq = feelEquals(a, b);
    return eq === null ? null : op === '=' ? eq : !eq;
  }
  const c = compareValues(a, b);
  if (c === null) return null;
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    default:
      return c >= 0;
  }
}

const usesPartialCache = new WeakMap<Expr, boolean>();
function usesPartial(body: Expr): boolean {
  let cached = usesPartialCache.get(body);
  if (cached === undefined) {
    cached = someNode(body, (n) => n.type === 'name' && n.name === 'partial');
    usesPartialCache.set(body, cached);
  }
  return cached;
}

/**
 * A tree-walking interpreter over the syntax tree, one instance per top-level evaluation
 * (it carries the step budget). Type mismatches yield null as the spec says; only what the
 * caller must hear about throws FeelEvaluationError (strict-mode unknown names, limits).
 */
export class Evaluator implements CallContext {
  private steps = 0;
  private depth = 0;

  constructor(private readonly settings: EvaluatorSettings) {}

  get zone(): string {
    return this.settings.zone;
  }

  now(): number {
    if (!this.settings.now) throw new FeelEvaluationError('NO_CLOCK', 'now() and today() need a clock: pass options.now', 0, 0);
    return this.settings.now();
  }

  call(fn: FeelFunction, args: readonly FeelValue[]): FeelValue {
    return this.invoke(fn, { positional: args }, null);
  }

  private tick(node: Expr | null, n = 1): void {
    this.steps += n;
    if (this.steps > MAX_STEPS)
      throw new FeelEvaluationError('LIMIT', `evaluation exceeds ${MAX_STEPS} steps (iterations, list elements and calls)`, node?.from ?? 0, node?.to ?? 0);
  }

  private invoke(fn: FeelFunction, args: Arguments, node: Expr | null): FeelValue {
    this.tick(node);
    if (this.depth >= MAX_CALL_DEPTH)
      throw new FeelEvaluationError('LIMIT', `function calls nested deeper than ${MAX_CALL_DEPTH}`, node?.from ?? 0, node?.to ?? 0);
    this.depth++;
    try {
      return fn.invoke(args, this);
    } finally {
      this.depth--;
    }
  }

  evaluate(e: Expr, scope: Scope): FeelValue {
    switch (e.type) {
      case 'literal':
        return e.value;
      case 'name':
        return this.name(e, scope);
      case 'input':
        return scope.lookup(INPUT_NAME) ?? null;
      case 'path':
        return this.path(this.evaluate(e.base, scope), e.name);
      case 'filter':
        return this.filter(e, scope);
      case 'call':
        return this.callExpression(e, scope);
      case 'arith':
        return arithmetic(e.op, this.evaluate(e.left, scope), this.evaluate(e.right, scope));
      case 'negate':
        return negate(this.evaluate(e.operand, scope));
      case 'compare':
        return compareOp(e.op, this.evaluate(e.left, scope), this.evaluate(e.right, scope));
      case 'between': {
        const value = this.evaluate(e.value, scope);
        return and3(compareOp('>=', value, this.evaluate(e.low, scope)), compareOp('<=', value, this.evaluate(e.high, scope)));
      }
      case 'in': {
        const value = this.evaluate(e.value, scope);
        return this.anyTest(e.tests, value, scope);
      }
      case 'and': {
        const left = asBool(this.evaluate(e.left, scope));
        return left === false ? false : and3(left, asBool(this.evaluate(e.right, scope)));
      }
      case 'or': {
        const left = asBool(this.evaluate(e.left, scope));
        return left === true ? true : or3(left, asBool(this.evaluate(e.right, scope)));
      }
      case 'if':
        return this.evaluate(this.evaluate(e.condition, scope) === true ? e.then : e.otherwise, scope);
      case 'for':
        return this.forExpression(e, scope);
      case 'quantified':
        return this.quantified(e, scope);
      case 'context': {
        const bindings = new Map<string, FeelValue>();
        const inner = new BindingScope(scope, bindings);
        for (const entry of e.entries) bindings.set(entry.key, this.evaluate(entry.value, inner));
        return new FeelContext(new Map(bindings));
      }
      case 'list':
        this.tick(e, e.items.length);
        return list(e.items.map((item) => this.evaluate(item, scope)));
      case 'function':
        return this.functionLiteral(e, scope);
      case 'instance-of':
        return conformsTo(this.evaluate(e.value, scope), e.of);
      case 'unary-compare':
        return this.comparisonRange(e, scope);
      case 'interval':
        return this.interval(e, scope);
    }
  }

  private name(e: ExprOf<'name'>, scope: Scope): FeelValue {
    const value = scope.lookup(e.name);
    if (value !== undefined) return value;
    const fn = BUILTINS.get(e.name);
    if (fn) return fn;
    if (this.settings.strict) throw new FeelEvaluationError('UNKNOWN_VARIABLE', `unknown variable "${e.name}"`, e.from, e.to);
    return null;
  }

  private path(base: FeelValue, name: string): FeelValue {
    if (base instanceof FeelContext) return base.get(name) ?? null;
    if (isList(base)) return list(base.map((item) => this.path(item, name)));
    return propertyOf(base, name) ?? null;
  }

  /** `list[condition]` keeps the items for which it is true (`item` and a context item's entries in scope); `list[n]` picks the n-th, negative from the end. */
  private filter(e: ExprOf<'filter'>, scope: Scope): FeelValue {
    const base = this.evaluate(e.base, scope);
    if (base === null) return null;
    const items: FeelList = isList(base) ? base : [base];
    const at = (item: FeelValue) => {
      this.tick(e);
      return this.evaluate(e.filter, new ItemScope(scope, item, item instanceof FeelContext ? item : null));
    };
    if (items.length === 0) return isDecimal(at(null)) ? null : list([]);
    const first = at(items[0] as FeelValue);
    if (isDecimal(first)) {
      const index = position(items.length, toSafeInteger(first));
      return index === null ? null : (items[index] as FeelValue);
    }
    return list(items.filter((item, i) => (i === 0 ? first : at(item)) === true));
  }

  private callExpression(e: ExprOf<'call'>, scope: Scope): FeelValue {
    const fn = this.callee(e.callee, scope);
    if (!(fn instanceof FeelFunction)) return null;
    const args: Arguments =
      e.args.kind === 'positional'
        ? { positional: e.args.values.map((a) => this.evaluate(a, scope)) }
        : { named: new Map(e.args.values.map((a) => [a.name, this.evaluate(a.value, scope)])) };
    return this.invoke(fn, args, e);
  }

  /** A name in call position: a variable holding a function wins, then a built-in (so a variable called `date` does not hide date()). */
  private callee(callee: Expr, scope: Scope): FeelValue {
    if (callee.type !== 'name') return this.evaluate(callee, scope);
    const value = scope.lookup(callee.name);
    if (value instanceof FeelFunction) return value;
    const fn = BUILTINS.get(callee.name);
    if (fn) return fn;
    if (value === undefined && this.settings.strict)
      throw new FeelEvaluationError('UNKNOWN_FUNCTION', `unknown function "${callee.name}"`, callee.from, callee.to);
    return null;
  }

  private functionLiteral(e: ExprOf<'function'>, scope: Scope): FeelFunction {
    const signatures = [e.params];
    return new FeelFunction('function', (args) => {
      const bound = bindArguments(signatures, args);
      if (!bound) return null;
      return this.evaluate(
        e.body,
        BindingScope.of(
          scope,
          e.params.map((p, i) => [p, bound.values[i] ?? null]),
        ),
      );
    });
  }

  /** The values one iteration context ranges over: a list, a range of integers or dates, or `a..b`. */
  private iterationValues(it: Iteration, scope: Scope): FeelList | null {
    const source = this.evaluate(it.source, scope);
    if (it.end) return this.expand(source, true, this.evaluate(it.end, scope), true, it.source);
    if (source instanceof FeelRange) {
      if (!source.start || !source.end) return null;
      return this.expand(source.start.value, source.start.included, source.end.value, source.end.included, it.source);
    }
    if (source === null) return null;
    return isList(source) ? source : [source];
  }

  private expand(from: FeelValue, fromIncluded: boolean, to: FeelValue, toIncluded: boolean, node: Expr): FeelList | null {
    const out: FeelValue[] = [];
    const keep = (atStart: boolean, atEnd: boolean) => (fromIncluded || !atStart) && (toIncluded || !atEnd);
    if (isDecimal(from) && isDecimal(to) && from.isInteger() && to.isInteger()) {
      // Charged before building, so `1..1e9` fails at once rather than after a million steps.
      this.tick(node, to.minus(from).abs().plus(1).toNumber());
      const step = from.lte(to) ? 1 : -1;
      for (let v = from; step > 0 ? v.lte(to) : v.gte(to); v = v.plus(step)) if (keep(v.eq(from), v.eq(to))) out.push(v);
      return list(out);
    }
    if (from instanceof FeelDate && to instanceof FeelDate) {
      const days = from.date.until(to.date, { largestUnit: 'days' }).days;
      this.tick(node, Math.abs(days) + 1);
      const step = days < 0 ? -1 : 1;
      for (let i = 0; i <= Math.abs(days); i++) if (keep(i === 0, i === Math.abs(days))) out.push(new FeelDate(from.date.add({ days: i * step })));
      return list(out);
    }
    return null;
  }

  /** Runs `visit` for every combination of the iteration contexts (later ones may use earlier names); false if one is not iterable. */
  private iterate(iterations: readonly Iteration[], scope: Scope, visit: (scope: Scope) => boolean): boolean {
    const [first, ...rest] = iterations;
    if (!first) return visit(scope);
    const values = this.iterationValues(first, scope);
    if (values === null) return false;
    for (const value of values) {
      this.tick(first.source);
      if (!this.iterate(rest, BindingScope.of(scope, [[first.name, value]]), visit)) return false;
    }
    return true;
  }

  private forExpression(e: ExprOf<'for'>, scope: Scope): FeelValue {
    const results: FeelValue[] = [];
    const partial = usesPartial(e.body);
    const ok = this.iterate(e.iterations, scope, (inner) => {
      // `partial` is the list of results so far; copying it costs steps, so only bodies that read it pay.
      if (partial) this.tick(e, results.length);
      results.push(this.evaluate(e.body, partial ? BindingScope.of(inner, [['partial', list([...results])]]) : inner));
      return true;
    });
    return ok ? list(results) : null;
  }

  private quantified(e: ExprOf<'quantified'>, scope: Scope): FeelValue {
    const wanted = e.quantifier === 'some';
    let decided = false;
    const ok = this.iterate(e.iterations, scope, (inner) => {
      const satisfied = this.evaluate(e.condition, inner) === true;
      if (satisfied === wanted) decided = true;
      return !decided;
    });
    if (decided) return wanted;
    return ok ? !wanted : null;
  }

  private comparisonRange(e: ExprOf<'unary-compare'>, scope: Scope): FeelValue {
    const value = this.evaluate(e.operand, scope);
    switch (e.op) {
      case '<':
      case '<=':
        return new FeelRange(null, { value, included: e.op === '<=' });
      case '>':
      case '>=':
        return new FeelRange({ value, included: e.op === '>=' }, null);
      default:
        // `= x` and `!= x` are tests only; as a value they have no range form.
        return null;
    }
  }

  private interval(e: ExprOf<'interval'>, scope: Scope): FeelRange {
    const start = this.evaluate(e.start, scope);
    const end = this.evaluate(e.end, scope);
    return new FeelRange(start === null ? null : { value: start, included: e.startIncluded }, end === null ? null : { value: end, included: e.endIncluded });
  }

  /**
   * One positive unary test against `input` (DMN 1.5 §10.3.2.11 and Table 56): a comparison
   * or interval tests the input directly; an expression that mentions `?` is a condition;
   * any other expression is compared with the input — equal, or holding it when the value
   * is a list or a range.
   */
  private test(e: Expr, input: FeelValue, scope: Scope): B {
    if (e.type === 'unary-compare') return compareOp(e.op, input, this.evaluate(e.operand, scope));
    if (e.type === 'interval') return rangeContains(this.interval(e, scope), input);
    const value = this.evaluate(e, scope);
    return usesInput(e) && typeof value === 'boolean' ? value : this.matchesValue(input, value);
  }

  /** A list holds the input as one of its items (or, for a list input, equals it); a range contains it; any other value equals it. */
  private matchesValue(input: FeelValue, value: FeelValue): B {
    if (value instanceof FeelRange) return rangeContains(value, input);
    if (isList(value)) {
      const member = value.reduce<B>((acc, item) => or3(acc, feelEquals(item, input)), false);
      return member !== true && isList(input) ? or3(member, feelEquals(input, value)) : member;
    }
    return feelEquals(input, value);
  }

  /** The tests joined by `or`, with `?` bound to the input. */
  private anyTest(tests: readonly Expr[], input: FeelValue, scope: Scope): B {
    const inner = BindingScope.of(scope, [[INPUT_NAME, input]]);
    let result: B = false;
    for (const t of tests) {
      result = or3(result, this.test(t, input, inner));
      if (result === true) return true;
    }
    return result;
  }

  unaryTests(tests: UnaryTests, input: FeelValue, scope: Scope): B {
    if (tests.type === 'any') return true;
    const result = this.anyTest(tests.tests, input, scope);
    return tests.negated ? (result === null ? null : !result) : result;
  }
}
