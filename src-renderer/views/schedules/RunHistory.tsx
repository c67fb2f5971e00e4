import { Button, Center, Loader, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { OpOutput } from '@shared/contract';
import type { ScheduleRun } from '@shared/contract/schedules';
import type { ApiError } from '../../api/api-error';
import { client } from '../../api/client';
import { QueryError } from '../../ui/QueryError';
import { RunOutcome } from './RunOutcome';
import { isRunGoing } from './runs';
import { AtRiskBadge } from './ScheduleStatusBadge';
import { ZonedTime } from './ZonedTime';

const PAGE = 25;
const GOING_POLL_MS = 5_000;

export function historyKey(scheduleId: string): readonly unknown[] {
  return ['schedules.history', { scheduleId }];
}

/** The runs of a schedule, newest first, a page at a time; the key is shared with the page's live refresh. */
export function useRunHistory(scheduleId: string) {
  return useInfiniteQuery<OpOutput<'schedules.history'>, ApiError>({
    queryKey: historyKey(scheduleId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => client.call('schedules.history', { scheduleId, limit: PAGE, ...(pageParam ? { cursor: pageParam as string } : {}) }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Pushed events keep it live; a slow poll covers an event missed while runs are going.
    refetchInterval: (query) => (query.state.data?.pages.some((p) => p.items.some(isRunGoing)) ? GOING_POLL_MS : false),
  });
}

/** A missed cut-off says more than "at risk", so it replaces it. */
function Flags({ run }: { run: ScheduleRun }) {
  if (run.missedCutoff) return <AtRiskBadge size="xs" label="missed cut-off" />;
  return run.atRisk ? <AtRiskBadge size="xs" /> : null;
}

/**
 * Every run of a schedule: when it was for, what triggered it, what became of it (with its
 * instance), why (a manual run's reason, a skip or misfire decision) and its cut-off.
 */
export function RunHistory({ history, zone }: { history: ReturnType<typeof useRunHistory>; zone: string }) {
  const runs = history.data?.pages.flatMap((p) => p.items) ?? [];
  if (history.error) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  if (history.isPending) return <Loader size="sm" aria-label="Loading run history" />;
  if (runs.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No run yet. Runs appear here when the schedule fires, or when someone uses Run now.
      </Text>
    );
  }
  return (
    <>
      <Table striped withTableBorder aria-label="Run history" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={190}>Fire time</Table.Th>
            <Table.Th w={100}>Trigger</Table.Th>
            <Table.Th w={280}>Status · outcome</Table.Th>
            <Table.Th>Reason · note</Table.Th>
            <Table.Th w={190}>Cut-off</Table.Th>
            <Table.Th w={120}>Flags</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((run) => (
            <Table.Tr key={run.id} data-run={run.id} data-trigger={run.trigger}>
              <Table.Td>
                <ZonedTime at={run.scheduledFor} zone={zone} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{run.trigger}</Text>
                {run.requestedBy && (
                  <Text size="xs" c="dimmed">
                    by {run.requestedBy}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <RunOutcome run={run} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ wordBreak: 'break-word' }}>
                  {run.reason ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>{run.cutoffAt ? <ZonedTime at={run.cutoffAt} zone={zone} /> : '—'}</Table.Td>
              <Table.Td>
                <Flags run={run} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {history.hasNextPage && (
        <Center mt="sm">
          <Button variant="default" onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage}>
            Load older runs
          </Button>
        </Center>
      )}
    </>
  );
}
