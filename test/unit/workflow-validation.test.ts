import { describe, expect, it } from 'vitest';
import { validateDefinition, type DeployContext } from '../../src-main/core/engine/definitions/validate-definition';

const context: DeployContext = {
  connector: (name) => (name === 'bank' ? { type: 'http', actions: ['request', 'post'] } : null),
  table: (key) => (key === 'fees' ? { version: 3, contentHash: 'f'.repeat(64) } : null),
  workflow: (key) => (key === 'child' ? { version: 2, contentHash: 'c'.repeat(64) } : null),
  calendar: (name) => name === 'TARGET2',
};

function problemsOf(text: string) {
  return validateDefinition(text, 'invoice.yaml', context).problems.map((p) => ({
    code: p.code,
    line: p.line,
    column: p.column,
    severity: p.severity,
    message: p.message,
  }));
}

describe('workflow validation before anything runs', () => {
  it('accepts a valid definition and pins the tables and sub-workflows it uses', () => {
    const result = validateDefinition(
      `workflow: ok
name: OK
steps:
  - id: fee
    kind: decision
    table: fees
    result: fee
  - id: sub
    kind: call
    workflow: child
  - id: pay
    kind: task
    connector: bank
    action: post
`,
      'ok.yaml',
      context,
    );
    expect(result.problems).toEqual([]);
    expect(result.pins).toEqual({
      tables: { fees: { version: 3, contentHash: 'f'.repeat(64) } },
      workflows: { child: { version: 2, contentHash: 'c'.repeat(64) } },
    });
  });

  it('reports YAML syntax and schema errors with line and column', () => {
    expect(problemsOf('workflow: x\nname: A\nname: B\nsteps: []\n')[0]).toMatchObject({ code: 'syntax', line: 3, column: 1 });
    const schema = problemsOf(`workflow: Bad Key
name: N
steps:
  - id: a
    kind: teleport
`);
    expect(schema).toContainEqual(expect.objectContaining({ code: 'schema', line: 1, column: 11 }));
    expect(schema).toContainEqual(expect.objectContaining({ code: 'schema', line: 5, column: 11 }));
  });

  it('finds unknown and out-of-block targets, unreachable steps and cycles outside loops', () => {
    const problems = problemsOf(`workflow: flow
name: Flow
steps:
  - id: a
    kind: set
    set: { x: 1 }
    next: nowhere
  - id: b
    kind: set
    set: { x: 2 }
  - id: c
    kind: set
    set: { x: 3 }
    next: b
  - id: fan
    kind: parallel
    branches:
      - steps:
          - id: inner
            kind: set
            set: { y: 1 }
            next: c
      - steps:
          - id: other
            kind: set
            set: { y: 2 }
`);
    expect(problems).toContainEqual(expect.objectContaining({ code: 'unknown-step', line: 7, column: 11 }));
    expect(problems).toContainEqual(expect.objectContaining({ code: 'unreachable-step', line: 8, column: 9 }));
    expect(problems).toContainEqual(expect.objectContaining({ code: 'cycle', line: 8, column: 9, message: expect.stringContaining('b → c → b') }));
    expect(problems).toContainEqual(expect.objectContaining({ code: 'unknown-step', line: 22, column: 19, message: expect.stringContaining('another block') }));
  });

  it('reports FEEL syntax errors at their place inside the expression', () => {
    const problems = problemsOf(`workflow: feel
name: FEEL
steps:
  - id: calc
    kind: set
    set:
      total: "amount + * 2"
`);
    const feel = problems.find((p) => p.code === 'feel-syntax');
    expect(feel).toMatchObject({ line: 7, severity: 'error' });
    expect(feel?.column).toBeGreaterThan(14);
  });

  it('refuses references to missing connectors, actions, tables, workflows, calendars and compensations', () => {
    const problems = problemsOf(`workflow: refs
name: Refs
steps:
  - id: t1
    kind: task
    connector: nobank
    action: post
  - id: t2
    kind: task
    connector: bank
    action: teleport
    compensate: nothing
  - id: d
    kind: decision
    table: nofees
    result: r
  - id: c
    kind: call
    workflow: refs
  - id: c2
    kind: call
    workflow: nochild
  - id: w
    kind: wait
    businessDays: { days: 2, calendar: MARS }
`);
    expect(problems.map((p) => [p.code, p.line]).sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual([
      ['unknown-connector', 6],
      ['unknown-action', 11],
      ['unknown-compensation', 12],
      ['unknown-table', 15],
      ['recursive-call', 19],
      ['unknown-workflow', 22],
      ['unknown-calendar', 25],
    ]);
  });

  it('refuses duplicate step ids', () => {
    const problems = problemsOf(`workflow: dup
name: Dup
steps:
  - id: a
    kind: set
    set: { x: 1 }
  - id: a
    kind: set
    set: { x: 2 }
`);
    expect(problems).toContainEqual(expect.objectContaining({ code: 'duplicate-step', line: 7, column: 9 }));
  });
});
