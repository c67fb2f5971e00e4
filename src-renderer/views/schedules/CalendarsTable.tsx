import { useRef } from 'react';
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import type { CalendarSummary } from '@shared/contract/schedules';
import { formatTime } from '../../ui/format';
import { HEADER_HEIGHT } from '../../ui/layout';
import { openOnRowClick, scrollRowIntoView, useListKeyboard } from '../../ui/use-list-keyboard';
import { calendarPath } from './paths';
import { describeWeekend } from './weekdays';

/** The site's business calendars, one row each; j/k and Enter open one. */
export function CalendarsTable({ calendars, onOpen }: { calendars: readonly CalendarSummary[]; onOpen: (calendar: CalendarSummary) => void }) {
  const table = useRef<HTMLTableElement>(null);
  const keys = useListKeyboard({
    count: calendars.length,
    onOpen: (i) => calendars[i] && onOpen(calendars[i]),
    onMove: (i) => scrollRowIntoView(table.current, i),
  });
  return (
    <Table ref={table} striped highlightOnHover withTableBorder stickyHeader stickyHeaderOffset={HEADER_HEIGHT} aria-label="Calendars">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Zone</Table.Th>
          <Table.Th>Weekend</Table.Th>
          <Table.Th ta="right">Holidays</Table.Th>
          <Table.Th>Range</Table.Th>
          <Table.Th>Members</Table.Th>
          <Table.Th>Updated</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {calendars.map((c, i) => {
          const selection = keys.rowProps(i);
          return (
            <Table.Tr
              key={c.name}
              data-row
              {...selection}
              style={{ cursor: 'pointer', ...selection.style }}
              onClick={openOnRowClick(() => {
                keys.select(i);
                onOpen(c);
              })}
            >
              <Table.Td>
                <Anchor href={`#${calendarPath(c.name)}`} size="sm" fw={600}>
                  {c.name}
                </Anchor>
                {c.description && (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {c.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{c.zone}</Table.Td>
              <Table.Td>{describeWeekend(c.weekend)}</Table.Td>
              <Table.Td ta="right" className="tabular">
                {c.holidayCount}
              </Table.Td>
              <Table.Td className="tabular" style={{ whiteSpace: 'nowrap' }}>
                {c.firstHoliday ? `${c.firstHoliday} – ${c.lastHoliday}` : '—'}
              </Table.Td>
              <Table.Td>
                {c.members.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                ) : (
                  <Group gap={4}>
                    {c.members.map((m) => (
                      <Badge key={m} variant="light" color="gray" size="sm">
                        {m}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Table.Td>
              <Table.Td className="tabular">
                <Text size="sm">{formatTime(c.updatedAt)}</Text>
                <Text size="xs" c="dimmed">
                  by {c.updatedBy}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
