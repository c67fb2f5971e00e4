import { useState } from 'react';
import { Anchor, Button, Center, Loader, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { IconFileExport } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import type { OpOutput } from '@shared/contract';
import type { ApiError } from '../../api/api-error';
import { client } from '../../api/client';
import { useCan } from '../../session/session-context';
import { QueryError } from '../../ui/QueryError';
import { useThrottledRefetch } from '../../ui/use-live-refresh';
import { ViewHeader } from '../../ui/ViewHeader';
import { instancePath } from '../instances/paths';
import { ChainGroup } from './ChainGroup';
import { Crumbs } from './Crumbs';
import { ExportInstanceModal } from './ExportInstanceModal';
import { ReportJobCard } from './ReportJobCard';
import { runsOf } from './timeline-kinds';

const PAGE = 500;

/**
 * An instance's whole decision chain from the trail, oldest first: what came in, each rule
 * evaluated, each approval and refusal, each connector call, down to the final state — with
 * an evidence report of it one click away.
 */
export function InstanceTimelinePage() {
  const { instanceId = '' } = useParams();
  const can = useCan();
  const [exporting, setExporting] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const timeline = useInfiniteQuery<OpOutput<'audit.timeline'>, ApiError>({
    queryKey: ['audit.timeline', { instanceId }],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => client.call('audit.timeline', { instanceId, limit: PAGE, ...(pageParam ? { cursor: pageParam as string } : {}) }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  // A running instance adds to its chain; its own events (and its sub-workflows') say when.
  useThrottledRefetch(
    'instances.changed',
    (p) => (p.instanceId === instanceId || p.instanceId.startsWith(`${instanceId}.`) ? [['audit.timeline', { instanceId }]] : null),
    1000,
  );

  const first = timeline.data?.pages[0];
  const entries = timeline.data?.pages.flatMap((p) => p.items) ?? [];
  const runs = runsOf(entries);
  const complete = timeline.data !== undefined && !timeline.hasNextPage;

  return (
    <>
      <Crumbs here={`Instance ${instanceId}`} />
      <ViewHeader
        title="Decision chain"
        subtitle={
          <>
            {first?.workflow && `${first.workflow}${first.version !== null ? ` v${first.version}` : ''} · `}instance <span className="mono">{instanceId}</span>
            {can('instance.read') && (
              <>
                {' · '}
                <Anchor component={Link} to={instancePath(instanceId)} size="sm">
                  Instance page
                </Anchor>
              </>
            )}
          </>
        }
        actions={
          can('report.export') && (
            <Button leftSection={<IconFileExport size={16} />} onClick={() => setExporting(true)} disabled={entries.length === 0}>
              Export evidence report
            </Button>
          )
        }
      />
      {jobId && <ReportJobCard jobId={jobId} onClose={() => setJobId(null)} />}
      {timeline.isPending && <Loader size="sm" aria-label="Loading the decision chain" />}
      {timeline.error && <QueryError error={timeline.error} onRetry={() => void timeline.refetch()} />}
      {timeline.data && entries.length === 0 && (
        <Text size="sm" c="dimmed">
          The trail holds no event of this instance. Check the instance id, or search the trail for it under Audit.
        </Text>
      )}
      {runs.length > 0 && (
        <ol className="cl-chain" aria-label="Decision chain">
          {runs.map((run, i) => (
            <ChainGroup
              key={run.entries[0]?.event.seq}
              run={run}
              role={i === 0 && run.kind === 'input' ? 'input' : complete && i === runs.length - 1 && run.kind === 'state' ? 'final' : null}
            />
          ))}
        </ol>
      )}
      {timeline.hasNextPage && (
        <Center mt="sm">
          <Button variant="default" onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
            Load later events
          </Button>
        </Center>
      )}
      {exporting && <ExportInstanceModal instanceId={instanceId} onStarted={setJobId} onClose={() => setExporting(false)} />}
    </>
  );
}
