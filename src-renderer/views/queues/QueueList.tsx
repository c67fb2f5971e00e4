import { useCallback, useState } from 'react';
import { Button, Loader, Stack, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { TaskSummary } from '@shared/contract/work';
import { useSession } from '../../session/session-context';
import { notifySuccess } from '../../ui/notify';
import { QueryError } from '../../ui/QueryError';
import { ViewHeader } from '../../ui/ViewHeader';
import { BulkBar } from './BulkBar';
import { BulkOutcomeAlert } from './BulkOutcomeAlert';
import { DEFAULT_FILTERS, isNarrowed, type QueueFilters } from './queue-filters';
import { QueueFilterBar } from './QueueFilterBar';
import { QueueTable } from './QueueTable';
import { taskLabel } from './task-label';
import { useClaimRelease, type BulkOutcome } from './use-claim-release';
import { useTaskPages } from './use-task-pages';
import { useUserNames } from '../../ui/use-user-names';
import { usePathOfTask } from './use-path-of-task';

/** What an empty queue says, so that the person knows what to do next. */
function EmptyQueue({ filters, onClear }: { filters: QueueFilters; onClear: () => void }) {
  if (isNarrowed(filters))
    return (
      <Stack gap="xs" align="flex-start">
        <Text size="sm" c="dimmed">
          No task matches these filters.
        </Text>
        <Button size="xs" variant="default" onClick={onClear}>
          Clear the filters
        </Button>
      </Stack>
    );
  const text = {
    mine: 'Nothing is assigned to you. Open “Available”, move to a task with j/k and press c to claim it.',
    available: 'No task waits for your roles right now. New work appears here as it arrives.',
    all: 'There is no open task on this site.',
  }[filters.scope];
  return (
    <Text size="sm" c="dimmed">
      {text}
    </Text>
  );
}

/**
 * Queues: the tasks the person may work on, filtered, sorted and kept live; one by one with
 * the keyboard or many at once with the selection.
 */
export function QueueList() {
  const navigate = useNavigate();
  const { username } = useSession().user;
  const [filters, setFilters] = useState<QueueFilters>(DEFAULT_FILTERS);
  // Ticked tasks with their names: a ticked task that left the list meanwhile (someone else
  // claimed it) is still named when the outcome says why it was refused.
  const [checked, setChecked] = useState<ReadonlyMap<string, string>>(new Map());
  const [outcome, setOutcome] = useState<{ result: BulkOutcome; names: ReadonlyMap<string, string> } | null>(null);
  const { query, tasks } = useTaskPages(filters);
  const claimRelease = useClaimRelease();
  const userName = useUserNames();
  const pathOf = usePathOfTask();

  const changeFilters = (next: QueueFilters) => {
    setFilters(next);
    setChecked(new Map());
  };
  const toggle = useCallback(
    (task: TaskSummary) =>
      setChecked((current) => {
        const next = new Map(current);
        if (!next.delete(task.id)) next.set(task.id, taskLabel(task));
        return next;
      }),
    [],
  );
  const claimOne = async (task: TaskSummary) => {
    const result = await claimRelease.run('claim', [task.id]);
    if (!result) return;
    if (result.done.length > 0) notifySuccess(`Claimed ${taskLabel(task)}.`);
    else setOutcome({ result, names: new Map([[task.id, taskLabel(task)]]) });
  };
  const bulk = async (action: BulkOutcome['action']) => {
    const names = checked;
    const result = await claimRelease.run(action, [...names.keys()]);
    if (!result) return;
    setOutcome({ result, names });
    setChecked(new Map(result.refused.map((r) => [r.taskId, names.get(r.taskId) ?? r.taskId])));
  };
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = query;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  return (
    <>
      <ViewHeader
        title="Queues"
        subtitle={
          query.data
            ? `${tasks.length}${hasNextPage ? '+' : ''} task${tasks.length === 1 ? '' : 's'} · updates live · j/k move, Enter opens, c claims, x selects`
            : undefined
        }
      />
      <QueueFilterBar value={filters} onChange={changeFilters} username={username} />
      {outcome && <BulkOutcomeAlert outcome={outcome.result} describe={(taskId) => outcome.names.get(taskId) ?? taskId} onClose={() => setOutcome(null)} />}
      {checked.size > 0 && (
        <BulkBar
          count={checked.size}
          pending={claimRelease.pending}
          onClaim={() => void bulk('claim')}
          onRelease={() => void bulk('release')}
          onClear={() => setChecked(new Map())}
        />
      )}
      {query.isPending && <Loader size="sm" aria-label="Loading tasks" />}
      {query.error && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && tasks.length === 0 && <EmptyQueue filters={filters} onClear={() => changeFilters({ ...DEFAULT_FILTERS, scope: filters.scope })} />}
      {tasks.length > 0 && (
        <QueueTable
          tasks={tasks}
          hasMore={hasNextPage}
          loadingMore={isFetchingNextPage}
          loadMore={loadMore}
          checked={checked}
          onToggle={toggle}
          onOpen={(task) => void navigate(pathOf(task))}
          onClaim={(task) => void claimOne(task)}
          hrefOf={pathOf}
          userName={userName}
        />
      )}
    </>
  );
}
