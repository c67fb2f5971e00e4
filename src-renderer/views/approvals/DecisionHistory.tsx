import { Badge, Group, Text } from '@mantine/core';
import type { TaskDetail } from '@shared/contract/work';
import { formatTime } from '../../ui/format';
import { DECISION_LOOK } from './approval-words';

/**
 * Every decision of every round, newest first: who, at which level, with what comment and
 * on which data. Decisions voided by a later data change stay visible, struck through.
 */
export function DecisionHistory({ approval }: { approval: NonNullable<TaskDetail['approval']> }) {
  if (approval.decisions.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No decision yet{approval.round > 1 ? ' in this round' : ''}.
      </Text>
    );
  return (
    <ol aria-label="Decisions" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {[...approval.decisions].reverse().map((d, i) => {
        const look = DECISION_LOOK[d.decision];
        return (
          <li
            key={`${d.at}-${d.by}-${i}`}
            data-decision={d.decision}
            data-by={d.by}
            style={{ padding: '5px 0', borderBottom: '1px solid var(--mantine-color-default-border)', opacity: d.voided ? 0.6 : 1 }}
          >
            <Group gap={6}>
              <Text span size="sm" fw={600} td={d.voided ? 'line-through' : undefined}>
                {d.by}
              </Text>
              <Badge size="xs" variant="light" color={look.color}>
                {look.label}
              </Badge>
              <Text span size="xs">
                {d.level}
              </Text>
              {d.breakGlass && (
                <Badge size="xs" color="red" variant="filled">
                  break-glass
                </Badge>
              )}
              {d.voided && (
                <Badge size="xs" color="gray" variant="outline" title="The data changed after this decision">
                  voided
                </Badge>
              )}
              <Text span size="xs" c="dimmed" className="tabular">
                {formatTime(d.at)}
              </Text>
            </Group>
            {d.comment && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {d.comment}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              on data <span className="mono">{d.dataHash.slice(0, 16)}</span>
            </Text>
          </li>
        );
      })}
    </ol>
  );
}
