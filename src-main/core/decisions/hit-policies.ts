import { compareValues, feelEquals, isDecimal, toFeel, type Decimal, type FeelList, type FeelValue } from '../feel';
import { AnyViolationError, DecisionEvaluationError, UniqueViolationError, type RuleRef } from './errors';
import type { DecisionTableModel } from './model';

/**
 * From the matched rules to the rules that make up the table's result (DMN 1.5 §8.2.11):
 * single-hit policies pick one rule (ANY: several that agree), multiple-hit policies a list
 * in rule or priority order, COLLECT with an aggregation one value.
 */

export interface Matches {
  /** Matched rules in rule order. */
  rules: number[];
  /** A rule's output values, one per output. */
  outputs(rule: number): FeelList;
  /** A rule's priority per output with allowed values (lower is higher); compared output by output. */
  rank(rule: number): number[];
}

/** The rules that make up the result and how: one rule's outputs, a list of them, or an aggregate of the single output. */
export type HitResult = { shape: 'single' | 'list'; hits: number[] } | { shape: 'aggregate'; hits: number[]; value: FeelValue };

function byPriority(m: Matches): number[] {
  const ranks = new Map(m.rules.map((r) => [r, m.rank(r)]));
  const compare = (a: number, b: number): number => {
    const x = ranks.get(a) as number[];
    const y = ranks.get(b) as number[];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
    return a - b;
  };
  return [...m.rules].sort(compare);
}

function aggregate(model: DecisionTableModel, values: FeelValue[]): FeelValue {
  const fail = (message: string) => new DecisionEvaluationError('AGGREGATION', `decision table ${model.id}: ${message}`, 'aggregation');
  if (values.length === 0) return null;
  switch (model.aggregation) {
    case 'COUNT':
      return toFeel(values.length);
    case 'SUM':
      if (!values.every(isDecimal)) throw fail('SUM needs every matched output to be a number');
      return (values as Decimal[]).reduce((sum, v) => sum.plus(v));
    default: {
      const wanted = model.aggregation === 'MIN' ? -1 : 1;
      return values.reduce((best, v) => {
        const order = compareValues(v, best);
        if (order === null) throw fail(`${model.aggregation} needs outputs that compare with each other`);
        return order === wanted ? v : best;
      });
    }
  }
}

export function applyHitPolicy(model: DecisionTableModel, m: Matches, refs: (rules: number[]) => RuleRef[]): HitResult {
  const [first] = m.rules;
  switch (model.hitPolicy) {
    case 'UNIQUE':
      if (m.rules.length > 1) throw new UniqueViolationError(model.id, refs(m.rules));
      return { shape: 'single', hits: m.rules };
    case 'FIRST':
      return { shape: 'single', hits: first === undefined ? [] : [first] };
    case 'ANY':
      if (first !== undefined && m.rules.some((r) => feelEquals(m.outputs(r), m.outputs(first)) !== true)) throw new AnyViolationError(model.id, refs(m.rules));
      return { shape: 'single', hits: m.rules };
    case 'PRIORITY':
      return { shape: 'single', hits: byPriority(m).slice(0, 1) };
    case 'OUTPUT ORDER':
      return { shape: 'list', hits: byPriority(m) };
    case 'RULE ORDER':
      return { shape: 'list', hits: m.rules };
    case 'COLLECT':
      if (!model.aggregation) return { shape: 'list', hits: m.rules };
      if (model.outputs.length > 1)
        throw new DecisionEvaluationError('INVALID_TABLE', `decision table ${model.id}: an aggregation needs a single output`, 'aggregation');
      return {
        shape: 'aggregate',
        hits: m.rules,
        value: aggregate(
          model,
          m.rules.map((r) => m.outputs(r)[0] as FeelValue),
        ),
      };
  }
}
