import { Button, Center, Loader, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { QueryError } from '../../ui/QueryError';
import { ViewHeader } from '../../ui/ViewHeader';
import { approvalPath } from '../queues/paths';
import { DEFAULT_FILTERS, type QueueFilters } from '../queues/queue-filters';
import { useTaskPages } from '../queues/use-task-pages';
import { ApprovalsTable } from './ApprovalsTable';

/** The approval levels the person's roles decide, due first: the queue's own query, narrowed to approvals. */
const WAITING: QueueFilters = { ...DEFAULT_FILTERS, kind: 'approval' };

/**
 * Approvals waiting for the person: the levels their roles decide, due first. Segregation
 * of duties is not applied to the list: an approval the person may not decide still shows,
 * and its page says why (the core decides, and says so).
 */
export function ApprovalList() {
  const navigate = useNavigate();
  const { query: search, tasks: approvals } = useTaskPages(WAITING);

  return (
    <>
      <ViewHeader
        title="Approvals"
        subtitle={
          search.data ? `${approvals.length}${search.hasNextPage ? '+' : ''} waiting for your decision · updates live · j/k to move, Enter to open` : undefined
        }
      />
      {search.isPending && <Loader size="sm" aria-label="Loading approvals" />}
      {search.error && <QueryError error={search.error} onRetry={() => void search.refetch()} />}
      {search.data && approvals.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing waits for your decision. An approval appears here when a transaction reaches a level your role decides.
        </Text>
      )}
      {approvals.length > 0 && <ApprovalsTable approvals={approvals} onOpen={(a) => void navigate(approvalPath(a.id))} />}
      {search.hasNextPage && (
        <Center mt="sm">
          <Button variant="default" onClick={() => void search.fetchNextPage()} loading={search.isFetchingNextPage}>
            Load more
          </Button>
        </Center>
      )}
    </>
  );
}
