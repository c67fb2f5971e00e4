import { useRef } from 'react';
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Link } from 'react-router';
import type { AuditEvent } from '@shared/domain/audit';
import { formatTime } from '../../ui/format';
import { openOnRowClick, useListKeyboard } from '../../ui/use-list-keyboard';
import { describeActor, describeSubject, OUTCOME_COLOR } from './describe';
import { eventPath } from './paths';

const ROW_HEIGHT = 34;
const COLUMNS = 6;

/**
 * Audit events, newest first, in a scrolling box whose rows are virtualized: a search may
 * load thousands. j/k move the selection, Enter (or a click) opens the event.
 */
export function AuditTable({ events, onOpen }: { events: readonly AuditEvent[]; onOpen: (event: AuditEvent) => void }) {
  const scroller = useRef<HTMLDivElement>(null);
  // The sticky header sits above the rows inside the scrolling box: the virtualizer counts it in.
  const { ref: head, height: headHeight } = useElementSize<HTMLTableSectionElement>();
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    paddingStart: headHeight,
    scrollPaddingStart: headHeight,
  });
  const keys = useListKeyboard({
    count: events.length,
    onOpen: (i) => events[i] && onOpen(events[i]),
    onMove: (i) => virtualizer.scrollToIndex(i, { align: 'auto' }),
  });
  const rows = virtualizer.getVirtualItems();
  const before = (rows[0]?.start ?? headHeight) - headHeight;
  const after = virtualizer.getTotalSize() - (rows.at(-1)?.end ?? 0);

  return (
    <div
      ref={scroller}
      style={{
        maxHeight: 'max(320px, calc(100dvh - 380px))',
        overflow: 'auto',
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-sm)',
      }}
    >
      <Table striped highlightOnHover stickyHeader aria-label="Audit events" aria-rowcount={events.length + 1} style={{ tableLayout: 'fixed' }}>
        <Table.Thead ref={head}>
          <Table.Tr>
            <Table.Th w={80}>Seq</Table.Th>
            <Table.Th w={160}>Time</Table.Th>
            <Table.Th w={170}>Actor</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Subject</Table.Th>
            <Table.Th w={95}>Outcome</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {before > 0 && (
            <tr aria-hidden>
              <td colSpan={COLUMNS} style={{ height: before, padding: 0, border: 0 }} />
            </tr>
          )}
          {rows.map((row) => {
            const event = events[row.index] as AuditEvent;
            const selection = keys.rowProps(row.index);
            return (
              <Table.Tr
                key={event.seq}
                data-row
                data-index={row.index}
                data-seq={event.seq}
                ref={virtualizer.measureElement}
                aria-rowindex={row.index + 2}
                {...selection}
                style={{ height: ROW_HEIGHT, cursor: 'pointer', ...selection.style }}
                onClick={openOnRowClick(() => {
                  keys.select(row.index);
                  onOpen(event);
                })}
              >
                <Table.Td className="tabular">
                  <Anchor component={Link} to={eventPath(event.seq)} size="sm">
                    #{event.seq}
                  </Anchor>
                </Table.Td>
                <Table.Td className="tabular">{formatTime(event.at)}</Table.Td>
                <Table.Td>
                  <Text span size="sm" truncate display="block">
                    {describeActor(event.actor)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text span size="xs" ff="monospace" truncate display="block">
                    {event.action}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text span size="xs" c="dimmed" ff="monospace" truncate display="block" title={describeSubject(event.subject)}>
                    {describeSubject(event.subject)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={OUTCOME_COLOR[event.outcome]}>
                    {event.outcome}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            );
          })}
          {after > 0 && (
            <tr aria-hidden>
              <td colSpan={COLUMNS} style={{ height: after, padding: 0, border: 0 }} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}
