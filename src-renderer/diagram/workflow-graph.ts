/**
 * A workflow definition as a graph to draw: steps, the blocks that hold them, and the
 * control flow between them, with the same rules the engine follows
 * (src-main/core/engine/definitions/workflow-model.ts): within a block control passes along
 * `next` (default: the following step; `end` ends the block), a branch goes to its
 * branches' `next` or its `default`, and `onError` routes go to a step of the same block,
 * `end`, or `unwind`. No layout and no React here: this is what the unit tests pin down.
 *
 * The definition arrives as JSON from the core (already validated when it was deployed);
 * it is read defensively, so a definition from an older schema still draws what it can.
 */

export type StepKind = 'set' | 'task' | 'decision' | 'branch' | 'wait' | 'call' | 'task.human' | 'approval' | 'parallel' | 'foreach' | 'loop';

/** Steps that hold blocks: drawn as boxes around their steps. */
export const CONTAINER_KINDS: ReadonlySet<string> = new Set(['parallel', 'foreach', 'loop']);

export const START_ID = '__start';
export const END_ID = '__end';
export const UNWIND_ID = '__unwind';

export type GraphNode =
  /** A step that holds no block. */
  | { id: string; type: 'step'; parent: string | null; stepId: string; kind: string; name: string | null; detail: string; compensate: string | null }
  /** parallel, foreach, loop: a box around its block(s). */
  | { id: string; type: 'container'; parent: string | null; stepId: string; kind: string; name: string | null; detail: string; compensate: string | null }
  /** One branch of a parallel step, or the workflow's compensations. */
  | { id: string; type: 'lane'; parent: string | null; label: string }
  | { id: string; type: 'terminal'; parent: null; role: 'start' | 'end' | 'unwind'; label: string };

export type EdgeKind = 'next' | 'branch' | 'default' | 'error';

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  /** The branch condition, "default", or the error code an onError route catches. */
  label: string | null;
}

export interface WorkflowGraph {
  key: string;
  name: string;
  /** Parents always come before their children. */
  nodes: GraphNode[];
  edges: GraphEdge[];
}

interface RawStep {
  id: string;
  kind: string;
  name?: unknown;
  next?: unknown;
  onError?: unknown;
  compensate?: unknown;
  [field: string]: unknown;
}

const END = 'end';
const UNWIND = 'unwind';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function steps(value: unknown): RawStep[] {
  if (!Array.isArray(value)) return [];
  return value.filter((s): s is RawStep => isRecord(s) && typeof s.id === 'string' && typeof s.kind === 'string');
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
}

/** The blocks a step holds, in the engine's own keys ("<step>/branch-<i>", "<step>/body"). */
function childBlocks(step: RawStep): { key: string; label: string; steps: RawStep[] }[] {
  switch (step.kind) {
    case 'parallel':
      return (Array.isArray(step.branches) ? step.branches : []).map((branch: unknown, i) => ({
        key: `${step.id}/branch-${i}`,
        label: isRecord(branch) && typeof branch.name === 'string' ? branch.name : `branch ${i + 1}`,
        steps: isRecord(branch) ? steps(branch.steps) : [],
      }));
    case 'foreach':
    case 'loop':
      return [{ key: `${step.id}/body`, label: 'body', steps: steps(step.steps) }];
    default:
      return [];
  }
}

/** One short line under the step's id: what it does, in the definition's own terms. */
export function stepDetail(step: { kind: string; [field: string]: unknown }): string {
  switch (step.kind) {
    case 'set':
      return isRecord(step.set) ? Object.keys(step.set).join(', ') : '';
    case 'task':
      return [text(step.connector), text(step.action)].filter(Boolean).join('.');
    case 'decision':
      return text(step.table) ?? '';
    case 'branch': {
      const n = Array.isArray(step.branches) ? step.branches.length : 0;
      return `${n} condition${n === 1 ? '' : 's'}`;
    }
    case 'wait': {
      if (step.duration) return `for ${text(step.duration)}`;
      if (step.until) return `until ${text(step.until)}`;
      if (isRecord(step.businessDays)) return `${text(step.businessDays.days)} business days`;
      if (isRecord(step.signal)) return `signal ${text(step.signal.name)}`;
      return '';
    }
    case 'call':
      return text(step.workflow) ?? '';
    case 'task.human':
    case 'approval':
      return text(step.title) ?? '';
    case 'parallel': {
      const join = step.join;
      const how = isRecord(join) ? `at least ${text(join.atLeast)}` : (text(join) ?? 'all');
      return `join ${how}`;
    }
    case 'foreach': {
      const mode = text(step.mode) === 'parallel' ? `parallel${step.maxConcurrency ? `, max ${text(step.maxConcurrency)}` : ''}` : 'sequential';
      return `${text(step.as) ?? 'item'} in ${text(step.items) ?? '?'} · ${mode}`;
    }
    case 'loop':
      return `until ${text(step.until) ?? '?'} · max ${text(step.max) ?? '?'}`;
    default:
      return '';
  }
}

