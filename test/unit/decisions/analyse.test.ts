import { describe, expect, it } from 'vitest';
import { analyseTable } from '../../../src-main/core/decisions';
import { table } from './decisions-helpers';

function codes(yaml: string) {
  return analyseTable(table(yaml), 't.yaml').map((p) => [p.severity, p.code, p.path]);
}

describe('static checks of decision tables', () => {
  it('checks that aggregations belong to COLLECT with one number output', () => {
    expect(codes('id: t\nhitPolicy: FIRST\naggregation: SUM\ninputs: [{ expression: a }]\noutputs: [{ name: x }]\nrules: []\n')).toEqual([
      ['error', 'aggregation-needs-collect', 'aggregation'],
    ]);
    expect(codes('id: t\nhitPolicy: COLLECT\naggregation: MAX\ninputs: [{ expression: a }]\noutputs: [{ name: x }, { name: y }]\nrules: []\n')).toEqual([
      ['error', 'aggregation-single-output', 'outputs'],
    ]);
    expect(codes('id: t\nhitPolicy: COLLECT\naggregation: SUM\ninputs: [{ expression: a }]\noutputs: [{ name: x, type: string }]\nrules: []\n')).toEqual([
      ['error', 'aggregation-type', 'outputs.0.type'],
    ]);
    expect(
      codes('id: t\nhitPolicy: COLLECT\naggregation: SUM\ninputs: [{ expression: a }]\noutputs: [{ name: x }]\nrules: [{ when: ["-"], then: ["\\"a\\""] }]\n'),
    ).toEqual([['error', 'aggregation-type', 'rules.0.then.0']]);
  });

  it('needs output values for PRIORITY and OUTPUT ORDER', () => {
    expect(codes('id: t\nhitPolicy: PRIORITY\ninputs: [{ expression: a }]\noutputs: [{ name: x }]\nrules: []\n')).toEqual([
      ['error', 'priority-needs-values', 'outputs'],
    ]);
    expect(codes('id: t\nhitPolicy: OUTPUT ORDER\ninputs: [{ expression: a }]\noutputs: [{ name: x, values: [A, B] }]\nrules: []\n')).toEqual([]);
  });

  it('finds duplicate output names and rule ids', () => {
    expect(
      codes(
        'id: t\nhitPolicy: FIRST\ninputs: [{ expression: a }]\noutputs: [{ name: x }, { name: x }]\nrules: [{ id: r, when: ["1"], then: ["1", "2"] }, { id: r, when: ["2"], then: ["1", "2"] }]\n',
      ),
    ).toEqual([
      ['error', 'duplicate-output', 'outputs.1.name'],
      ['error', 'duplicate-rule-id', 'rules.1.id'],
    ]);
  });

  it('checks constant outputs and allowed values against declared types', () => {
    const yaml = [
      'id: t',
      'hitPolicy: FIRST',
      'inputs: [{ expression: c, type: string, values: [EUR, USD] }, { expression: n, type: number, values: [1, two] }]',
      'outputs: [{ name: level, type: number, values: [1, 2] }, { name: due, type: date }]',
      'rules:',
      '  - { when: [\'"CHF"\', "-"], then: ["3", \'"2026-01-01"\'] }',
      '  - { when: [\'"EUR"\', "-"], then: [\'"1"\', \'date("2026-01-01")\'] }',
      '  - { when: [\'-\', "-"], then: ["1", \'"soon"\'] }',
    ].join('\n');
    expect(codes(yaml)).toEqual([
      ['error', 'type-mismatch', 'inputs.1.values.1'],
      ['error', 'value-not-allowed', 'rules.0.then.0'],
      ['warning', 'value-not-allowed', 'rules.0.when.0'],
      ['error', 'type-mismatch', 'rules.1.then.0'],
      ['error', 'type-mismatch', 'rules.2.then.1'],
    ]);
  });

  it('uses the locate function it is given', () => {
    const t = table('id: t\ninputs: [{ expression: a }]\noutputs: [{ name: x }]\nrules: [{ when: ["< "], then: ["1"] }]\n');
    const problems = analyseTable(t, 'workflow.yaml', (path, offset = 0) => ({ line: 100, column: 10 + offset + path.length }));
    expect(problems).toEqual([
      {
        severity: 'error',
        code: 'feel-syntax',
        message: 'FEEL: unexpected end of expression',
        file: 'workflow.yaml',
        line: 100,
        column: 26,
        path: 'rules.0.when.0',
      },
    ]);
  });
});
