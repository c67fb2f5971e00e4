import { builtin, type Group } from './define';
import type { FeelFunction } from '../values';
import { contextFunctions } from './contexts';
import { conversionFunctions } from './conversion';
import { listFunctions } from './lists';
import { numericFunctions } from './numeric';
import { rangeFunctions } from './ranges';
import { stringFunctions } from './strings';
import { temporalFunctions } from './temporal';

/** not(negand): three-valued negation (DMN 1.5 §10.3.4.2). */
const booleanFunctions: Group = [builtin('not', [['negand']], ([b]) => (typeof b === 'boolean' ? !b : null))];

/** Every built-in function by its FEEL name. There are no others: FEEL code cannot reach JavaScript. */
export const BUILTINS: ReadonlyMap<string, FeelFunction> = new Map(
  [conversionFunctions, booleanFunctions, stringFunctions, listFunctions, numericFunctions, temporalFunctions, contextFunctions, rangeFunctions]
    .flat()
    .map((fn) => [fn.name, fn]),
);
