import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { TerminalNodeData } from './layout';

export type OverlaidTerminalData = TerminalNodeData & { reached?: boolean };

/** Start, End and Unwind: where an instance enters and where it leaves. */
export const TerminalNode = memo(function TerminalNode({ data }: NodeProps<Node<OverlaidTerminalData, 'terminal'>>) {
  return (
    <div className="cl-terminal" data-role={data.role} data-reached={data.reached ? 'true' : undefined}>
      {data.role !== 'start' && <Handle type="target" position={Position.Top} isConnectable={false} className="cl-handle" />}
      {data.label}
      {data.role === 'start' && <Handle type="source" position={Position.Bottom} isConnectable={false} className="cl-handle" />}
    </div>
  );
});
