import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { StepNodeData } from './layout';
import { FALLBACK_ICON, STEP_ICONS } from './step-icons';
import { STATE_STYLE, type StepRun } from './step-states';

export type OverlaidStepData = StepNodeData & { run?: StepRun | null; overlay?: boolean };

/** Shown as a tooltip: everything the box may have had to cut. */
export function stepTitle(data: OverlaidStepData): string {
  const lines = [`${data.stepId} (${data.kind})`];
  if (data.name) lines.push(data.name);
  if (data.detail) lines.push(data.detail);
  if (data.compensate) lines.push(`undone by ${data.compensate} when unwinding`);
  if (data.run)
    lines.push(
      `${STATE_STYLE[data.run.state].label}${data.run.runs > 1 ? `, ran ${data.run.runs} times` : ''}${data.run.attempt > 1 ? `, attempt ${data.run.attempt}` : ''}`,
    );
  return lines.join('\n');
}

/** The state a node shows: its latest run's, "not-run" on an instance's diagram, none on a plain definition. */
export function nodeState(data: OverlaidStepData): string | undefined {
  return data.run?.state ?? (data.overlay ? 'not-run' : undefined);
}

/** A step that holds no block: icon, id, kind and what it does; coloured by its run state on an instance. */
export const StepNode = memo(function StepNode({ data }: NodeProps<Node<OverlaidStepData, 'step'>>) {
  const Icon = STEP_ICONS[data.kind] ?? FALLBACK_ICON;
  return (
    <div className="cl-step" data-step-id={data.stepId} data-kind={data.kind} data-state={nodeState(data)} title={stepTitle(data)}>
      <Handle type="target" position={Position.Top} isConnectable={false} className="cl-handle" />
      <span className="cl-step__icon" aria-hidden>
        <Icon size={16} stroke={1.75} />
      </span>
      <span className="cl-step__text">
        <span className="cl-step__id">{data.stepId}</span>
        <span className="cl-step__kind">
          {data.kind}
          {data.detail ? <span className="cl-step__detail"> · {data.detail}</span> : null}
        </span>
      </span>
      {data.run && data.run.runs > 1 && (
        <span className="cl-runs" aria-label={`ran ${data.run.runs} times`}>
          ×{data.run.runs}
        </span>
      )}
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="cl-handle" />
    </div>
  );
});
