import { castTo, feelEquals, toFeel, type DeclaredType, type FeelValue } from '../feel';
import type { ColumnType, DecisionInput, DecisionOutput } from './model';

/** Declared column types and allowed values, applied the same way by the static checks and at run time. */

const FEEL_TYPES: Readonly<Record<ColumnType, DeclaredType>> = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  date: 'date',
  'date-time': 'date and time',
  duration: 'duration',
};

/** The value as the column's type (ISO strings become temporals); undefined when it does not conform. Columns without a type take any value. */
export function conform(value: FeelValue, type: ColumnType | undefined): FeelValue | undefined {
  return type === undefined ? value : castTo(value, FEEL_TYPES[type]);
}

/** The column's allowed values as FEEL values of its type; null when it declares none. */
export function allowedValues(column: DecisionInput | DecisionOutput): FeelValue[] | null {
  if (!column.values) return null;
  return column.values.map((v) => conform(toFeel(v), column.type) ?? toFeel(v));
}

/** Null (a missing value) is always allowed; otherwise the value must equal one of the allowed ones. */
export function isAllowed(value: FeelValue, allowed: readonly FeelValue[] | null): boolean {
  return allowed === null || value === null || allowed.some((a) => feelEquals(a, value) === true);
}

/** Rank of a value in an output's ordered allowed values (0 is the highest priority); unlisted values rank last. */
export function priorityRank(value: FeelValue, allowed: readonly FeelValue[]): number {
  const index = allowed.findIndex((a) => feelEquals(a, value) === true);
  return index < 0 ? allowed.length : index;
}

export function columnLabel(input: DecisionInput): string {
  return input.label?.trim() || input.expression.trim();
}
