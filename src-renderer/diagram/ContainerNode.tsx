import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { FALLBACK_ICON, STEP_ICONS } from './step-icons';
import { nodeState, stepTitle, type OverlaidStepData } from './StepNode';

/** parallel, foreach, loop: a titled box; ELK placed the steps of its block(s) inside it. */
export const ContainerNode = memo(function ContainerNode({ data }: NodeProps<Node<OverlaidStepData, 'container'>>) {
  const Icon = STEP_ICONS[data.kind] ?? FALLBACK_ICON;
  return (
    <div className="cl-container" data-step-id={data.stepId} data-kind={data.kind} data-state={nodeState(data)}>
      <Handle type="target" position={Position.Top} isConnectable={false} className="cl-handle" />
      <div className="cl-container__header" title={stepTitle(data)}>
        <span className="cl-step__icon" aria-hidden>
          <Icon size={15} stroke={1.75} />
        </span>
        <span className="cl-step__id">{data.stepId}</span>
        <span className="cl-step__kind">
          {data.kind}
          {data.detail ? ` · ${data.detail}` : ''}
        </span>
        {data.run && data.run.runs > 1 && <span className="cl-runs">×{data.run.runs}</span>}
      </div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="cl-handle" />
    </div>
  );
});
