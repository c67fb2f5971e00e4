import type { Expr, UnaryTests } from './ast';
import { BUILTINS } from './builtins';

/**
 * Static questions about a syntax tree: which names it reads from outside (for the
 * definition checks that every variable an expression uses exists), and whether it uses
 * `?` or `partial` (the evaluator binds them only where needed).
 */

function childrenOf(e: Expr): Expr[] {
  switch (e.type) {
    case 'literal':
    case 'name':
    case 'input':
      return [];
    case 'path':
      return [e.base];
    case 'filter':
      return [e.base, e.filter];
    case 'call':
      return [e.callee, ...(e.args.kind === 'positional' ? e.args.values : e.args.values.map((a) => a.value))];
    case 'arith':
    case 'compare':
    case 'and':
    case 'or':
      return [e.left, e.right];
    case 'negate':
      return [e.operand];
    case 'between':
      return [e.value, e.low, e.high];
    case 'in':
      return [e.value, ...e.tests];
    case 'if':
      return [e.condition, e.then, e.otherwise];
    case 'for':
      return [...e.iterations.flatMap((it) => (it.end ? [it.source, it.end] : [it.source])), e.body];
    case 'quantified':
      return [...e.iterations.flatMap((it) => (it.end ? [it.source, it.end] : [it.source])), e.condition];
    case 'context':
      return e.entries.map((entry) => entry.value);
    case 'list':
      return e.items;
    case 'function':
      return [e.body];
    case 'instance-of':
      return [e.value];
    case 'unary-compare':
      return [e.operand];
    case 'interval':
      return [e.start, e.end];
  }
}

/** True if some node of the tree satisfies the predicate. */
export function someNode(e: Expr, predicate: (node: Expr) => boolean): boolean {
  return predicate(e) || childrenOf(e).some((child) => someNode(child, predicate));
}

const usesInputCache = new WeakMap<Expr, boolean>();

export function usesInput(e: Expr): boolean {
  let cached = usesInputCache.get(e);
  if (cached === undefined) {
    cached = someNode(e, (node) => node.type === 'input');
    usesInputCache.set(e, cached);
  }
  return cached;
}

/**
 * Names an expression reads from its environment, in order of first use. Names bound
 * inside it — iteration variables, function parameters, context entries, `item` and a
 * context item's entries inside a filter — are left out, and so are built-in functions
 * called by name. Inside a filter only `item` is taken as bound: the entries of the items
 * are not known before run time, so they are reported as names too.
 */
function collect(e: Expr, bound: ReadonlySet<string>, out: Set<string>): void {
  const inner = (child: Expr, names: Iterable<string> = []) => collect(child, new Set([...bound, ...names]), out);
  switch (e.type) {
    case 'name':
      if (!bound.has(e.name)) out.add(e.name);
      return;
    case 'filter':
      inner(e.base);
      inner(e.filter, ['item']);
      return;
    case 'for':
    case 'quantified': {
      const names: string[] = [];
      for (const it of e.iterations) {
        inner(it.source, names);
        if (it.end) inner(it.end, names);
        names.push(it.name);
      }
      inner(e.type === 'for' ? e.body : e.condition, e.type === 'for' ? [...names, 'partial'] : names);
      return;
    }
    case 'context': {
      const keys = e.entries.map((entry) => entry.key);
      // Entries may refer to each other (and functions in them to later ones).
      for (const entry of e.entries) inner(entry.value, keys);
      return;
    }
    case 'function':
      inner(e.body, e.params);
      return;
    case 'call':
      // A built-in's name in call position is no variable (a variable of that name holding a function would still win).
      if (e.callee.type !== 'name' || !BUILTINS.has(e.callee.name)) inner(e.callee);
      for (const child of childrenOf(e).slice(1)) inner(child);
      return;
    default:
      for (const child of childrenOf(e)) inner(child);
  }
}

export function freeNames(root: Expr | UnaryTests): string[] {
  const out = new Set<string>();
  const roots = root.type === 'any' ? [] : root.type === 'tests' ? root.tests : [root];
  for (const e of roots) collect(e, new Set(), out);
  return [...out];
}
