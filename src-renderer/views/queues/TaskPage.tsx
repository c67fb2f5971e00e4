import { Anchor, Breadcrumbs, Grid, Loader, Text } from '@mantine/core';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import type { TaskDetail } from '@shared/contract/work';
import { opKey, useOp } from '../../api/hooks';
import { useCan } from '../../session/session-context';
import { notifySuccess } from '../../ui/notify';
import { QueryError } from '../../ui/QueryError';
import { useThrottledRefetch } from '../../ui/use-live-refresh';
import { ViewHeader } from '../../ui/ViewHeader';
import { Comments } from './Comments';
import { Documents } from './Documents';
import { approvalPath } from './paths';
import { ReworkForm } from './ReworkForm';
import { Section } from './Section';
import { TaskActions } from './TaskActions';
import { TaskData } from './TaskData';
import { TaskFacts } from './TaskFacts';
import { TaskForm } from './TaskForm';

/** The work itself: the form of a task, the corrections of a rework, or (for those who only watch) what an approval is about. */
function Work({ detail, onCompleted }: { detail: TaskDetail; onCompleted: () => void }) {
  const { task } = detail;
  if (task.kind === 'approval')
    return (
      <Text size="sm" c="dimmed">
        An approval is decided in Approvals by those who hold a role of its level; here it is shown read-only.
      </Text>
    );
  if (task.kind === 'rework') return <ReworkForm key={task.id} detail={detail} onCompleted={onCompleted} />;
  if (detail.form.length === 0)
    return (
      <Text size="sm" c="dimmed">
        This task has no form: completing it tells the workflow the work is done.
      </Text>
    );
  return <TaskForm key={task.id} detail={detail} onCompleted={onCompleted} />;
}

/**
 * One task: its facts, claim/release/reassign, its form (read-only until claimed), the data
 * it shows, its documents and comments. Live: another person's claim or completion shows
 * at once.
 */
export function TaskPage() {
  const { taskId = '' } = useParams();
  const can = useCan();
  const navigate = useNavigate();
  const query = useOp('tasks.get', { taskId });
  useThrottledRefetch('tasks.changed', ({ taskId: changed }) => (changed === taskId ? [opKey('tasks.get', { taskId })] : null), 300);

  const detail = query.data;
  const breadcrumbs = (
    <Breadcrumbs mb={4} fz="xs">
      <Anchor component={Link} to="/queues" size="xs">
        Queues
      </Anchor>
      <Text size="xs">{detail?.task.businessKey ?? detail?.task.title ?? taskId}</Text>
    </Breadcrumbs>
  );
  if (query.error)
    return (
      <>
        {breadcrumbs}
        <ViewHeader title="Task" />
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  if (!detail)
    return (
      <>
        {breadcrumbs}
        <ViewHeader title="Task" />
        <Loader size="sm" aria-label="Loading task" />
      </>
    );
  if (detail.task.kind === 'approval' && can('approval.decide')) return <Navigate to={approvalPath(taskId)} replace />;

  const active = detail.task.status === 'open' || detail.task.status === 'claimed';
  const completed = () => {
    notifySuccess(`${detail.task.title} completed.`);
    void navigate('/queues');
  };
  return (
    <>
      {breadcrumbs}
      <ViewHeader title={detail.task.title} actions={<TaskActions detail={detail} />} />
      <TaskFacts task={detail.task} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Section title={detail.task.kind === 'rework' ? 'Corrections' : 'Form'} id="task-work">
            <Work detail={detail} onCompleted={completed} />
          </Section>
          {detail.task.kind !== 'rework' && Object.keys(detail.data).length > 0 && (
            <Section title="Data" id="task-data">
              <TaskData detail={detail} />
            </Section>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Section title="Documents" id="task-documents">
            <Documents detail={detail} canAttach={active && can('task.work') && detail.task.kind !== 'approval'} />
          </Section>
          <Section title="Comments" id="task-comments">
            <Comments detail={detail} />
          </Section>
        </Grid.Col>
      </Grid>
    </>
  );
}
