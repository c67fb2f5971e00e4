import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode, ElkPoint } from 'elkjs/lib/elk-api';
import type { Edge, Node } from '@xyflow/react';
import { workflowGraph, type EdgeKind, type GraphNode } from './workflow-graph';

/**
 * Places a workflow's graph with ELK's layered algorithm, top to bottom, containers laid out
 * together with their contents (compound layout), edges routed orthogonally around the
 * steps, and returns React Flow nodes and edges. Free of React at run time (only types), so
 * it is unit-tested under Node; the component memoizes it (see layout-cache.ts).
 */

export const STEP_WIDTH = 208;
export const STEP_HEIGHT = 46;
export const TERMINAL_WIDTH = 72;
export const TERMINAL_HEIGHT = 26;
/** Room for a container's title bar and a lane's caption (their padding in ELK). */
export const CONTAINER_HEADER = 38;
export const LANE_HEADER = 22;
const LABEL_HEIGHT = 18;
/** Edge labels are set in an 11 px monospace face: about 6.7 px a character. */
const LABEL_CHAR = 6.7;
const LABEL_PAD = 12;
/** Longer conditions are cut in the drawing (the full text is in the label's tooltip). */
export const LABEL_MAX_CHARS = 36;

export type StepNodeData = Extract<GraphNode, { type: 'step' | 'container' }> & { [key: string]: unknown };
export type LaneNodeData = Extract<GraphNode, { type: 'lane' }> & { [key: string]: unknown };
export type TerminalNodeData = Extract<GraphNode, { type: 'terminal' }> & { [key: string]: unknown };
export type DiagramNode = Node<StepNodeData, 'step'> | Node<StepNodeData, 'container'> | Node<LaneNodeData, 'lane'> | Node<TerminalNodeData, 'terminal'>;

export interface DiagramEdgeData {
  kind: EdgeKind;
  label: string | null;
  /** The label as drawn (cut to LABEL_MAX_CHARS). */
  shortLabel: string | null;
  /** The route ELK chose, in absolute flow coordinates: start, bends, end. */
  points: ElkPoint[];
  /** Top-left corner and size of the label ELK placed, absolute. */
  labelBox: { x: number; y: number; width: number; height: number } | null;
  [key: string]: unknown;
}
export type DiagramEdge = Edge<DiagramEdgeData, 'elk'>;

export interface WorkflowLayout {
  key: string;
  name: string;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  width: number;
  height: number;
}

const ROOT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
  'elk.padding': '[top=12,left=12,bottom=12,right=12]',
  'elk.spacing.nodeNode': '28',
  'elk.spacing.edgeNode': '14',
  'elk.spacing.edgeEdge': '10',
  'elk.spacing.edgeLabel': '4',
  'elk.spacing.componentComponent': '48',
  'elk.layered.spacing.nodeNodeBetweenLayers': '34',
  'elk.layered.spacing.edgeNodeBetweenLayers': '12',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '8',
  'elk.edgeLabels.inline': 'true',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
};

/** Big definitions get a cheaper crossing minimisation so that laying them out stays quick. */
const LARGE = 300;

const PADDING: Record<'container' | 'lane', string> = {
  container: `[top=${CONTAINER_HEADER},left=14,bottom=14,right=14]`,
  lane: `[top=${LANE_HEADER},left=10,bottom=10,right=10]`,
};

function shorten(label: string): string {
  const oneLine = label.replace(/\s+/g, ' ').trim();
  return oneLine.length > LABEL_MAX_CHARS ? `${oneLine.slice(0, LABEL_MAX_CHARS - 1)}…` : oneLine;
}

let elk: InstanceType<typeof ELK> | null = null;

