import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import type { LaneNodeData } from './layout';

/** One branch of a parallel step (or the compensations): a captioned frame, never focused on its own. */
export const LaneNode = memo(function LaneNode({ data }: NodeProps<Node<LaneNodeData, 'lane'>>) {
  return (
    <div className="cl-lane" data-lane={data.id}>
      <span className="cl-lane__label">{data.label}</span>
    </div>
  );
});
