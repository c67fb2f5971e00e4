import type { ReactNode } from 'react';
import { Anchor, Badge, Group, Paper, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { TaskSummary } from '@shared/contract/work';
import { useCan } from '../../session/session-context';
import { formatTime } from '../../ui/format';
import { instancePath } from '../instances/paths';
import { SlaCountdown } from './SlaCountdown';
import { TaskStatusBadge } from './TaskBadges';
import { useUserNames } from '../../ui/use-user-names';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" lh={1.2}>
        {label}
      </Text>
      <Text size="sm" lh={1.4} component="div">
        {children}
      </Text>
    </div>
  );
}

/** The header facts of a task or an approval: where it comes from, who has it, and when it is due. */
export function TaskFacts({ task }: { task: TaskSummary }) {
  const can = useCan();
  const userName = useUserNames();
  const who = [...task.candidateRoles.map((r) => `role ${r}`), ...task.candidateUsers];
  return (
    <Paper withBorder radius="sm" px="sm" py={8} mb="md" aria-label="Task facts" component="section">
      <Group gap="xl" wrap="wrap" align="flex-start">
        <Fact label="Status">
          <TaskStatusBadge status={task.status} size="md" />
        </Fact>
        <Fact label="Workflow">
          {can('workflow.read') ? (
            <Anchor component={Link} to={`/workflows/${encodeURIComponent(task.workflowKey)}`} size="sm" fw={600}>
              {task.workflowKey}
            </Anchor>
          ) : (
            task.workflowKey
          )}
        </Fact>
        <Fact label="Business key">
          {can('instance.read') ? (
            <Anchor component={Link} to={instancePath(task.instanceId)} size="sm">
              {task.businessKey ?? task.instanceId}
            </Anchor>
          ) : (
            (task.businessKey ?? '—')
          )}
        </Fact>
        {task.level && <Fact label="Level">{task.level}</Fact>}
        <Fact label="Assignee">{userName(task.assignee)}</Fact>
        <Fact label="Due">
          <SlaCountdown dueAt={task.dueAt} />
          {task.dueAt && (
            <Text span size="xs" c="dimmed" className="tabular">
              {' '}
              ({formatTime(task.dueAt)})
            </Text>
          )}
        </Fact>
        <Fact label="Priority">
          <span className="tabular">{task.priority}</span>
          {task.escalationLevel > 0 && (
            <Badge ml={6} size="xs" color="red" variant="light">
              escalated · level {task.escalationLevel}
            </Badge>
          )}
        </Fact>
        <Fact label="For">{who.join(', ') || '—'}</Fact>
        <Fact label="Created">
          <span className="tabular">{formatTime(task.createdAt)}</span>
        </Fact>
      </Group>
    </Paper>
  );
}
