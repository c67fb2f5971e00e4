import { list, type Arguments, type FeelValue } from './values';

/**
 * Binding a call's arguments to one of a function's parameter lists (DMN 1.5 §10.3.2.13.5):
 * positional arguments must all be supplied; named ones that are left out are null. A
 * parameter written "...name" collects the remaining positional arguments as a list
 * (min, max, sum, … accept `min(1, 2)` as well as `min([1, 2])`).
 * Returns the chosen signature's index and the values in parameter order, or null when no
 * signature fits (the call then yields null).
 */
export function bindArguments(signatures: readonly (readonly string[])[], args: Arguments): { index: number; values: FeelValue[] } | null {
  if ('positional' in args) {
    const n = args.positional.length;
    for (const [index, params] of signatures.entries()) {
      const rest = params.at(-1)?.startsWith('...') ?? false;
      if (!rest && params.length === n) return { index, values: [...args.positional] };
      if (rest && n >= params.length - 1) {
        const fixed = params.length - 1;
        return { index, values: [...args.positional.slice(0, fixed), list(args.positional.slice(fixed))] };
      }
    }
    return null;
  }
  const given = [...args.named.keys()];
  for (const [index, params] of signatures.entries()) {
    const names = params.map((p) => p.replace(/^\.\.\./, ''));
    if (given.every((name) => names.includes(name))) return { index, values: names.map((name) => args.named.get(name) ?? null) };
  }
  return null;
}
