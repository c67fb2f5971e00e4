import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { layoutWorkflow, type DiagramEdge, type DiagramNode, type WorkflowLayout } from '../../../src-renderer/diagram/layout';
import { END_ID, START_ID, UNWIND_ID, stepKinds, workflowGraph } from '../../../src-renderer/diagram/workflow-graph';

const fixture = (name: string): unknown => parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/workflows', name), 'utf8'));

/** A node's box in absolute coordinates (React Flow positions children relative to their parent). */
function absolute(layout: WorkflowLayout, id: string): { x: number; y: number; width: number; height: number } {
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const node = byId.get(id);
  if (!node) throw new Error(`no node ${id}`);
  let { x, y } = node.position;
  for (let p = node.parentId; p; p = byId.get(p)?.parentId) {
    const parent = byId.get(p) as DiagramNode;
    x += parent.position.x;
    y += parent.position.y;
  }
  return { x, y, width: node.width ?? 0, height: node.height ?? 0 };
}

function inside(inner: { x: number; y: number; width: number; height: number }, outer: { x: number; y: number; width: number; height: number }): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

function overlap(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const edge = (layout: WorkflowLayout, source: string, target: string): DiagramEdge | undefined =>
  layout.edges.find((e) => e.source === source && e.target === target);

describe('the workflow graph follows the engine’s control-flow rules', () => {
  it('links Start, each step to the following one, and the last step to End', () => {
    const graph = workflowGraph({
      workflow: 'simple',
      name: 'Simple',
      steps: [
        { id: 'a', kind: 'set', set: { x: '1' } },
        { id: 'b', kind: 'task', connector: 'echo', action: 'echo', input: {} },
      ],
    });
    expect(graph.edges.map((e) => [e.source, e.target, e.kind])).toEqual([
      [START_ID, 'a', 'next'],
      ['a', 'b', 'next'],
      ['b', END_ID, 'next'],
    ]);
    expect(graph.nodes.find((n) => n.id === 'b')).toMatchObject({ type: 'step', kind: 'task', detail: 'echo.echo' });
  });

  it('labels branch edges with their condition and the default edge "default"; `next: end` goes to End', () => {
    const graph = workflowGraph({
      workflow: 'routes',
      name: 'Routes',
      steps: [
        {
          id: 'route',
          kind: 'branch',
          branches: [
            { when: 'total > 1000', next: 'big' },
            { when: 'total < 0', next: 'end' },
          ],
          default: 'small',
        },
        { id: 'big', kind: 'set', set: { size: '"big"' }, next: 'end' },
        { id: 'small', kind: 'set', set: { size: '"small"' } },
      ],
    });
    const from = (id: string) => graph.edges.filter((e) => e.source === id).map((e) => [e.target, e.kind, e.label]);
    expect(from('route')).toEqual([
      ['big', 'branch', 'total > 1000'],
      [END_ID, 'branch', 'total < 0'],
      ['small', 'default', 'default'],
    ]);
    expect(from('big')).toEqual([[END_ID, 'next', null]]);
  });

  it('draws onError routes as error edges labelled with the code, and "unwind" to an Unwind node', () => {
    const graph = workflowGraph({
      workflow: 'errors',
      name: 'Errors',
      steps: [
        {
          id: 'pay',
          kind: 'task',
          connector: 'bank',
          action: 'post',
          onError: [
            { code: 'HTTP_4*', next: 'notify' },
            { code: '*', next: 'unwind' },
          ],
        },
        { id: 'done', kind: 'set', set: { ok: 'true' }, next: 'end' },
        { id: 'notify', kind: 'set', set: { ok: 'false' } },
      ],
    });
    const errors = graph.edges.filter((e) => e.kind === 'error').map((e) => [e.source, e.target, e.label]);
    expect(errors).toEqual([
      ['pay', 'notify', 'HTTP_4*'],
      ['pay', UNWIND_ID, '*'],
    ]);
    expect(graph.nodes.some((n) => n.id === UNWIND_ID)).toBe(true);
  });

  it('puts nested steps under their container, parallel branches in lanes, and knows every step’s kind', () => {
    const graph = workflowGraph(fixture('all-steps.yaml'));
    const parentOf = (id: string) => graph.nodes.find((n) => n.id === id)?.parent;
    expect(parentOf('echo-a')).toBe('fan/branch-0');
    expect(parentOf('fan/branch-0')).toBe('fan');
    expect(parentOf('echo-line')).toBe('lines');
    expect(parentOf('increment')).toBe('count');
    // parents are listed before their children (React Flow needs that)
    const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
    for (const node of graph.nodes) if (node.parent) expect(index.get(node.parent)).toBeLessThan(index.get(node.id) as number);
    // the block inside a container ends without an edge: control returns to the container
    expect(graph.edges.filter((e) => e.source === 'echo-a')).toEqual([]);
    expect(stepKinds(fixture('all-steps.yaml')).get('echo-line')).toBe('task');
    expect(stepKinds(fixture('all-steps.yaml')).get('fan')).toBe('parallel');
  });

  it('reads a malformed definition without throwing', () => {
    expect(workflowGraph(null).nodes.map((n) => n.id)).toEqual([START_ID, END_ID]);
    expect(workflowGraph({ steps: [{ id: 'x' }, 'junk', { id: 'y', kind: 'set' }] }).nodes.map((n) => n.id)).toEqual([START_ID, 'y', END_ID]);
  });
});

describe('layoutWorkflow', () => {
  it('lays every step of the fixture out top to bottom, containers around their steps, nothing overlapping', async () => {
    const layout = await layoutWorkflow(fixture('all-steps.yaml'));
    expect(layout.key).toBe('all-steps');
    expect(layout.width).toBeGreaterThan(0);
    expect(layout.height).toBeGreaterThan(layout.width / 2);

    const types = Object.fromEntries(layout.nodes.map((n) => [n.id, n.type]));
    expect(types).toMatchObject({
      [START_ID]: 'terminal',
      amounts: 'step',
      fan: 'container',
      'fan/branch-1': 'lane',
      lines: 'container',
      count: 'container',
      [END_ID]: 'terminal',
    });

    // top to bottom: Start above the first step, the sequence going down, End below the last step
    const y = (id: string) => absolute(layout, id).y;
    expect(y(START_ID)).toBeLessThan(y('amounts'));
    expect(y('amounts')).toBeLessThan(y('fee'));
    expect(y('fee')).toBeLessThan(y('route'));
    expect(y('fan')).toBeLessThan(y('lines'));
    expect(y('sub')).toBeLessThan(y(END_ID));

    // compound layout: children inside their containers
    expect(inside(absolute(layout, 'echo-a'), absolute(layout, 'fan/branch-0'))).toBe(true);
    expect(inside(absolute(layout, 'fan/branch-0'), absolute(layout, 'fan'))).toBe(true);
    expect(inside(absolute(layout, 'echo-line'), absolute(layout, 'lines'))).toBe(true);
    expect(inside(absolute(layout, 'increment'), absolute(layout, 'count'))).toBe(true);

    // no two sibling boxes overlap
    const siblings = new Map<string, string[]>();
    for (const node of layout.nodes) siblings.set(node.parentId ?? '', [...(siblings.get(node.parentId ?? '') ?? []), node.id]);
    for (const ids of siblings.values())
      for (const [i, a] of ids.entries())
        for (const b of ids.slice(i + 1)) expect(overlap(absolute(layout, a), absolute(layout, b)), `${a} overlaps ${b}`).toBe(false);

    // React Flow: parents precede children; children carry their parent's id
    const order = new Map(layout.nodes.map((n, i) => [n.id, i]));
    for (const node of layout.nodes) if (node.parentId) expect(order.get(node.parentId)).toBeLessThan(order.get(node.id) as number);
    expect(layout.nodes.find((n) => n.id === 'echo-a')?.parentId).toBe('fan/branch-0');
  });

  it('routes every edge with ELK’s points and places the labels of branch edges', async () => {
    const layout = await layoutWorkflow(fixture('all-steps.yaml'));
    for (const e of layout.edges) expect(e.data?.points.length, e.id).toBeGreaterThanOrEqual(2);
    const big = edge(layout, 'route', 'big');
    expect(big?.data).toMatchObject({ kind: 'branch', label: 'total > 1000', shortLabel: 'total > 1000' });
    expect(big?.data?.labelBox?.width).toBeGreaterThan(0);
    expect(edge(layout, 'route', 'small')?.data).toMatchObject({ kind: 'default', label: 'default' });
    // the edge ends at its target's top, going down
    const points = edge(layout, 'amounts', 'fee')?.data?.points ?? [];
    expect(points.at(-1)?.y).toBeCloseTo(absolute(layout, 'fee').y, 0);
    expect(points[0]?.y).toBeCloseTo(absolute(layout, 'amounts').y + absolute(layout, 'amounts').height, 0);
  });

  it('puts Start first and End and Unwind last, below every step', async () => {
    const layout = await layoutWorkflow({
      workflow: 'unwinding',
      name: 'Unwinding',
      steps: [
        { id: 'prepare', kind: 'set', set: { x: '1' } },
        { id: 'pay', kind: 'task', connector: 'bank', action: 'post', onError: [{ code: '*', next: 'unwind' }] },
        { id: 'notify', kind: 'set', set: { y: '2' } },
        { id: 'archive', kind: 'set', set: { z: '3' } },
      ],
    });
    const bottom = (id: string) => absolute(layout, id).y + absolute(layout, id).height;
    for (const step of ['prepare', 'pay', 'notify', 'archive']) {
      expect(absolute(layout, START_ID).y).toBeLessThan(absolute(layout, step).y);
      expect(absolute(layout, UNWIND_ID).y).toBeGreaterThan(bottom(step));
      expect(absolute(layout, END_ID).y).toBeGreaterThan(bottom(step));
    }
    expect(edge(layout, 'pay', UNWIND_ID)?.data).toMatchObject({ kind: 'error', label: '*' });
  });

  it('cuts long conditions in the drawing but keeps them whole in the data', async () => {
    const when = 'invoice.total.amount > 100000 and invoice.vendor.country != "DE" and risk.score > 70';
    const layout = await layoutWorkflow({
      workflow: 'long',
      name: 'Long',
      steps: [
        { id: 'route', kind: 'branch', branches: [{ when, next: 'review' }], default: 'end' },
        { id: 'review', kind: 'set', set: { x: '1' } },
      ],
    });
    const data = edge(layout, 'route', 'review')?.data;
    expect(data?.label).toBe(when);
    expect(data?.shortLabel?.endsWith('…')).toBe(true);
    expect(data?.shortLabel?.length).toBeLessThanOrEqual(36);
  });

  it('lays out a large definition (400 steps) in reasonable time', async () => {
    const steps = Array.from({ length: 400 }, (_, i) => ({ id: `s${i}`, kind: 'set', set: { x: String(i) } }));
    const started = performance.now();
    const layout = await layoutWorkflow({ workflow: 'big', name: 'Big', steps });
    expect(layout.nodes).toHaveLength(402);
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});
