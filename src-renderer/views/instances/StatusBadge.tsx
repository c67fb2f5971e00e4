import { Badge } from '@mantine/core';
import type { InstanceStatus } from '@shared/contract/engine';
import { STATUS_COLOR } from './status';

export function StatusBadge({ status, size = 'sm' }: { status: InstanceStatus; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  return (
    <Badge variant="light" color={STATUS_COLOR[status]} size={size} data-status={status}>
      {status}
    </Badge>
  );
}
