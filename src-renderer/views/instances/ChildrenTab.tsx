import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { InstanceSummary } from '@shared/contract/engine';
import { formatTime } from '../../ui/format';
import { instancePath } from './paths';
import { StatusBadge } from './StatusBadge';

/** Sub-workflow instances this instance started (call steps). */
export function ChildrenTab({ children }: { children: readonly InstanceSummary[] }) {
  if (children.length === 0)
    return (
      <Text size="sm" c="dimmed">
        This instance started no sub-workflow.
      </Text>
    );
  return (
    <Table verticalSpacing={5} aria-label="Sub-workflow instances">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={110}>Status</Table.Th>
          <Table.Th>Workflow</Table.Th>
          <Table.Th>Instance</Table.Th>
          <Table.Th w={160}>Started</Table.Th>
          <Table.Th w={160}>Updated</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {children.map((child) => (
          <Table.Tr key={child.id}>
            <Table.Td>
              <StatusBadge status={child.status} />
            </Table.Td>
            <Table.Td>
              {child.workflowKey}{' '}
              <Text span size="xs" c="dimmed">
                v{child.workflowVersion}
              </Text>
            </Table.Td>
            <Table.Td>
              <Anchor component={Link} to={instancePath(child.id)} size="xs" ff="monospace">
                {child.id}
              </Anchor>
            </Table.Td>
            <Table.Td className="tabular">{formatTime(child.startedAt)}</Table.Td>
            <Table.Td className="tabular">{formatTime(child.updatedAt)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
