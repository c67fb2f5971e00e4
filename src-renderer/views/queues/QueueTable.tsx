import { Anchor, Badge, Checkbox, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { TaskSummary } from '@shared/contract/work';
import { formatTime } from '../../ui/format';
import { VirtualTable } from '../../ui/VirtualTable';
import { formatAge, useNow } from '../../ui/use-now';
import { SlaCountdown } from './SlaCountdown';
import { KindBadge, TaskStatusBadge } from './TaskBadges';

/** The next page is asked for when the last rendered row is this close to the end of what is loaded. */
const PREFETCH_ROWS = 60;

export interface QueueTableProps {
  tasks: readonly TaskSummary[];
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  checked: ReadonlyMap<string, string>;
  onToggle: (task: TaskSummary) => void;
  onOpen: (task: TaskSummary) => void;
  onClaim: (task: TaskSummary) => void;
  hrefOf: (task: TaskSummary) => string;
  userName: (userId: string | null) => string;
}

/**
 * The queue as a virtualized table: only the rows in view are in the page, and the next page
 * of the cursor is fetched as the end of what is loaded comes near, so 100,000 tasks scroll
 * like 100. Keys: j/k move, Enter opens, c claims, x ticks the row for bulk actions.
 */
export function QueueTable({ tasks, hasMore, loadingMore, loadMore, checked, onToggle, onOpen, onClaim, hrefOf, userName }: QueueTableProps) {
  const now = useNow(60_000);
  return (
    <VirtualTable
      items={tasks}
      label="Tasks"
      columns={9}
      rowHeight={37}
      overscan={10}
      boxHeight={{ height: 'max(320px, calc(100dvh - 300px))' }}
      testId="queue-scroller"
      rowKey={(task) => task.id}
      rowData={(task) => ({ 'data-task-id': task.id })}
      onOpen={onOpen}
      letterKeys={{ c: onClaim, x: onToggle }}
      more={{ hasMore, loading: loadingMore, load: loadMore, prefetchRows: PREFETCH_ROWS, label: 'Loading more tasks' }}
      header={
        <>
          <Table.Th w={36}>
            <VisuallyHidden>Selected</VisuallyHidden>
          </Table.Th>
          <Table.Th>Task</Table.Th>
          <Table.Th w={180}>Business key · workflow</Table.Th>
          <Table.Th w={180}>Step · level</Table.Th>
          <Table.Th w={64} ta="right">
            Priority
          </Table.Th>
          <Table.Th w={84}>Status</Table.Th>
          <Table.Th w={130}>Assignee</Table.Th>
          <Table.Th w={170}>SLA · escalation</Table.Th>
          <Table.Th w={76}>Age</Table.Th>
        </>
      }
      cells={(task) => (
        <>
          <Table.Td>
            <Checkbox
              size="xs"
              aria-label={`Select ${task.title}${task.businessKey ? ` ${task.businessKey}` : ''}`}
              checked={checked.has(task.id)}
              onChange={() => onToggle(task)}
            />
          </Table.Td>
          <Table.Td>
            <Group gap={6} wrap="nowrap">
              <KindBadge kind={task.kind} />
              <Anchor href={`#${hrefOf(task)}`} size="sm" fw={500} truncate>
                {task.title}
              </Anchor>
            </Group>
          </Table.Td>
          <Table.Td>
            <Text size="sm" truncate title={`${task.businessKey ?? '—'} · ${task.workflowKey}`}>
              {task.businessKey ?? '—'}{' '}
              <Text span size="xs" c="dimmed">
                · {task.workflowKey}
              </Text>
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm" truncate title={task.level ?? task.step}>
              {task.level ?? <span className="mono">{task.step}</span>}
            </Text>
          </Table.Td>
          <Table.Td className="tabular" ta="right">
            {task.priority}
          </Table.Td>
          <Table.Td>
            <TaskStatusBadge status={task.status} size="xs" />
          </Table.Td>
          <Table.Td>
            <Text size="sm" truncate>
              {userName(task.assignee)}
            </Text>
          </Table.Td>
          <Table.Td>
            <Group gap={6} wrap="nowrap">
              <SlaCountdown dueAt={task.dueAt} />
              {task.escalationLevel > 0 && (
                <Badge size="xs" color="red" variant="light" title={`Escalated ${task.escalationLevel} time(s)`} style={{ flexShrink: 0 }}>
                  esc. {task.escalationLevel}
                </Badge>
              )}
            </Group>
          </Table.Td>
          <Table.Td className="tabular" title={formatTime(task.createdAt)}>
            <Text span size="sm">
              {formatAge(task.createdAt, now)}
            </Text>
          </Table.Td>
        </>
      )}
    />
  );
}
