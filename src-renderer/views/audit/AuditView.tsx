import { useState } from 'react';
import { Button, Center, Loader, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { IconShieldCheck } from '@tabler/icons-react';
import type { OpOutput } from '@shared/contract';
import type { ApiError } from '../../api/api-error';
import { client } from '../../api/client';
import { useOpMutation } from '../../api/hooks';
import { notifyError } from '../../ui/notify';
import { QueryError } from '../../ui/QueryError';
import { ViewHeader } from '../../ui/ViewHeader';
import { AuditFilters, type AuditFilterValues } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { VerifyResult } from './VerifyChain';

const PAGE = 100;

/**
 * The audit trail, newest first, a page at a time (the cursor continues below the last
 * sequence number seen), and an on-demand verification of the whole hash chain.
 */
export function AuditView() {
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const search = useInfiniteQuery<OpOutput<'audit.search'>, ApiError>({
    queryKey: ['audit.search', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => client.call('audit.search', { ...filters, limit: PAGE, ...(pageParam ? { cursor: pageParam as string } : {}) }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const verify = useOpMutation('audit.verify');
  const events = search.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <ViewHeader
        title="Audit"
        subtitle="Every action, decision and refusal, hash-chained in order."
        actions={
          <Button
            variant="default"
            leftSection={<IconShieldCheck size={16} />}
            loading={verify.isPending}
            onClick={() => verify.mutate({}, { onError: (e) => notifyError(e) })}
          >
            Verify chain
          </Button>
        }
      />
      {verify.data && <VerifyResult result={verify.data} />}
      <AuditFilters onSearch={setFilters} />
      {search.isPending && <Loader size="sm" aria-label="Loading audit events" />}
      {search.error && <QueryError error={search.error} onRetry={() => void search.refetch()} />}
      {search.data && events.length === 0 && (
        <Text size="sm" c="dimmed">
          No audit event matches these filters.
        </Text>
      )}
      {events.length > 0 && <AuditTable events={events} />}
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
