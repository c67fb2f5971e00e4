import { useRef } from 'react';
import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { TaskSummary } from '@shared/contract/work';
import { formatTime } from '../../ui/format';
import { HEADER_HEIGHT } from '../../ui/layout';
import { openOnRowClick, scrollRowIntoView, useListKeyboard } from '../../ui/use-list-keyboard';
import { formatAge, useNow } from '../../ui/use-now';
import { approvalPath } from '../queues/paths';
import { SlaCountdown } from '../queues/SlaCountdown';

/** One row per approval level waiting for the person; a row opens the approval (click, or j/k and Enter). */
export function ApprovalsTable({ approvals, onOpen }: { approvals: readonly TaskSummary[]; onOpen: (approval: TaskSummary) => void }) {
  const table = useRef<HTMLTableElement>(null);
  const now = useNow(60_000);
  const keys = useListKeyboard({
    count: approvals.length,
    onOpen: (i) => approvals[i] && onOpen(approvals[i]),
    onMove: (i) => scrollRowIntoView(table.current, i),
  });
  return (
    <Table ref={table} striped highlightOnHover withTableBorder stickyHeader stickyHeaderOffset={HEADER_HEIGHT} aria-label="Approvals">
      <Table.Thead>
        <Table.Tr style={{ whiteSpace: 'nowrap' }}>
          <Table.Th>Item</Table.Th>
          <Table.Th>Workflow</Table.Th>
          <Table.Th>Level</Table.Th>
          <Table.Th>SLA</Table.Th>
          <Table.Th>Escalation</Table.Th>
          <Table.Th>Waiting</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {approvals.map((approval, index) => {
          const selection = keys.rowProps(index);
          return (
            <Table.Tr
              key={approval.id}
              data-row
              data-task-id={approval.id}
              {...selection}
              style={{ cursor: 'pointer', ...selection.style }}
              onClick={openOnRowClick(() => {
                keys.select(index);
                onOpen(approval);
              })}
            >
              <Table.Td>
                <Anchor href={`#${approvalPath(approval.id)}`} size="sm" fw={500} display="block">
                  {approval.businessKey ?? approval.instanceId.slice(-10)}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {approval.title}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{approval.workflowKey}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{approval.level ?? approval.step}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <SlaCountdown dueAt={approval.dueAt} />
              </Table.Td>
              <Table.Td>
                {approval.escalationLevel > 0 ? (
                  <Badge size="xs" color="red" variant="light">
                    level {approval.escalationLevel}
                  </Badge>
                ) : (
                  <Text span size="xs" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td className="tabular" title={formatTime(approval.createdAt)} style={{ whiteSpace: 'nowrap' }}>
                {formatAge(approval.createdAt, now)}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
