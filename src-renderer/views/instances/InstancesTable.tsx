import { useRef } from 'react';
import { Anchor, Table, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { InstanceSummary } from '@shared/contract/engine';
import { formatTime } from '../../ui/format';
import { describeActor } from '../audit/describe';
import { StatusBadge } from './StatusBadge';
import { openOnRowClick, useListKeyboard } from '../../ui/use-list-keyboard';

const ROW_HEIGHT = 34;

/**
 * Instances in a scrolling box whose rows are virtualized (only those in view are in the
 * page), so thousands stay smooth; j/k move the selection, Enter opens it.
 */
export function InstancesTable({ instances, onOpen }: { instances: readonly InstanceSummary[]; onOpen: (instance: InstanceSummary) => void }) {
  const scroller = useRef<HTMLDivElement>(null);
  // The sticky header sits above the rows inside the scrolling box: the virtualizer counts it in.
  const { ref: head, height: headHeight } = useElementSize<HTMLTableSectionElement>();
  const virtualizer = useVirtualizer({
    count: instances.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    paddingStart: headHeight,
    // Rows scrolled to by key stay clear of the sticky header.
    scrollPaddingStart: headHeight,
  });
  const keys = useListKeyboard({
    count: instances.length,
    onOpen: (i) => instances[i] && onOpen(instances[i]),
    onMove: (i) => virtualizer.scrollToIndex(i, { align: 'auto' }),
  });
  const rows = virtualizer.getVirtualItems();
  const before = (rows[0]?.start ?? headHeight) - headHeight;
  const after = virtualizer.getTotalSize() - (rows.at(-1)?.end ?? 0);

  return (
    <div
      ref={scroller}
      style={{
        maxHeight: 'max(320px, calc(100dvh - 330px))',
        overflow: 'auto',
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-sm)',
      }}
      data-testid="instances-scroller"
    >
      <Table striped highlightOnHover stickyHeader aria-label="Instances" aria-rowcount={instances.length + 1} style={{ tableLayout: 'fixed' }}>
        <Table.Thead ref={head}>
          <Table.Tr>
            <Table.Th w={110}>Status</Table.Th>
            <Table.Th>Workflow</Table.Th>
            <Table.Th>Business key</Table.Th>
            <Table.Th w={140}>Started by</Table.Th>
            <Table.Th w={160}>Started</Table.Th>
            <Table.Th w={160}>Updated</Table.Th>
            <Table.Th w={130}>Id</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {before > 0 && (
            <tr aria-hidden>
              <td colSpan={7} style={{ height: before, padding: 0, border: 0 }} />
            </tr>
          )}
          {rows.map((row) => {
            const instance = instances[row.index] as InstanceSummary;
            const selection = keys.rowProps(row.index);
            return (
              <Table.Tr
                key={instance.id}
                data-row
                data-index={row.index}
                ref={virtualizer.measureElement}
                data-instance-id={instance.id}
                aria-rowindex={row.index + 2}
                {...selection}
                style={{ height: ROW_HEIGHT, cursor: 'pointer', ...selection.style }}
                onClick={openOnRowClick(() => {
                  keys.select(row.index);
                  onOpen(instance);
                })}
              >
                <Table.Td>
                  <StatusBadge status={instance.status} />
                </Table.Td>
                <Table.Td>
                  <Text span size="sm" fw={500}>
                    {instance.workflowKey}
                  </Text>{' '}
                  <Text span size="xs" c="dimmed">
                    v{instance.workflowVersion}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Anchor href={`#/instances/${encodeURIComponent(instance.id)}`} size="sm" truncate>
                    {instance.businessKey ?? '—'}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text span size="sm" truncate>
                    {describeActor(instance.startedBy)}
                  </Text>
                </Table.Td>
                <Table.Td className="tabular">{formatTime(instance.startedAt)}</Table.Td>
                <Table.Td className="tabular">{formatTime(instance.updatedAt)}</Table.Td>
                <Table.Td>
                  <Text span size="xs" ff="monospace" c="dimmed" title={instance.id}>
                    …{instance.id.slice(-10)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
          {after > 0 && (
            <tr aria-hidden>
              <td colSpan={7} style={{ height: after, padding: 0, border: 0 }} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}
