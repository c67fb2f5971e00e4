import { describe, expect, it } from 'vitest';
import { DecisionEvaluationError, evaluateTable, UniqueViolationError } from '../../../src-main/core/decisions';
import { fixture, table } from './decisions-helpers';

describe('evaluating decision tables', () => {
  const doa = table(fixture('decisions/delegation-of-authority.yaml'));
  const invoice = { amount: 10000, currency: 'EUR', entity: 'DE01', 'cost centre': 'CC-100', risk: 'low' };

  it('chooses approval levels from the delegation-of-authority matrix', () => {
    expect(evaluateTable(doa, { ...invoice, amount: 9999.99 })).toEqual({
      result: { levels: 1, approverRoles: ['team-lead'] },
      matchedRules: [{ index: 0, id: 'DecisionRule_routine' }],
    });
    expect(evaluateTable(doa, invoice).result).toEqual({ levels: 2, approverRoles: ['team-lead', 'finance-manager'] });
    expect(evaluateTable(doa, { ...invoice, amount: 250000, entity: 'US01' }).matchedRules).toEqual([{ index: 3, id: 'DecisionRule_major_us' }]);
    expect(evaluateTable(doa, { ...invoice, amount: 250000, risk: 'high', 'cost centre': 'CC-900' }).result).toEqual({
      levels: 4,
      approverRoles: ['team-lead', 'compliance', 'cfo', 'board'],
    });
  });

  it('matches decimal amounts exactly', () => {
    const t = table(`
id: exact
inputs: [{ expression: a + b, type: number }]
outputs: [{ name: hit }]
rules:
  - { when: ['0.3'], then: ['"exact"'] }
  - { when: ['not(0.3)'], then: ['"other"'] }
`);
    expect(evaluateTable(t, { a: 0.1, b: 0.2 }).result).toBe('exact');
    expect(evaluateTable(t, { a: 0.1, b: 0.21 }).result).toBe('other');
    expect(evaluateTable(doa, { ...invoice, amount: { $decimal: '9999.999999999999999999' } }).result).toEqual({ levels: 1, approverRoles: ['team-lead'] });
  });

  it('reads Money amounts in input expressions', () => {
    const t = table(`
id: money
inputs: [{ expression: invoice.total.amount, type: number }, { expression: invoice.total.currency, type: string }]
outputs: [{ name: level }]
rules:
  - { when: ['<= 10000', '"EUR"'], then: ['1'] }
  - { when: ['> 10000', '"EUR"'], then: ['2'] }
`);
    expect(evaluateTable(t, { invoice: { total: { amount: '10000.00', currency: 'EUR' } } }).result).toBe(1);
    expect(evaluateTable(t, { invoice: { total: { amount: '10000.01', currency: 'EUR' } } }).result).toBe(2);
  });

  it('converts ISO strings for date columns and checks declared types and allowed values', () => {
    const routing = table(fixture('decisions/payment-routing.yaml'));
    const payment = { amount: 500, currency: 'EUR', urgent: true, executionDate: '2026-12-24' };
    expect(evaluateTable(routing, { payment }).result).toBe('MANUAL-REVIEW');
    expect(evaluateTable(routing, { payment: { ...payment, executionDate: '2026-12-23' } }).result).toBe('SEPA-INSTANT');
    expect(() => evaluateTable(routing, { payment: { ...payment, executionDate: '24.12.2026' } })).toThrow(
      expect.objectContaining({ code: 'TYPE_MISMATCH', path: 'inputs.3' }),
    );
    expect(() => evaluateTable(doa, { ...invoice, currency: 'JPY' })).toThrow(expect.objectContaining({ code: 'VALUE_NOT_ALLOWED', path: 'inputs.1' }));
  });

  it('sums decimal scores exactly with COLLECT SUM', () => {
    const score = table(fixture('decisions/fraud-score.yaml'));
    const result = evaluateTable(score, { invoice: { amount: 9800 }, vendor: { ageDays: 30, bankCountry: 'CY', bankAccountChanged: false } });
    expect(result.result).toBe(60.8);
    expect(result.matchedRules.map((r) => r.id)).toEqual(['DecisionRule_structuring', 'DecisionRule_new_vendor', 'DecisionRule_foreign_bank']);
  });

  it('fails on a missing input variable instead of matching "-" rules silently', () => {
    const { currency: _omitted, ...partial } = invoice;
    expect(() => evaluateTable(doa, partial)).toThrow(DecisionEvaluationError);
    try {
      evaluateTable(doa, partial);
    } catch (error) {
      expect(error).toMatchObject({ code: 'FEEL', path: 'inputs.1.expression', cause: { code: 'UNKNOWN_VARIABLE' } });
    }
  });

  it('fails at run time where the analysis found an overlap', () => {
    const overlapping = table(fixture('decisions/overlapping-unique.yaml'));
    expect(evaluateTable(overlapping, { amount: 9999, currency: 'EUR' }).result).toBe('L1');
    expect(() => evaluateTable(overlapping, { amount: 10000, currency: 'EUR' })).toThrow(UniqueViolationError);
    expect(() => evaluateTable(overlapping, { amount: 10000, currency: 'EUR' })).toThrow(
      'decision table overlapping_limits (hit policy UNIQUE): rules 2, 3 all match',
    );
  });

  it('reads now() from the injected clock', () => {
    const t = table(`
id: overdue
inputs: [{ expression: due, type: date }]
outputs: [{ name: overdue }]
rules:
  - { when: ['< today()'], then: ['true'] }
  - { when: ['>= today()'], then: ['false'] }
`);
    const now = () => Date.parse('2026-11-30T12:00:00Z');
    expect(evaluateTable(t, { due: '2026-11-29' }, { now }).result).toBe(true);
    expect(evaluateTable(t, { due: '2026-11-30' }, { now }).result).toBe(false);
  });
});
