import { Table, Text } from '@mantine/core';
import type { FireTime } from '@shared/contract/schedules';
import { formatLocalMinute } from './time';
import { weekdayOf } from './weekdays';

/**
 * Fire times: the date and time in the schedule's zone, the same instant in the viewer's
 * time, and when a convention moved the date off a closed day, from where and why.
 */
export function NextFireTimes({ fires, zone, label }: { fires: readonly FireTime[]; zone: string; label: string }) {
  if (fires.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No fire time ahead.
      </Text>
    );
  }
  return (
    <Table verticalSpacing={3} horizontalSpacing={6} fz="sm" aria-label={label} className="tabular">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Date</Table.Th>
          <Table.Th>Time ({zone})</Table.Th>
          <Table.Th>Your time</Table.Th>
          <Table.Th>Note</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {fires.map((f) => (
          <Table.Tr key={f.at} data-date={f.localDate}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {weekdayOf(f.localDate)} {f.localDate}
            </Table.Td>
            <Table.Td>{f.localTime}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatLocalMinute(f.at)}</Table.Td>
            <Table.Td>
              {f.movedFrom && (
                <Text span size="xs" c="orange">
                  moved from {f.movedFrom.date} ({f.movedFrom.closed})
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
