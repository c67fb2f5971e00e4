import { Badge, Group } from '@mantine/core';
import type { ScheduleSummary } from '@shared/contract/schedules';

const STATUS_COLOR: Readonly<Record<ScheduleSummary['status'], string>> = { active: 'teal', paused: 'orange', ended: 'gray' };

/** A schedule's status, and a red "at risk" badge while one of its runs may miss its cut-off. */
export function ScheduleStatusBadge({ schedule, size = 'sm' }: { schedule: Pick<ScheduleSummary, 'status' | 'atRisk'>; size?: 'sm' | 'md' }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge variant="light" color={STATUS_COLOR[schedule.status]} size={size} data-status={schedule.status}>
        {schedule.status}
      </Badge>
      {schedule.atRisk && <AtRiskBadge size={size} />}
    </Group>
  );
}

export function AtRiskBadge({ size = 'sm', label = 'at risk' }: { size?: 'xs' | 'sm' | 'md'; label?: string }) {
  return (
    <Badge color="red" variant="filled" size={size} title="A run may miss its cut-off">
      {label}
    </Badge>
  );
}
