import { Button, Center, Loader, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { OpOutput } from '@shared/contract';
import type { ApiError } from '../../api/api-error';
import { client } from '../../api/client';
import { QueryError } from '../../ui/QueryError';
import { useThrottledRefetch } from '../../ui/use-live-refresh';
import { ReportRow } from './ReportRow';

const PAGE = 50;

/** Every export of the site, newest first, following running ones live. */
export function ReportList() {
  const list = useInfiniteQuery<OpOutput<'reports.list'>, ApiError>({
    queryKey: ['reports.list'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => client.call('reports.list', { limit: PAGE, ...(pageParam ? { cursor: pageParam as string } : {}) }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  useThrottledRefetch('reports.progress', () => [['reports.list']], 1000);
  const jobs = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section aria-labelledby="exports-heading">
      <Title order={2} size="h4" id="exports-heading" mb="xs">
        Exports
      </Title>
      {list.isPending && <Loader size="sm" aria-label="Loading exports" />}
      {list.error && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && jobs.length === 0 && (
        <Text size="sm" c="dimmed">
          No report exported yet. Export one above, or from an instance’s decision chain.
        </Text>
      )}
      {jobs.length > 0 && (
        <Table withTableBorder verticalSpacing={6} aria-label="Exports">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={160}>Requested</Table.Th>
              <Table.Th>Report</Table.Th>
              <Table.Th w={230}>Status</Table.Th>
              <Table.Th w={80}>Events</Table.Th>
              <Table.Th>Folder</Table.Th>
              <Table.Th w={110}>Files</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {jobs.map((job) => (
              <ReportRow key={job.id} job={job} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.hasNextPage && (
        <Center mt="sm">
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load older exports
          </Button>
        </Center>
      )}
    </section>
  );
}
