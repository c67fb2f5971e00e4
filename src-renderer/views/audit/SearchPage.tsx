import { useState } from 'react';
import { Button, Center, Loader, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { IconShieldCheck } from '@tabler/icons-react';
import { useNavigate, useSearchParams } from 'react-router';
import type { OpOutput } from '@shared/contract';
import type { AuditVerification } from '@shared/contract/audit';
import type { ApiError } from '../../api/api-error';
import { client } from '../../api/client';
import { useOpMutation } from '../../api/hooks';
import { notifyError } from '../../ui/notify';
import { QueryError } from '../../ui/QueryError';
import { ViewHeader } from '../../ui/ViewHeader';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { eventPath } from './paths';
import { filtersFromParams, paramsFromFilters, type AuditFilterValues } from './search-params';
import { SectionTabs } from './SectionTabs';
import { VerificationBadge } from './VerificationBadge';
import { VerifyResult } from './VerifyResult';

const PAGE = 200;

/**
 * The trail, newest first, a page at a time (the cursor continues below the last sequence
 * number seen). The filters live in the address, so a search can be bookmarked or sent to a
 * colleague; the badge shows the background verifier's verdict, and Verify now runs a full
 * verification on demand.
 */
export function SearchPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const filterKey = paramsFromFilters(filters).toString();
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const verify = useOpMutation('audit.verify');
  const search = useInfiniteQuery<OpOutput<'audit.search'>, ApiError>({
    queryKey: ['audit.search', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => client.call('audit.search', { ...filters, limit: PAGE, ...(pageParam ? { cursor: pageParam as string } : {}) }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const events = search.data?.pages.flatMap((p) => p.items) ?? [];
  const onSearch = (next: AuditFilterValues) => setParams(paramsFromFilters(next));

  return (
    <>
      <ViewHeader
        title="Audit"
        subtitle={
          search.data
            ? `${events.length}${search.hasNextPage ? '+' : ''} event${events.length === 1 ? '' : 's'}, newest first · j/k to move, Enter to open`
            : 'Every action, decision and refusal, hash-chained in order.'
        }
        actions={
          <>
            <VerificationBadge />
            <Button
              variant="default"
              leftSection={<IconShieldCheck size={16} />}
              loading={verify.isPending}
              onClick={() => verify.mutate({}, { onSuccess: setVerification, onError: (e) => notifyError(e, 'Verification failed') })}
            >
              Verify now
            </Button>
          </>
        }
      />
      <SectionTabs active="trail">
        {verification && <VerifyResult result={verification} onClose={() => setVerification(null)} />}
        <AuditFilters key={filterKey} value={filters} onSearch={onSearch} />
        {search.isPending && <Loader size="sm" aria-label="Loading audit events" />}
        {search.error && <QueryError error={search.error} onRetry={() => void search.refetch()} />}
        {search.data && events.length === 0 && (
          <Text size="sm" c="dimmed">
            {filterKey ? 'No audit event matches these filters. Widen the time range or clear a filter.' : 'The trail is empty.'}
          </Text>
        )}
        {events.length > 0 && <AuditTable events={events} onOpen={(e) => void navigate(eventPath(e.seq))} />}
        {search.hasNextPage && (
          <Center mt="sm">
            <Button variant="default" onClick={() => void search.fetchNextPage()} loading={search.isFetchingNextPage}>
              Load older events
            </Button>
          </Center>
        )}
      </SectionTabs>
    </>
  );
}
