import { describe, expect, it } from 'vitest';
import { analyseTable, DMN_NAMESPACES, importDmn, parseDecisionTable } from '../../../src-main/core/decisions';
import { fixture } from './decisions-helpers';

const DMN13 = 'https://www.omg.org/spec/DMN/20191111/MODEL/';

describe('importing DMN from Camunda Modeler', () => {
  it.each(['delegation-of-authority', 'payment-routing', 'fraud-score'])('imports %s.dmn as the equal YAML table', (name) => {
    const dmn = importDmn(fixture(`dmn/${name}.dmn`), `${name}.dmn`);
    const yaml = parseDecisionTable(fixture(`decisions/${name}.yaml`), `${name}.yaml`);
    expect(dmn.problems).toEqual([]);
    expect(dmn.tables).toHaveLength(1);
    expect(dmn.tables[0]?.model).toEqual(yaml.table?.model);
    expect(dmn.tables[0]?.contentHash).toBe(yaml.table?.contentHash);
    expect(analyseTable(dmn.tables[0] as never, `${name}.dmn`)).toEqual([]);
  });

  it('accepts the DMN 1.3, 1.4 and 1.5 namespaces and nothing else', () => {
    expect(Object.values(DMN_NAMESPACES)).toEqual(['1.3', '1.4', '1.5']);
    const xml = fixture('dmn/payment-routing.dmn');
    for (const ns of Object.keys(DMN_NAMESPACES)) {
      const { tables, problems } = importDmn(xml.replaceAll(DMN13, ns), 'p.dmn');
      expect(problems).toEqual([]);
      expect(tables[0]?.model.hitPolicy).toBe('FIRST');
    }
    const old = importDmn(xml.replaceAll(DMN13, 'http://www.omg.org/spec/DMN/20151101/dmn.xsd'), 'old.dmn');
    expect(old).toEqual({
      tables: [],
      problems: [expect.objectContaining({ code: 'dmn-namespace', line: 2, column: 1, message: expect.stringContaining('not a DMN 1.3, 1.4 or 1.5 file') })],
    });
  });

  it('refuses any DOCTYPE, before an entity can expand or reach a file', () => {
    const started = performance.now();
    const { tables, problems } = importDmn(fixture('dmn/billion-laughs.dmn'), 'billion-laughs.dmn');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(tables).toEqual([]);
    expect(problems).toEqual([
      {
        severity: 'error',
        code: 'xml-doctype',
        message: 'a DOCTYPE is not allowed in a DMN file (it can define entities: XXE, entity expansion)',
        file: 'billion-laughs.dmn',
        line: 2,
        column: 1,
        path: '',
      },
    ]);
  });

  it('reports malformed XML at its line', () => {
    const { tables, problems } = importDmn(fixture('dmn/malformed.dmn'), 'malformed.dmn');
    expect(tables).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', code: 'xml-syntax', file: 'malformed.dmn', line: 18 })]);
    expect(importDmn('<definitions', 'x.dmn').problems[0]?.code).toBe('xml-syntax');
  });

  it('points FEEL errors in DMN cells at the XML line and column, across entity references', () => {
    const xml = fixture('dmn/fraud-score.dmn').replace('<text>&gt; 50000</text>', '<text>&gt; 50000 )</text>');
    const { tables, problems } = importDmn(xml, 'f.dmn');
    expect(problems).toEqual([]);
    const table = tables[0];
    if (!table) throw new Error('no table');
    // Line 29 is `          <text>&gt; 50000 )</text>`: the ")" is the 10th character of the cell, after the 4-character "&gt;".
    expect(analyseTable(table, 'f.dmn')).toEqual([
      { severity: 'error', code: 'feel-syntax', message: 'FEEL: unexpected ")"', file: 'f.dmn', line: 29, column: 28, path: 'rules.0.when.0' },
    ]);
  });

  it('reports schema problems at the XML element', () => {
    const xml = fixture('dmn/payment-routing.dmn').replace('hitPolicy="FIRST"', 'hitPolicy="SOMETIMES"').replace(' name="channel"', '');
    const { tables, problems } = importDmn(xml, 'p.dmn');
    expect(tables).toEqual([]);
    expect(problems.map((p) => [p.path, p.line, p.column])).toEqual([
      ['hitPolicy', 4, 5],
      ['outputs.0.name', 25, 7],
    ]);
    expect(problems[0]?.message).toContain('one of UNIQUE, FIRST, PRIORITY, ANY, COLLECT, RULE ORDER, OUTPUT ORDER');
  });

  it('warns about decisions without a table and about allowed values it cannot import', () => {
    const xml = fixture('dmn/payment-routing.dmn')
      .replace('<text>"MANUAL-REVIEW","SWIFT","SEPA-INSTANT","SEPA"</text>', '<text>&gt; 5</text>')
      .replace(
        '</decision>',
        '</decision>\n  <decision id="literal" name="Literal">\n    <literalExpression id="L1"><text>1 + 1</text></literalExpression>\n  </decision>',
      );
    const { tables, problems } = importDmn(xml, 'p.dmn');
    expect(tables).toHaveLength(1);
    expect(tables[0]?.model.outputs[0]?.values).toBeUndefined();
    expect(problems.map((p) => [p.severity, p.code])).toEqual([
      ['warning', 'dmn-values'],
      ['warning', 'dmn-unsupported'],
    ]);
  });
});
