import { describe, expect, it } from 'vitest';
import { AnyViolationError, DecisionEvaluationError, evaluateTable, UniqueViolationError } from '../../../src-main/core/decisions';
import { table } from './decisions-helpers';

/** A one-input table over `amount` with the given hit policy, outputs and rules (`when` cell → `then` cells). */
function amountTable(hitPolicy: string, outputs: string, rules: [string, string[]][], extra = ''): string {
  return [
    `id: t`,
    `hitPolicy: ${hitPolicy}`,
    extra,
    `inputs: [{ expression: amount, type: number }]`,
    `outputs: ${outputs}`,
    `rules:`,
    ...rules.map(([when, then]) => `  - { when: ['${when}'], then: [${then.map((t) => `'${t}'`).join(', ')}] }`),
  ].join('\n');
}

const levels = '[{ name: level, values: ["HIGH", "MEDIUM", "LOW"] }]';

describe('hit policies', () => {
  it('UNIQUE returns the one matching rule and fails when several match', () => {
    const t = table(
      amountTable('UNIQUE', '[{ name: level }]', [
        ['< 100', ['"L1"']],
        ['>= 50', ['"L2"']],
      ]),
    );
    expect(evaluateTable(t, { amount: 10 })).toEqual({ result: 'L1', matchedRules: [{ index: 0, id: null }] });
    expect(evaluateTable(t, { amount: 500 }).result).toBe('L2');
    expect(() => evaluateTable(t, { amount: 70 })).toThrow(UniqueViolationError);
    try {
      evaluateTable(t, { amount: 70 });
    } catch (error) {
      expect(error).toMatchObject({
        code: 'UNIQUE_VIOLATION',
        matchedRules: [
          { index: 0, id: null },
          { index: 1, id: null },
        ],
      });
    }
  });

  it('returns null when no rule matches, for every policy', () => {
    for (const policy of ['UNIQUE', 'FIRST', 'ANY', 'RULE ORDER', 'COLLECT']) {
      expect(evaluateTable(table(amountTable(policy, '[{ name: x }]', [['< 0', ['1']]])), { amount: 5 })).toEqual({ result: null, matchedRules: [] });
    }
    expect(evaluateTable(table(amountTable('COLLECT', '[{ name: x }]', [['< 0', ['1']]], 'aggregation: SUM')), { amount: 5 }).result).toBeNull();
  });

  it('FIRST takes the first matching rule in rule order', () => {
    const t = table(
      amountTable('FIRST', '[{ name: level }]', [
        ['> 1000', ['"big"']],
        ['> 100', ['"medium"']],
        ['-', ['"any"']],
      ]),
    );
    expect(evaluateTable(t, { amount: 5000 })).toEqual({ result: 'big', matchedRules: [{ index: 0, id: null }] });
    expect(evaluateTable(t, { amount: 500 }).result).toBe('medium');
    expect(evaluateTable(t, { amount: 5 }).result).toBe('any');
  });

  it('PRIORITY takes the output that comes first in the output values', () => {
    const t = table(
      amountTable('PRIORITY', levels, [
        ['-', ['"LOW"']],
        ['> 100', ['"HIGH"']],
        ['> 10', ['"MEDIUM"']],
      ]),
    );
    expect(evaluateTable(t, { amount: 500 })).toEqual({ result: 'HIGH', matchedRules: [{ index: 1, id: null }] });
    expect(evaluateTable(t, { amount: 50 }).result).toBe('MEDIUM');
    expect(evaluateTable(t, { amount: 5 }).result).toBe('LOW');
  });

  it('ANY accepts several matches with equal outputs and fails on different ones', () => {
    const t = table(
      amountTable('ANY', '[{ name: ok }]', [
        ['> 10', ['true']],
        ['> 20', ['true']],
        ['> 100', ['false']],
      ]),
    );
    expect(evaluateTable(t, { amount: 50 })).toEqual({
      result: true,
      matchedRules: [
        { index: 0, id: null },
        { index: 1, id: null },
      ],
    });
    expect(() => evaluateTable(t, { amount: 500 })).toThrow(AnyViolationError);
  });

  it('COLLECT returns all outputs in rule order, or their aggregate', () => {
    const rules: [string, string[]][] = [
      ['> 10', ['0.1']],
      ['> 20', ['0.2']],
      ['> 30', ['0.3']],
    ];
    expect(evaluateTable(table(amountTable('COLLECT', '[{ name: s }]', rules)), { amount: 25 }).result).toEqual([0.1, 0.2]);
    expect(evaluateTable(table(amountTable('COLLECT', '[{ name: s }]', rules, 'aggregation: SUM')), { amount: 35 }).result).toBe(0.6);
    expect(evaluateTable(table(amountTable('COLLECT', '[{ name: s }]', rules, 'aggregation: MIN')), { amount: 35 }).result).toBe(0.1);
    expect(evaluateTable(table(amountTable('COLLECT', '[{ name: s }]', rules, 'aggregation: MAX')), { amount: 35 }).result).toBe(0.3);
    expect(evaluateTable(table(amountTable('COLLECT', '[{ name: s }]', rules, 'aggregation: COUNT')), { amount: 35 }).result).toBe(3);
    const words = table(amountTable('COLLECT', '[{ name: s }]', [['-', ['"a"']]], 'aggregation: SUM'));
    expect(() => evaluateTable(words, { amount: 1 })).toThrow(expect.objectContaining({ code: 'AGGREGATION' }));
  });

  it('RULE ORDER lists outputs in rule order, OUTPUT ORDER by output value priority', () => {
    const rules: [string, string[]][] = [
      ['-', ['"LOW"']],
      ['> 100', ['"HIGH"']],
      ['> 10', ['"MEDIUM"']],
    ];
    expect(evaluateTable(table(amountTable('RULE ORDER', levels, rules)), { amount: 500 })).toEqual({
      result: ['LOW', 'HIGH', 'MEDIUM'],
      matchedRules: [0, 1, 2].map((index) => ({ index, id: null })),
    });
    expect(evaluateTable(table(amountTable('OUTPUT ORDER', levels, rules)), { amount: 500 })).toEqual({
      result: ['HIGH', 'MEDIUM', 'LOW'],
      matchedRules: [1, 2, 0].map((index) => ({ index, id: null })),
    });
  });

  it('returns an object for several outputs', () => {
    const t = table(amountTable('UNIQUE', '[{ name: level }, { name: roles }]', [['-', ['2', '["a", "b"]']]]));
    expect(evaluateTable(t, { amount: 1 }).result).toEqual({ level: 2, roles: ['a', 'b'] });
  });

  it('refuses to run a table with FEEL syntax errors', () => {
    const t = table(amountTable('UNIQUE', '[{ name: level }]', [['< ', ['1']]]));
    expect(() => evaluateTable(t, { amount: 1 })).toThrow(DecisionEvaluationError);
  });
});
