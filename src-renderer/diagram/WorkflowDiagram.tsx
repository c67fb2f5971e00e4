import '@xyflow/react/dist/style.css';
import './diagram.css';
import { useEffect, useMemo, useState } from 'react';
import { useElementSize } from '@mantine/hooks';
import { Alert, Center, Group, Loader, Paper, Text, useComputedColorScheme } from '@mantine/core';
import { Controls, MarkerType, ReactFlow, useReactFlow, type EdgeTypes, type NodeTypes } from '@xyflow/react';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { InstanceStatus } from '@shared/contract/engine';
import { ContainerNode } from './ContainerNode';
import { DiagramLegend } from './DiagramLegend';
import { ElkEdge } from './ElkEdge';
import { LaneNode } from './LaneNode';
import type { DiagramEdge, DiagramNode, WorkflowLayout } from './layout';
import { cachedLayout } from './layout-cache';
import { STATE_STYLE, type StepRun } from './step-states';
import { StepNode } from './StepNode';
import { TerminalNode } from './TerminalNode';
import { openingView, READABLE_ZOOM, type OpeningView } from './viewport';
import { END_ID, START_ID, UNWIND_ID } from './workflow-graph';

const nodeTypes: NodeTypes = { step: StepNode, container: ContainerNode, lane: LaneNode, terminal: TerminalNode };
const edgeTypes: EdgeTypes = { elk: ElkEdge };

/** Arrowheads need a concrete colour (the marker is shared by id); these match the edges' CSS. */
const EDGE_COLOR = { light: { plain: '#868e96', error: '#e03131' }, dark: { plain: '#8c8fa3', error: '#ff6b6b' } } as const;

/** Above this many nodes only what is on screen is rendered. */
const MANY_NODES = 150;

export interface WorkflowDiagramProps {
  /** The definition JSON, as `workflows.get` or `instances.get` return it. */
  definition: unknown;
  /** A stable identity of the definition (its content hash) so its layout is computed once. */
  cacheKey?: string;
  /** Per step id, its latest run: colours the nodes and shows the legend. */
  stepStates?: Readonly<Record<string, StepRun>>;
  /** The instance's status, to mark End (completed) or Unwind (failed, cancelled) as reached. */
  status?: InstanceStatus;
  /** Tallest the diagram may grow (px); it is as tall as the layout needs up to this. */
  maxHeight?: number;
  label?: string;
}

function useLayout(definition: unknown, cacheKey?: string): { layout: WorkflowLayout | null; error: Error | null } {
  const [state, setState] = useState<{ key: string | undefined; layout: WorkflowLayout | null; error: Error | null }>({
    key: undefined,
    layout: null,
    error: null,
  });
  const key = cacheKey ?? JSON.stringify(definition);
  useEffect(() => {
    let live = true;
    cachedLayout(definition, key).then(
      (layout) => live && setState({ key, layout, error: null }),
      (error: unknown) => live && setState({ key, layout: null, error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
    // The key stands for the definition: a new object with the same content is no change.
  }, [key]);
  return state.key === key ? state : { layout: null, error: null };
}

function describeRun(run: StepRun | null | undefined): string {
  if (!run) return 'not run';
  return `${STATE_STYLE[run.state].label.toLowerCase()}${run.runs > 1 ? `, ran ${run.runs} times` : ''}`;
}

/** Keeps the opening view when the box is resized (a wider window, the navigation collapsing). */
function KeepView({ view }: { view: OpeningView }) {
  const flow = useReactFlow();
  useEffect(() => {
    void flow.setViewport({ x: view.x, y: view.y, zoom: view.zoom });
  }, [flow, view.x, view.y, view.zoom]);
  return null;
}

/** Lays the states of one instance over the (cached, state-free) layout. */
function overlay(layout: WorkflowLayout, stepStates: Readonly<Record<string, StepRun>> | undefined, status: InstanceStatus | undefined): DiagramNode[] {
  if (!stepStates) return layout.nodes;
  const started = Object.keys(stepStates).length > 0;
  return layout.nodes.map((node): DiagramNode => {
    switch (node.type) {
      case 'step':
      case 'container': {
        const run = stepStates[node.data.stepId] ?? null;
        return {
          ...node,
          data: { ...node.data, run, overlay: true },
          ariaLabel: `Step ${node.data.stepId}, ${node.data.kind}, ${describeRun(run)}`,
        } as DiagramNode;
      }
      case 'terminal': {
        const reached =
          (node.id === START_ID && started) ||
          (node.id === END_ID && status === 'completed') ||
          (node.id === UNWIND_ID && (status === 'failed' || status === 'cancelled'));
        return { ...node, data: { ...node.data, reached } } as DiagramNode;
      }
      default:
        return node;
    }
  });
}

/**
 * A workflow drawn from its definition: read-only, fitted to its box, keyboard-focusable
 * (the frame and every step). Given `stepStates`, each step is coloured by its latest run
 * and a legend explains the colours.
 */
export function WorkflowDiagram({ definition, cacheKey, stepStates, status, maxHeight = 640, label }: WorkflowDiagramProps) {
  const { layout, error } = useLayout(definition, cacheKey);
  const scheme = useComputedColorScheme('light');
  const nodes = useMemo(() => (layout ? overlay(layout, stepStates, status) : []), [layout, stepStates, status]);
  const edges = useMemo<DiagramEdge[]>(() => {
    if (!layout) return [];
    const colors = EDGE_COLOR[scheme];
    return layout.edges.map((edge) => ({
      ...edge,
      markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14, color: edge.data?.kind === 'error' ? colors.error : colors.plain },
    }));
  }, [layout, scheme]);

  const name = label ?? `Diagram of workflow ${layout?.key ?? ''}`.trim();
  const { ref: box, width } = useElementSize();
  const view = useMemo(() => (layout && width > 0 ? openingView(layout, width, maxHeight) : null), [layout, width, maxHeight]);
  const height = view?.height ?? 240;

  return (
    <Paper withBorder radius="sm" className="cl-diagram" data-testid="workflow-diagram" ref={box}>
      {error ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} m="sm" title="The diagram could not be drawn">
          <Text size="sm">{error.message}</Text>
        </Alert>
      ) : !layout || !view ? (
        <Center h={height}>
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="xs" c="dimmed">
              Laying out the diagram…
            </Text>
          </Group>
        </Center>
      ) : (
        <div style={{ height }} role="group" aria-label={name} tabIndex={0} className="cl-diagram__canvas" data-ready="true">
          <ReactFlow<DiagramNode, DiagramEdge>
            key={cacheKey ?? layout.key}
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            colorMode={scheme}
            defaultViewport={{ x: view.x, y: view.y, zoom: view.zoom }}
            fitViewOptions={{ padding: 0.06, maxZoom: 1 }}
            minZoom={Math.min(0.15, READABLE_ZOOM)}
            maxZoom={1.75}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={false}
            edgesFocusable={false}
            zoomOnScroll={false}
            zoomOnDoubleClick={false}
            panOnScroll={false}
            preventScrolling={false}
            onlyRenderVisibleElements={layout.nodes.length > MANY_NODES}
            proOptions={{ hideAttribution: true }}
          >
            <KeepView view={view} />
            <Controls showInteractive={false} position="top-right" orientation="horizontal" />
          </ReactFlow>
        </div>
      )}
      {stepStates && <DiagramLegend />}
    </Paper>
  );
}
