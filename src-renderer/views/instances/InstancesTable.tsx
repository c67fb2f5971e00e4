import { Anchor, Table, Text } from '@mantine/core';
import type { InstanceSummary } from '@shared/contract/engine';
import { formatTime } from '../../ui/format';
import { VirtualTable } from '../../ui/VirtualTable';
import { describeActor } from '@shared/domain/audit';
import { StatusBadge } from './StatusBadge';

/** Instances, thousands of them smoothly (the rows are virtualized); j/k move the selection, Enter opens it. */
export function InstancesTable({ instances, onOpen }: { instances: readonly InstanceSummary[]; onOpen: (instance: InstanceSummary) => void }) {
  return (
    <VirtualTable
      items={instances}
      label="Instances"
      columns={7}
      rowHeight={34}
      boxHeight={{ maxHeight: 'max(320px, calc(100dvh - 330px))' }}
      testId="instances-scroller"
      rowKey={(instance) => instance.id}
      rowData={(instance) => ({ 'data-instance-id': instance.id })}
      onOpen={onOpen}
      header={
        <>
          <Table.Th w={110}>Status</Table.Th>
          <Table.Th>Workflow</Table.Th>
          <Table.Th>Business key</Table.Th>
          <Table.Th w={140}>Started by</Table.Th>
          <Table.Th w={160}>Started</Table.Th>
          <Table.Th w={160}>Updated</Table.Th>
          <Table.Th w={130}>Id</Table.Th>
        </>
      }
      cells={(instance) => (
        <>
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
        </>
      )}
    />
  );
}
