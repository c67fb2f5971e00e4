import { useState } from 'react';
import { Anchor, Breadcrumbs, Button, Grid, Loader, Text } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { opKey, useOp } from '../../api/hooks';
import { useCan } from '../../session/session-context';
import { notifySuccess } from '../../ui/notify';
import { QueryError } from '../../ui/QueryError';
import { useThrottledRefetch } from '../../ui/use-live-refresh';
import { ViewHeader } from '../../ui/ViewHeader';
import { Comments } from '../queues/Comments';
import { Documents } from '../queues/Documents';
import { taskPath } from '../queues/paths';
import { Section } from '../queues/Section';
import { TaskData } from '../queues/TaskData';
import { TaskFacts } from '../queues/TaskFacts';
import { ApprovalLevels } from './ApprovalLevels';
import { BreakGlassModal } from './BreakGlassModal';
import { DecisionHistory } from './DecisionHistory';
import { DecisionPanel } from './DecisionPanel';

/**
 * One approval level waiting for decisions: what is approved (sensitive values masked by
 * role), its documents, the levels and who decided what, the history and comments, and the
 * decision itself. Live: another approver's decision or a data change shows at once.
 */
export function ApprovalPage() {
  const { taskId = '' } = useParams();
  const can = useCan();
  const navigate = useNavigate();
  const [breakingGlass, setBreakingGlass] = useState(false);
  const query = useOp('tasks.get', { taskId });
  useThrottledRefetch('tasks.changed', ({ taskId: changed }) => (changed === taskId ? [opKey('tasks.get', { taskId })] : null), 300);

  const detail = query.data;
  const breadcrumbs = (
    <Breadcrumbs mb={4} fz="xs">
      <Anchor component={Link} to="/approvals" size="xs">
        Approvals
      </Anchor>
      <Text size="xs">{detail?.task.businessKey ?? taskId}</Text>
    </Breadcrumbs>
  );
  if (query.error)
    return (
      <>
        {breadcrumbs}
        <ViewHeader title="Approval" />
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  if (!detail)
    return (
      <>
        {breadcrumbs}
        <ViewHeader title="Approval" />
        <Loader size="sm" aria-label="Loading approval" />
      </>
    );
  if (detail.task.kind !== 'approval') return <Navigate to={taskPath(taskId)} replace />;

  const decided = (message: string) => {
    notifySuccess(message);
    setBreakingGlass(false);
    void navigate('/approvals');
  };
  const open = detail.task.status === 'open';
  return (
    <>
      {breadcrumbs}
      <ViewHeader
        title={`${detail.task.title}${detail.task.businessKey ? ` · ${detail.task.businessKey}` : ''}`}
        subtitle={detail.task.level ?? undefined}
        actions={
          open &&
          can('breakglass.use') && (
            <Button color="red" variant="outline" leftSection={<IconAlertOctagon size={16} />} onClick={() => setBreakingGlass(true)}>
              Break glass…
            </Button>
          )
        }
      />
      <TaskFacts task={detail.task} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Section title="Your decision" id="approval-decision">
            <DecisionPanel detail={detail} onDecided={decided} />
          </Section>
          <Section title="What is approved" id="approval-data">
            <TaskData detail={detail} label="What is approved" />
          </Section>
          <Section title="Documents" id="approval-documents">
            <Documents detail={detail} canAttach={false} />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          {detail.approval && (
            <>
              <Section title={`Levels${detail.approval.round > 1 ? ` · round ${detail.approval.round}` : ''}`} id="approval-levels">
                <ApprovalLevels approval={detail.approval} />
              </Section>
              <Section title="History" id="approval-history">
                <DecisionHistory approval={detail.approval} />
              </Section>
            </>
          )}
          <Section title="Comments" id="approval-comments">
            <Comments detail={detail} />
          </Section>
        </Grid.Col>
      </Grid>
      {breakingGlass && <BreakGlassModal detail={detail} onClose={() => setBreakingGlass(false)} onDone={decided} />}
    </>
  );
}