/** The layout of a workflow definition (as `workflows.get` or `instances.get` return it). */
export async function layoutWorkflow(definition: unknown): Promise<WorkflowLayout> {
  const graph = workflowGraph(definition);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const elkNodes = new Map<string, ElkNode>();
  const root: ElkNode = {
    id: '__root',
    layoutOptions: graph.nodes.length > LARGE ? { ...ROOT_OPTIONS, 'elk.layered.thoroughness': '1' } : ROOT_OPTIONS,
    children: [],
    edges: [],
  };

  for (const node of graph.nodes) {
    const elkNode: ElkNode = { id: node.id };
    if (node.type === 'step') Object.assign(elkNode, { width: STEP_WIDTH, height: STEP_HEIGHT });
    else if (node.type === 'terminal')
      // Start opens the drawing; End and Unwind close it, wherever the edges into them come from.
      Object.assign(elkNode, {
        width: TERMINAL_WIDTH,
        height: TERMINAL_HEIGHT,
        layoutOptions: { 'elk.layered.layering.layerConstraint': node.role === 'start' ? 'FIRST' : 'LAST' },
      });
    else elkNode.layoutOptions = { 'elk.padding': PADDING[node.type], 'elk.nodeSize.minimum': `(${STEP_WIDTH + 28},${STEP_HEIGHT})` };
    if (node.type !== 'step' && node.type !== 'terminal') elkNode.children = [];
    elkNodes.set(node.id, elkNode);
    const parent = node.parent ? elkNodes.get(node.parent) : root;
    (parent ?? root).children?.push(elkNode);
  }

  /** The chain of containers above a node, nearest first, ending with the root. */
  const ancestors = (id: string): string[] => {
    const chain: string[] = [];
    for (let p = byId.get(id)?.parent ?? null; p; p = byId.get(p)?.parent ?? null) chain.push(p);
    return [...chain, '__root'];
  };

  for (const edge of graph.edges) {
    const shortLabel = edge.label === null ? null : shorten(edge.label);
    const elkEdge: ElkExtendedEdge = {
      id: edge.id,
      sources: [edge.source],
      targets: [edge.target],
      ...(shortLabel
        ? { labels: [{ id: `${edge.id}#label`, text: shortLabel, width: Math.ceil(shortLabel.length * LABEL_CHAR + LABEL_PAD), height: LABEL_HEIGHT }] }
        : {}),
    };
    // ELK wants each edge in the lowest container holding both ends.
    const up = new Set(ancestors(edge.source));
    const common = ancestors(edge.target).find((a) => up.has(a)) ?? '__root';
    const container = common === '__root' ? root : (elkNodes.get(common) ?? root);
    (container.edges ??= []).push(elkEdge);
  }

  elk ??= new ELK();
  const laidOut = await elk.layout(root);

  const placed = new Map<string, ElkNode>();
  const edgesOut: ElkExtendedEdge[] = [];
  const walk = (node: ElkNode) => {
    placed.set(node.id, node);
    for (const edge of node.edges ?? []) edgesOut.push(edge);
    for (const child of node.children ?? []) walk(child);
  };
  walk(laidOut);

  const nodes: DiagramNode[] = graph.nodes.map((node) => {
    const box = placed.get(node.id);
    const parentBox = node.parent ? placed.get(node.parent) : undefined;
    const x = (box?.x ?? 0) - (parentBox?.x ?? 0);
    const y = (box?.y ?? 0) - (parentBox?.y ?? 0);
    const common = {
      id: node.id,
      position: { x, y },
      width: box?.width ?? STEP_WIDTH,
      height: box?.height ?? STEP_HEIGHT,
      draggable: false,
      connectable: false,
      deletable: false,
      ...(node.parent ? { parentId: node.parent } : {}),
    };
    switch (node.type) {
      case 'step':
        return { ...common, type: 'step', data: { ...node }, ariaLabel: `Step ${node.stepId}, ${node.kind}` };
      case 'container':
        return { ...common, type: 'container', data: { ...node }, ariaLabel: `Step ${node.stepId}, ${node.kind}`, selectable: true };
      case 'lane':
        return { ...common, type: 'lane', data: { ...node }, selectable: false, focusable: false };
      case 'terminal':
        return { ...common, type: 'terminal', data: { ...node }, ariaLabel: node.label };
    }
  });

  const byEdgeId = new Map(edgesOut.map((e) => [e.id, e]));
  const edges: DiagramEdge[] = graph.edges.map((edge) => {
    const laid = byEdgeId.get(edge.id);
    const points: ElkPoint[] = [];
    for (const section of laid?.sections ?? []) points.push(section.startPoint, ...(section.bendPoints ?? []), section.endPoint);
    const label = laid?.labels?.[0];
    return {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      type: 'elk',
      focusable: false,
      selectable: false,
      data: {
        kind: edge.kind,
        label: edge.label,
        shortLabel: edge.label === null ? null : shorten(edge.label),
        points,
        labelBox: label ? { x: label.x ?? 0, y: label.y ?? 0, width: label.width ?? 0, height: label.height ?? LABEL_HEIGHT } : null,
      },
    };
  });

  return { key: graph.key, name: graph.name, nodes, edges, width: laidOut.width ?? 0, height: laidOut.height ?? 0 };
}
