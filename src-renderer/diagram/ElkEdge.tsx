import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type Edge, type EdgeProps } from '@xyflow/react';
import type { ElkPoint } from 'elkjs/lib/elk-api';
import type { DiagramEdgeData } from './layout';

const CORNER = 6;

/** An orthogonal polyline through ELK's points, its corners slightly rounded. */
export function roundedPath(points: readonly ElkPoint[]): string {
  if (points.length < 2) return '';
  const [first, ...rest] = points as [ElkPoint, ...ElkPoint[]];
  let d = `M ${first.x} ${first.y}`;
  for (let i = 0; i < rest.length; i++) {
    const here = rest[i] as ElkPoint;
    const prev = (i === 0 ? first : rest[i - 1]) as ElkPoint;
    const next = rest[i + 1];
    if (!next) {
      d += ` L ${here.x} ${here.y}`;
      break;
    }
    const inLen = Math.hypot(here.x - prev.x, here.y - prev.y);
    const outLen = Math.hypot(next.x - here.x, next.y - here.y);
    const r = Math.min(CORNER, inLen / 2, outLen / 2);
    if (r < 0.5) {
      d += ` L ${here.x} ${here.y}`;
      continue;
    }
    const before = { x: here.x - ((here.x - prev.x) / inLen) * r, y: here.y - ((here.y - prev.y) / inLen) * r };
    const after = { x: here.x + ((next.x - here.x) / outLen) * r, y: here.y + ((next.y - here.y) / outLen) * r };
    d += ` L ${before.x} ${before.y} Q ${here.x} ${here.y} ${after.x} ${after.y}`;
  }
  return d;
}

/**
 * Draws the route ELK computed (React Flow's own routing would ignore the containers). Error
 * routes are dashed; branch, default and error edges carry their label on the line.
 */
export const ElkEdge = memo(function ElkEdge(props: EdgeProps<Edge<DiagramEdgeData, 'elk'>>) {
  const { data, markerEnd } = props;
  const path =
    data && data.points.length >= 2
      ? roundedPath(data.points)
      : getSmoothStepPath({
          sourceX: props.sourceX,
          sourceY: props.sourceY,
          targetX: props.targetX,
          targetY: props.targetY,
          sourcePosition: props.sourcePosition,
          targetPosition: props.targetPosition,
        })[0];
  const kind = data?.kind ?? 'next';
  return (
    <>
      <BaseEdge id={props.id} path={path} className={`cl-edge cl-edge--${kind}`} {...(markerEnd ? { markerEnd } : {})} />
      {data?.labelBox && data.shortLabel && (
        <EdgeLabelRenderer>
          <div
            className={`cl-edge-label cl-edge-label--${kind}`}
            data-edge-kind={kind}
            title={kind === 'error' ? `on error ${data.label ?? ''}` : (data.label ?? '')}
            // Above the containers' boxes (labels never overlap a step: ELK keeps them apart).
            style={{
              transform: `translate(${data.labelBox.x}px, ${data.labelBox.y}px)`,
              width: data.labelBox.width,
              height: data.labelBox.height,
              zIndex: 1000,
            }}
          >
            {data.shortLabel}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
