import { describe, expect, it } from 'vitest';
import { analyseTable } from '../../../src-main/core/decisions';
import { fixture, table } from './decisions-helpers';

/** Problems of a UNIQUE table with the given input columns and two or more rules of cells. */
function analyse(inputs: string[], ...rules: string[][]) {
  const yaml = [
    'id: t',
    `inputs: [${inputs.map((i) => `{ ${i} }`).join(', ')}]`,
    'outputs: [{ name: out }]',
    'rules:',
    ...rules.map((cells, r) => `  - { when: [${cells.map((c) => `'${c.replace(/'/g, "''")}'`).join(', ')}], then: ['${r + 1}'] }`),
  ].join('\n');
  return analyseTable(table(yaml), 't.yaml');
}

const NUMBER = 'expression: amount, type: number';
const STRING = 'expression: currency, type: string';
const UNTYPED = 'expression: x';

function overlaps(inputs: string[], a: string[], b: string[]): boolean {
  const problems = analyse(inputs, a, b);
  expect(problems.filter((p) => p.code === 'not-analysable')).toEqual([]);
  return problems.some((p) => p.code === 'unique-overlap');
}

describe('overlap analysis for UNIQUE tables', () => {
  it.each([
    ['< 10000', '>= 10000', false],
    ['< 10000', '<= 10000', true],
    ['[0..10]', '[10..20]', true],
    ['[0..10)', '[10..20]', false],
    ['(0..10]', ']10..20]', false],
    ['> 5', '< 5', false],
    ['> 5', '< 5.000000001', true],
    ['-', '42', true],
    ['1, 2, 3', '4, 5', false],
    ['1, [5..10]', '7', true],
    ['1, [5..10]', '(10..20)', false],
    ['not(5)', '5', false],
    ['not(5)', '6', true],
    ['not([0..100])', '50', false],
    ['not([0..100])', '100.5', true],
    ['not(< 0, > 100)', '[0..100]', true],
    ['= 0.3', '0.1 + 0.2', true],
    ['!= 7', '7', false],
    ['null', '-', true],
    ['null', '< 10', false],
    ['not(< 10)', 'null', false],
  ])('number column: %j vs %j overlap: %s', (a, b, expected) => {
    expect(overlaps([NUMBER], [a], [b])).toBe(expected);
  });

  it.each([
    ['"EUR"', '"USD"', false],
    ['"EUR","USD"', '"USD","GBP"', true],
    ['not("EUR")', '"EUR"', false],
    ['not("EUR")', '"CHF"', true],
    ['< "M"', '"N"', false],
    ['["A".."C"]', '"B"', true],
  ])('string column: %j vs %j overlap: %s', (a, b, expected) => {
    expect(overlaps([STRING], [a], [b])).toBe(expected);
  });

  it('treats dates as discrete days and booleans as two values', () => {
    const date = 'expression: d, type: date';
    expect(overlaps([date], ['(date("2026-01-01")..date("2026-01-02"))'], ['-'])).toBe(false);
    expect(overlaps([date], ['< date("2026-07-01")'], ['>= @"2026-07-01"'])).toBe(false);
    expect(overlaps([date], ['<= date("2026-07-01")'], ['[@"2026-07-01"..@"2026-12-31"]'])).toBe(true);
    const flag = 'expression: f, type: boolean';
    expect(overlaps([flag], ['true'], ['false'])).toBe(false);
    expect(overlaps([flag], ['not(true)'], ['false'])).toBe(true);
  });

  it('uses allowed values as the column domain', () => {
    const risk = 'expression: risk, values: [low, medium, high]';
    expect(overlaps([risk], ['not("low")'], ['"medium","high"'])).toBe(true);
    expect(overlaps([risk], ['not("low","medium","high")'], ['"low"'])).toBe(false);
    // null = "low" is false, so not("low", …) matches a null input, as "-" does.
    const [problem] = analyse([risk], ['not("low","medium","high")'], ['-']);
    expect(problem?.message).toContain('risk = null');
  });

  it('leaves cells comparing with lists or contexts to the not-analysable warning', () => {
    expect(analyse([UNTYPED], ['[[1, 2]]'], ['-']).map((p) => [p.code, p.path])).toEqual([['not-analysable', 'rules.0.when.0']]);
  });

  it('keeps kinds apart in untyped columns, as FEEL comparisons do', () => {
    expect(overlaps([UNTYPED], ['< 10'], ['"A"'])).toBe(false);
    expect(overlaps([UNTYPED], ['!= 5'], ['"A"'])).toBe(false);
    expect(overlaps([UNTYPED], ['not(5)'], ['"A"'])).toBe(false);
    expect(overlaps([UNTYPED], ['-'], ['"A"'])).toBe(true);
  });

  it('needs every column to intersect', () => {
    expect(overlaps([NUMBER, STRING], ['< 10000', '"EUR"'], ['>= 5000', '"USD"'])).toBe(false);
    expect(overlaps([NUMBER, STRING], ['< 10000', '"EUR"'], ['>= 5000', '-'])).toBe(true);
  });

  it('reports the pair at the second rule with an example input', () => {
    const problems = analyseTable(table(fixture('decisions/overlapping-unique.yaml'), 'overlapping-unique.yaml'), 'overlapping-unique.yaml');
    expect(problems).toEqual([
      {
        severity: 'error',
        code: 'unique-overlap',
        message: 'rules 2 and 3 overlap (hit policy UNIQUE), e.g. for amount = 10000, currency = "EUR"',
        file: 'overlapping-unique.yaml',
        line: 20,
        column: 5,
        path: 'rules.2',
      },
    ]);
  });

  it('gives examples between open bounds', () => {
    const [problem] = analyse([NUMBER], ['(1..2)'], ['> 1']);
    expect(problem?.message).toContain('amount = 1.5');
  });

  it('warns once when a cell depends on variables, and still separates rules by other columns', () => {
    const problems = analyseTable(table(fixture('decisions/non-analysable.yaml'), 'non-analysable.yaml'), 'non-analysable.yaml');
    expect(problems).toEqual([
      {
        severity: 'warning',
        code: 'not-analysable',
        message: 'not analysable: rule 2 column 1 is not a comparison with constants, so overlaps involving it cannot be ruled out statically',
        file: 'non-analysable.yaml',
        line: 18,
        column: 12,
        path: 'rules.1.when.0',
      },
    ]);
    const separated = analyse([NUMBER, STRING], ['? > limit + 1', '"EUR"'], ['< 10', '"USD"']);
    expect(separated).toEqual([]);
    const several = analyse([NUMBER], ['> limit'], ['< other'], ['sqrt(?) > 2']);
    expect(several.map((p) => p.code)).toEqual(['not-analysable']);
  });

  it('finds no overlap in the delegation-of-authority matrix', () => {
    expect(analyseTable(table(fixture('decisions/delegation-of-authority.yaml')), 'doa.yaml')).toEqual([]);
  });

  it('checks ANY tables only for overlapping rules with different outputs', () => {
    const any = (then: [string, string]) =>
      analyseTable(
        table(`
id: t
hitPolicy: ANY
inputs: [{ expression: amount, type: number }]
outputs: [{ name: ok }]
rules:
  - { when: ['> 10'], then: ['${then[0]}'] }
  - { when: ['> 20'], then: ['${then[1]}'] }
`),
        't.yaml',
      );
    expect(any(['true', 'true'])).toEqual([]);
    expect(any(['true', 'false']).map((p) => p.code)).toEqual(['any-conflict']);
    expect(any(['x', 'x'])).toEqual([]);
    expect(any(['x', 'y']).map((p) => p.code)).toEqual(['not-analysable']);
  });
});
