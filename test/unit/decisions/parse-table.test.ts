import { describe, expect, it } from 'vitest';
import { analyseTable, parseDecisionTable } from '../../../src-main/core/decisions';
import { fixture } from './decisions-helpers';

describe('parsing YAML and JSON decision tables', () => {
  it('parses the fixtures, defaulting the hit policy to UNIQUE', () => {
    const { table, problems } = parseDecisionTable(fixture('decisions/overlapping-unique.yaml'), 'o.yaml');
    expect(problems).toEqual([]);
    expect(table?.model.hitPolicy).toBe('UNIQUE');
    expect(table?.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports schema problems at the YAML line and column', () => {
    const yaml = [
      'id: t',
      'hitPolicy: SOMETIMES',
      'inputs:',
      '  - expression: amount',
      '    type: money',
      'outputs: []',
      'rules:',
      "  - when: ['1', '2']",
      "    then: ['1']",
    ].join('\n');
    const { table, problems } = parseDecisionTable(yaml, 'bad.yaml');
    expect(table).toBeUndefined();
    const at = Object.fromEntries(problems.map((p) => [p.path, [p.line, p.column]]));
    expect(at).toEqual({
      hitPolicy: [2, 12],
      'inputs.0.type': [5, 11],
      outputs: [6, 10],
    });
    expect(problems.every((p) => p.file === 'bad.yaml' && p.severity === 'error' && p.code === 'schema')).toBe(true);
  });

  it('points at the missing key’s parent and at unknown keys', () => {
    const { problems } = parseDecisionTable('id: t\ninputs:\n  - label: A\noutputs: [{ name: x, colour: red }]\nrules: []\n', 't.yaml');
    expect(problems.map((p) => [p.path, p.line, p.column])).toEqual([
      ['inputs.0.expression', 3, 5],
      ['outputs.0', 4, 11],
    ]);
  });

  it('parses JSON with positions through the same parser', () => {
    const json =
      '{\n  "id": "t",\n  "inputs": [{ "expression": "amount" }],\n  "outputs": [{ "name": "x" }],\n  "rules": [{ "when": ["< 1"], "then": [1, 2] }]\n}';
    const { problems } = parseDecisionTable(json, 't.json');
    expect(problems).toEqual([
      { severity: 'error', code: 'schema', message: 'rules.0.then: has 2 cells for 1 outputs', file: 't.json', line: 5, column: 40, path: 'rules.0.then' },
    ]);
  });

  it('reports YAML syntax errors', () => {
    const { problems } = parseDecisionTable('id: t\ninputs: [\n', 't.yaml');
    expect(problems[0]).toMatchObject({ code: 'syntax', file: 't.yaml', line: 3 });
  });

  it('takes bare YAML numbers and booleans in cells as FEEL text', () => {
    const { table } = parseDecisionTable('id: t\ninputs: [{ expression: flag }]\noutputs: [{ name: n }]\nrules: [{ when: [true], then: [2.5] }]\n', 't.yaml');
    expect(table?.model.rules[0]).toEqual({ when: ['true'], then: ['2.5'] });
  });

  it('lets analyseTable find the file positions of a parsed table, down to the character of a FEEL error', () => {
    const yaml = ['id: t', 'inputs:', '  - expression: amount +', 'outputs: [{ name: x }]', 'rules:', '  - when: ["< 10 10"]', '    then: ["1"]'].join('\n');
    const { table } = parseDecisionTable(yaml, 't.yaml');
    if (!table) throw new Error('no table');
    expect(analyseTable(table, 't.yaml')).toEqual([
      {
        severity: 'error',
        code: 'feel-syntax',
        message: 'FEEL: unexpected end of expression',
        file: 't.yaml',
        line: 3,
        column: 25,
        path: 'inputs.0.expression',
      },
      { severity: 'error', code: 'feel-syntax', message: 'FEEL: unexpected "10"', file: 't.yaml', line: 6, column: 18, path: 'rules.0.when.0' },
    ]);
  });
});
