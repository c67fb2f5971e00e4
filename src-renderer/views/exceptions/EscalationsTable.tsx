import { useRef } from 'react';
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import type { TaskSummary } from '@shared/contract/work';
import { HEADER_HEIGHT } from '../../ui/layout';
import { openOnRowClick, scrollRowIntoView, useListKeyboard } from '../../ui/use-list-keyboard';
import { OverdueBy } from './OverdueBy';
import { taskRoute } from './task-route';
import { useUserNames } from '../../ui/use-user-names';

function Level({ level }: { level: number }) {
  if (level === 0)
    return (
      <Badge color="orange" variant="light">
        overdue
      </Badge>
    );
  return (
    <Badge color="red" variant={level > 1 ? 'filled' : 'light'}>
      level {level}
    </Badge>
  );
}

/**
 * Overdue and escalated tasks, one row each: how far escalated, how late, who may take it
 * and who holds it. A row opens the task in Queues (click, or j/k and Enter).
 */
export function EscalationsTable({ tasks, onOpen }: { tasks: readonly TaskSummary[]; onOpen: (task: TaskSummary) => void }) {
  const table = useRef<HTMLTableElement>(null);
  const nameOf = useUserNames('unassigned');
  const keys = useListKeyboard({
    count: tasks.length,
    onOpen: (i) => tasks[i] && onOpen(tasks[i]),
    onMove: (i) => scrollRowIntoView(table.current, i),
  });
  return (
    <Table ref={table} striped highlightOnHover withTableBorder stickyHeader stickyHeaderOffset={HEADER_HEIGHT} aria-label="Escalations">
      <Table.Thead>
        <Table.Tr style={{ whiteSpace: 'nowrap' }}>
          <Table.Th>Escalation</Table.Th>
          <Table.Th>Due</Table.Th>
          <Table.Th miw={240}>Task · business key</Table.Th>
          <Table.Th>Candidate roles</Table.Th>
          <Table.Th>Assignee</Table.Th>
          <Table.Th w={70} ta="right">
            Priority
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {tasks.map((task, index) => {
          const selection = keys.rowProps(index);
          return (
            <Table.Tr
              key={task.id}
              data-row
              data-task={task.id}
              {...selection}
              style={{ cursor: 'pointer', ...selection.style }}
              onClick={openOnRowClick(() => {
                keys.select(index);
                onOpen(task);
              })}
            >
              <Table.Td>
                <Level level={task.escalationLevel} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{task.dueAt && <OverdueBy dueAt={task.dueAt} />}</Table.Td>
              <Table.Td>
                <Anchor href={`#${taskRoute(task.id)}`} size="sm" fw={500} display="block">
                  {task.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {task.businessKey ? `${task.businessKey} · ` : ''}
                  {task.workflowKey} · {task.kind}
                  {task.level ? ` · ${task.level}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {task.candidateRoles.map((role) => (
                    <Badge key={role} variant="light">
                      {role}
                    </Badge>
                  ))}
                  {task.candidateUsers.map((user) => (
                    <Badge key={user} variant="outline" color="gray" tt="none">
                      {user}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={task.assignee ? undefined : 'dimmed'}>
                  {nameOf(task.assignee)}
                </Text>
              </Table.Td>
              <Table.Td className="tabular" ta="right">
                {task.priority}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
