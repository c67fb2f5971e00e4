import { Badge, Group, Stack, Text } from '@mantine/core';
import type { TaskDetail } from '@shared/contract/work';
import { LEVEL_LOOK } from './approval-words';

/**
 * The levels in order, each with its state, the roles that decide it, how many distinct
 * approvers it needs, and who has approved it in the current round.
 */
export function ApprovalLevels({ approval }: { approval: NonNullable<TaskDetail['approval']> }) {
  const live = approval.decisions.filter((d) => !d.voided);
  return (
    <ol aria-label="Approval levels" style={{ margin: 0, paddingLeft: 20 }}>
      {approval.levels.map((level, i) => {
        const approvers = live.filter((d) => d.level === level.name && d.decision === 'approved').map((d) => d.by);
        const look = LEVEL_LOOK[level.state];
        return (
          <li key={`${i}-${level.name}`} data-level={level.name} data-state={level.state} style={{ padding: '4px 0' }}>
            <Stack gap={0}>
              <Group gap={8}>
                <Text span size="sm" fw={600}>
                  {level.name}
                </Text>
                <Badge size="sm" variant={level.state === 'current' ? 'filled' : 'light'} color={look.color}>
                  {look.label}
                </Badge>
                <Text span size="xs" c="dimmed">
                  {approvers.length} of {level.approvers} approver{level.approvers === 1 ? '' : 's'}
                </Text>
              </Group>
              <Text size="xs" c="dimmed">
                Decided by {level.roles.join(' or ')}
                {approvers.length > 0 ? ` · approved by ${approvers.join(', ')}` : ''}
              </Text>
            </Stack>
          </li>
        );
      })}
    </ol>
  );
}
