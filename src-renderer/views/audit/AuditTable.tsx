import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { AuditEvent } from '@shared/domain/audit';
import { formatTime } from '../../ui/format';
import { VirtualTable } from '../../ui/VirtualTable';
import { describeActor } from '@shared/domain/audit';
import { describeSubject, OUTCOME_COLOR } from './describe';
import { eventPath } from './paths';

/** Audit events, newest first: a search may load thousands. j/k move the selection, Enter (or a click) opens the event. */
export function AuditTable({ events, onOpen }: { events: readonly AuditEvent[]; onOpen: (event: AuditEvent) => void }) {
  return (
    <VirtualTable
      items={events}
      label="Audit events"
      columns={6}
      rowHeight={34}
      boxHeight={{ maxHeight: 'max(320px, calc(100dvh - 380px))' }}
      rowKey={(event) => event.seq}
      rowData={(event) => ({ 'data-seq': event.seq })}
      onOpen={onOpen}
      header={
        <>
          <Table.Th w={80}>Seq</Table.Th>
          <Table.Th w={160}>Time</Table.Th>
          <Table.Th w={170}>Actor</Table.Th>
          <Table.Th>Action</Table.Th>
          <Table.Th>Subject</Table.Th>
          <Table.Th w={95}>Outcome</Table.Th>
        </>
      }
      cells={(event) => (
        <>
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
        </>
      )}
    />
  );
}
