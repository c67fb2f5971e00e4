import { useEffect, useRef } from 'react';
import { Anchor, Badge, Checkbox, Group, Loader, Table, Text, VisuallyHidden } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TaskSummary } from '@shared/contract/work';
import { formatTime } from '../../ui/format';
import { openOnRowClick, useListKeyboard } from '../../ui/use-list-keyboard';
import { formatAge, useNow } from '../../ui/use-now';
import { SlaCountdown } from './SlaCountdown';
import { KindBadge, TaskStatusBadge } from './TaskBadges';
import { useLetterKeys } from './use-letter-keys';

const ROW_HEIGHT = 37;
/** The next page is asked for when the last rendered row is this close to the end of what is loaded. */
const PREFETCH_ROWS = 60;
const COLUMNS = 9;

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
  const scroller = useRef<HTMLDivElement>(null);
  const now = useNow(60_000);
  // The sticky header sits above the rows inside the scrolling box: the virtualizer counts it in.
  const { ref: head, height: headHeight } = useElementSize<HTMLTableSectionElement>();
  const virtualizer = useVirtualizer({
    count: tasks.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    paddingStart: headHeight,
    scrollPaddingStart: headHeight,
  });
  const keys = useListKeyboard({
    count: tasks.length,
    onOpen: (i) => tasks[i] && onOpen(tasks[i]),
    onMove: (i) => virtualizer.scrollToIndex(i, { align: 'auto' }),
  });
  const current = keys.selected >= 0 ? tasks[keys.selected] : undefined;
  useLetterKeys({
    c: () => current && onClaim(current),
    x: () => current && onToggle(current),
  });

  const rows = virtualizer.getVirtualItems();
  const lastIndex = rows.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= tasks.length - PREFETCH_ROWS) loadMore();
  }, [hasMore, loadingMore, lastIndex, tasks.length, loadMore]);

  const before = (rows[0]?.start ?? headHeight) - headHeight;
  const after = virtualizer.getTotalSize() - (rows.at(-1)?.end ?? 0);

  return (
    <div
      ref={scroller}
      style={{
        height: 'max(320px, calc(100dvh - 300px))',
        overflow: 'auto',
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-sm)',
      }}
      data-testid="queue-scroller"
    >
      <Table striped highlightOnHover stickyHeader aria-label="Tasks" aria-rowcount={hasMore ? -1 : tasks.length + 1} style={{ tableLayout: 'fixed' }}>
        <Table.Thead ref={head}>
          <Table.Tr>
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
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {before > 0 && (
            <tr aria-hidden>
              <td colSpan={COLUMNS} style={{ height: before, padding: 0, border: 0 }} />
            </tr>
          )}
          {rows.map((row) => {
            const task = tasks[row.index] as TaskSummary;
            const selection = keys.rowProps(row.index);
            const label = `${task.title}${task.businessKey ? ` ${task.businessKey}` : ''}`;
            return (
              <Table.Tr
                key={task.id}
                data-row
                data-index={row.index}
                data-task-id={task.id}
                aria-rowindex={row.index + 2}
                {...selection}
                style={{ height: ROW_HEIGHT, cursor: 'pointer', ...selection.style }}
                onClick={openOnRowClick(() => {
                  keys.select(row.index);
                  onOpen(task);
                })}
              >
                <Table.Td>
                  <Checkbox size="xs" aria-label={`Select ${label}`} checked={checked.has(task.id)} onChange={() => onToggle(task)} />
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
              </Table.Tr>
            );
          })}
          {after > 0 && (
            <tr aria-hidden>
              <td colSpan={COLUMNS} style={{ height: after, padding: 0, border: 0 }} />
            </tr>
          )}
          {hasMore && (
            <tr>
              <td colSpan={COLUMNS} style={{ padding: 8, textAlign: 'center' }}>
                <Loader size="xs" aria-label="Loading more tasks" />
              </td>
            </tr>
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}
