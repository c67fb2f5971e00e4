import { Loader, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { QueryError } from '../../ui/QueryError';
import { EscalationsTable } from './EscalationsTable';
import { taskRoute } from './task-route';
import { useEscalations } from './use-escalations';

/** Tasks past their SLA, with the escalation level each has reached. */
export function EscalationsPanel() {
  const navigate = useNavigate();
  const { query, scope } = useEscalations();
  const tasks = query.data?.items ?? [];
  const whose = scope === 'all' ? 'every queue' : 'the tasks you may take (supervisors and auditors see every queue)';

  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        {query.data
          ? `${tasks.length}${query.data.nextCursor ? '+' : ''} overdue task${tasks.length === 1 ? '' : 's'} in ${whose} · updates live · j/k to move, Enter to open`
          : ' '}
      </Text>
      {query.isPending && <Loader size="sm" aria-label="Loading escalations" />}
      {query.error && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && tasks.length === 0 && (
        <Text size="sm" c="dimmed">
          No task is overdue. When a task passes its SLA it appears here, with each escalation level it reaches (notify, reassign to the escalation role, raise
          its priority) as its workflow defines.
        </Text>
      )}
      {tasks.length > 0 && <EscalationsTable tasks={tasks} onOpen={(task) => void navigate(taskRoute(task.id))} />}
    </>
  );
}