/**
 * Builds the graph. Step ids are unique in a valid definition; a duplicate (only possible in
 * a definition that never passed validation) is drawn once, under its first occurrence.
 */
export function workflowGraph(definition: unknown): WorkflowGraph {
  const def = isRecord(definition) ? definition : {};
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  const edgeIds = new Set<string>();
  let needsUnwind = false;

  const addEdge = (source: string, target: string, kind: EdgeKind, label: string | null) => {
    let id = `${source}->${target}:${kind}${label ? `:${label}` : ''}`;
    if (edgeIds.has(id)) {
      // Two conditions of one branch may lead to the same step: both are drawn.
      let n = 2;
      while (edgeIds.has(`${id}#${n}`)) n++;
      id = `${id}#${n}`;
    }
    edgeIds.add(id);
    edges.push({ id, source, target, kind, label });
  };

  /**
   * Adds a block's steps under `parent` and its control flow. `endTarget` is where a block's
   * end leads in the drawing: the End node for the workflow's own steps, nothing inside a
   * container (control returns to the container, whose own edge shows where it goes next).
   */
  const addBlock = (block: RawStep[], parent: string | null, endTarget: string | null) => {
    const ids = new Set(block.map((s) => s.id));
    const target = (next: string): string | null => {
      if (next === END) return endTarget;
      if (next === UNWIND) {
        needsUnwind = true;
        return UNWIND_ID;
      }
      return ids.has(next) ? next : null;
    };
    const placed: RawStep[] = [];
    for (const step of block) {
      if (seen.has(step.id)) continue;
      seen.add(step.id);
      placed.push(step);
      const base = {
        id: step.id,
        parent,
        stepId: step.id,
        kind: step.kind,
        name: typeof step.name === 'string' ? step.name : null,
        detail: stepDetail(step),
        compensate: typeof step.compensate === 'string' ? step.compensate : null,
      };
      if (CONTAINER_KINDS.has(step.kind)) {
        nodes.push({ ...base, type: 'container' });
        const blocks = childBlocks(step);
        if (step.kind === 'parallel') {
          for (const child of blocks) {
            nodes.push({ id: child.key, type: 'lane', parent: step.id, label: child.label });
            addBlock(child.steps, child.key, null);
          }
        } else {
          for (const child of blocks) addBlock(child.steps, step.id, null);
        }
      } else {
        nodes.push({ ...base, type: 'step' });
      }
    }
    placed.forEach((step) => {
      const index = block.indexOf(step);
      const following = block[index + 1]?.id ?? null;
      if (step.kind === 'branch') {
        for (const branch of Array.isArray(step.branches) ? step.branches : []) {
          if (!isRecord(branch) || typeof branch.next !== 'string') continue;
          const to = target(branch.next);
          if (to) addEdge(step.id, to, 'branch', text(branch.when) ?? '?');
        }
        if (typeof step.default === 'string') {
          const to = target(step.default);
          if (to) addEdge(step.id, to, 'default', 'default');
        }
      } else {
        const next = typeof step.next === 'string' ? step.next : (following ?? END);
        const to = target(next);
        if (to) addEdge(step.id, to, 'next', null);
      }
      for (const route of Array.isArray(step.onError) ? step.onError : []) {
        if (!isRecord(route) || typeof route.next !== 'string') continue;
        const to = target(route.next);
        if (to) addEdge(step.id, to, 'error', text(route.code) ?? '*');
      }
    });
  };

  const root = steps(def.steps);
  nodes.push({ id: START_ID, type: 'terminal', parent: null, role: 'start', label: 'Start' });
  if (root[0]) addEdge(START_ID, root[0].id, 'next', null);
  addBlock(root, null, END_ID);
  nodes.push({ id: END_ID, type: 'terminal', parent: null, role: 'end', label: 'End' });
  const compensations = steps(def.compensations);
  if (compensations.length > 0) {
    nodes.push({ id: '__compensations', type: 'lane', parent: null, label: 'compensations (run only while unwinding)' });
    addBlock(compensations, '__compensations', null);
  }
  if (needsUnwind) nodes.push({ id: UNWIND_ID, type: 'terminal', parent: null, role: 'unwind', label: 'Unwind' });

  return { key: text(def.workflow) ?? '', name: text(def.name) ?? '', nodes, edges };
}

/** Every step id with its kind, nested steps included: e.g. to know whether a step may be skipped. */
export function stepKinds(definition: unknown): Map<string, string> {
  const kinds = new Map<string, string>();
  for (const node of workflowGraph(definition).nodes) if (node.type === 'step' || node.type === 'container') kinds.set(node.stepId, node.kind);
  return kinds;
}
