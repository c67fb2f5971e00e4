import { toFeel } from './convert';
import type { FeelContext, FeelValue } from './values';

/**
 * Name resolution for the evaluator: the JSON variables at the root (converted to FEEL
 * only when read, so a large process state costs nothing until used), then the names that
 * contexts, iterations, filters and function parameters bind on top.
 */
export interface Scope {
  lookup(name: string): FeelValue | undefined;
}

export class VariablesScope implements Scope {
  private readonly converted = new Map<string, FeelValue>();

  constructor(private readonly variables: Readonly<Record<string, unknown>>) {}

  lookup(name: string): FeelValue | undefined {
    if (this.converted.has(name)) return this.converted.get(name);
    if (!Object.prototype.hasOwnProperty.call(this.variables, name)) return undefined;
    const value = toFeel(this.variables[name], name);
    this.converted.set(name, value);
    return value;
  }
}

/** Names bound by the evaluator; the map may grow while a context literal is being evaluated, so functions defined in it see later entries (recursion). */
export class BindingScope implements Scope {
  constructor(
    private readonly parent: Scope,
    private readonly bindings: Map<string, FeelValue>,
  ) {}

  lookup(name: string): FeelValue | undefined {
    return this.bindings.has(name) ? this.bindings.get(name) : this.parent.lookup(name);
  }

  static of(parent: Scope, entries: Iterable<readonly [string, FeelValue]>): BindingScope {
    return new BindingScope(parent, new Map(entries));
  }
}

/** Inside a filter, `item` and — when the item is a context — its entries are in scope. */
export class ItemScope implements Scope {
  constructor(
    private readonly parent: Scope,
    private readonly item: FeelValue,
    private readonly entries: FeelContext | null,
  ) {}

  lookup(name: string): FeelValue | undefined {
    const entry = this.entries?.get(name);
    if (entry !== undefined) return entry;
    return name === 'item' ? this.item : this.parent.lookup(name);
  }
}

/** The reserved name of a unary test's input value (`?`). */
export const INPUT_NAME = '?';
