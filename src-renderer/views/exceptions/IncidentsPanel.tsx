import { useState } from 'react';
import { Button, Center, Group, Loader, SegmentedControl, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { OpOutput } from '@shared/contract';
import type { ApiError } from '../../api/api-error';
import { client } from '../../api/client';
import { useCan } from '../../session/session-context';
import { QueryError } from '../../ui/QueryError';
import { useThrottledRefetch } from '../../ui/use-live-refresh';
import { instancePath } from '../instances/paths';
import { ExceptionsTable } from './ExceptionsTable';
import { useIncidentStepKinds } from './use-incident-step-kinds';

const PAGE = 100;

/**
 * Incidents that wait for a person (retries exhausted, failures, in-doubt effects, reviews),
 * newest first; resolved ones on demand. Refreshed as the engine reports changes.
 */
export function IncidentsPanel() {
  const can = useCan();
  const navigate = useNavigate();
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const search = useInfiniteQuery<OpOutput<'incidents.search'>, ApiError>({
    queryKey: ['incidents.search', { status }],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => client.call('incidents.search', { status, limit: PAGE, ...(pageParam ? { cursor: pageParam as string } : {}) }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  useThrottledRefetch('instances.changed', () => [['incidents.search']], 1000);
  useThrottledRefetch('incidents.changed', () => [['incidents.search']], 1000);
  const incidents = search.data?.pages.flatMap((p) => p.items) ?? [];
  const operate = can('instance.operate');
  const stepKinds = useIncidentStepKinds(incidents, operate && can('instance.read'));

  return (
    <>
      <Group justify="space-between" mb="sm" gap="sm">
        <Text size="sm" c="dimmed">
          {search.data
            ? `${incidents.length}${search.hasNextPage ? '+' : ''} ${status} incident${incidents.length === 1 ? '' : 's'} · updates live · j/k to move, Enter to open`
            : ' '}
        </Text>
        <SegmentedControl
          aria-label="Incident status"
          value={status}
          onChange={(value) => setStatus(value as 'open' | 'resolved')}
          data={[
            { value: 'open', label: 'Open' },
            { value: 'resolved', label: 'Resolved' },
          ]}
        />
      </Group>
      {search.isPending && <Loader size="sm" aria-label="Loading incidents" />}
      {search.error && <QueryError error={search.error} onRetry={() => void search.refetch()} />}
      {search.data && incidents.length === 0 && (
        <Text size="sm" c="dimmed">
          {status === 'open' ? 'No open incident: nothing waits for a person.' : 'No incident has been resolved yet.'}
        </Text>
      )}
      {incidents.length > 0 && (
        <ExceptionsTable
          incidents={incidents}
          operate={operate}
          resolve={can('exception.resolve')}
          stepKinds={stepKinds}
          onOpen={(i) => void navigate(instancePath(i.instanceId, 'incidents'))}
        />
      )}
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
