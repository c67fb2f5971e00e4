import { Badge, Table, Text } from '@mantine/core';
import type { AuditEvent } from '@shared/domain/audit';
import { formatTime } from '../../ui/format';
import { HEADER_HEIGHT } from '../../ui/layout';
import { describeActor, describeSubject, OUTCOME_COLOR } from './describe';

/** Audit events, newest first, as the core returns them. */
export function AuditTable({ events }: { events: readonly AuditEvent[] }) {
  return (
    <Table striped highlightOnHover withTableBorder stickyHeader stickyHeaderOffset={HEADER_HEIGHT} aria-label="Audit events">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={70}>Seq</Table.Th>
          <Table.Th w={160}>Time</Table.Th>
          <Table.Th>Actor</Table.Th>
          <Table.Th>Action</Table.Th>
          <Table.Th>Subject</Table.Th>
          <Table.Th w={90}>Outcome</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {events.map((event) => (
          <Table.Tr key={event.seq}>
            <Table.Td className="tabular">{event.seq}</Table.Td>
            <Table.Td className="tabular">{formatTime(event.at)}</Table.Td>
            <Table.Td>{describeActor(event.actor)}</Table.Td>
            <Table.Td>
              <Text span size="xs" ff="monospace">
                {event.action}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text span size="xs" c="dimmed" className="mono">
                {describeSubject(event.subject)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={OUTCOME_COLOR[event.outcome]}>
                {event.outcome}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
