import { Badge } from '@mantine/core';
import type { TaskSummary } from '@shared/contract/work';

const LOOK: Record<TaskSummary['kind'], { color: string; label: string }> = {
  task: { color: 'blue', label: 'task' },
  approval: { color: 'violet', label: 'approval' },
  rework: { color: 'orange', label: 'rework' },
};

export function KindBadge({ kind }: { kind: TaskSummary['kind'] }) {
  return (
    <Badge size="xs" variant="light" color={LOOK[kind].color} style={{ flexShrink: 0 }}>
      {LOOK[kind].label}
    </Badge>
  );
}

const STATUS_COLOR: Record<TaskSummary['status'], string> = { open: 'blue', claimed: 'yellow', completed: 'teal', cancelled: 'gray' };

export function TaskStatusBadge({ status, size = 'sm' }: { status: TaskSummary['status']; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <Badge size={size} variant="light" color={STATUS_COLOR[status]} data-task-status={status}>
      {status}
    </Badge>
  );
}
