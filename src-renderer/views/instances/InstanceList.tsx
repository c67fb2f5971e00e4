import { useEffect, useState } from 'react';
import { Button, Center, Group, Loader, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { OpOutput } from '@shared/contract';
import type { ApiError } from '../../api/api-error';
import { client } from '../../api/client';
import { preloadLayout } from '../../diagram/layout-cache';
import { QueryError } from '../../ui/QueryError';
import { ViewHeader } from '../../ui/ViewHeader';
import { InstanceFilters, type InstanceFilterValues } from './InstanceFilters';
import { InstancesTable } from './InstancesTable';
import { instancePath } from './paths';
import { useThrottledRefetch } from '../../ui/use-live-refresh';

const PAGE = 100;

/**
 * Instances, newest first, a page at a time (the cursor continues after the last one
 * seen). The list follows the engine live: every `instances.changed` refetches what is
 * loaded (at most about once a second).
 */
export function InstanceList() {
  const navigate = useNavigate();
  const [filters, setFilters] = useState<InstanceFilterValues>({});
  useEffect(preloadLayout, []);
  const search = useInfiniteQuery<OpOutput<'instances.search'>, ApiError>({
    queryKey: ['instances.search', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => client.call('instances.search', { ...filters, limit: PAGE, ...(pageParam ? { cursor: pageParam as string } : {}) }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  useThrottledRefetch('instances.changed', () => [['instances.search']], 1000);
  const instances = search.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <ViewHeader
        title="Instances"
        subtitle={
          search.data
            ? `${instances.length}${search.hasNextPage ? '+' : ''} instance${instances.length === 1 ? '' : 's'} · updates live · j/k to move, Enter to open`
            : undefined
        }
      />
      <InstanceFilters value={filters} onSearch={setFilters} />
      {search.isPending && <Loader size="sm" aria-label="Loading instances" />}
      {search.error && <QueryError error={search.error} onRetry={() => void search.refetch()} />}
      {search.data && instances.length === 0 && (
        <Text size="sm" c="dimmed">
          No instance matches these filters.
        </Text>
      )}
      {instances.length > 0 && <InstancesTable instances={instances} onOpen={(i) => void navigate(instancePath(i.id))} />}
      {search.hasNextPage && (
        <Center mt="sm">
          <Group gap="xs">
            <Button variant="default" onClick={() => void search.fetchNextPage()} loading={search.isFetchingNextPage}>
              Load more
            </Button>
          </Group>
        </Center>
      )}
    </>
  );
}
