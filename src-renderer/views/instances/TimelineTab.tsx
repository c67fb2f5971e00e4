import { Alert, Anchor, Button, Center, Loader, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { OpOutput } from '@shared/contract';
import type { AuditEvent } from '@shared/domain/audit';
import type { ApiError } from '../../api/api-error';
import { client } from '../../api/client';
import { useCan } from '../../session/session-context';
import { formatTime } from '../../ui/format';
import { QueryError } from '../../ui/QueryError';
import { describeActor } from '@shared/domain/audit';
import { JsonTree } from '../../ui/JsonTree';
import { instancePath } from './paths';
import { describeEvent } from './timeline-events';

const PAGE = 500;

export function timelineKey(instanceId: string): readonly unknown[] {
  return ['audit.search', { subjectType: 'instance', subjectId: instanceId }];
}

function TimelineItem({ event, stepOf }: { event: AuditEvent; stepOf: (activation: string) => string | null }) {
  const entry = describeEvent(event, stepOf);
  return (
    <li className="cl-timeline__item" data-action={event.action}>
      <span className="cl-timeline__dot" data-tone={entry.tone} aria-hidden />
      <span className="cl-timeline__time" title={event.at}>
        {formatTime(event.at)}
      </span>
      <span className="cl-timeline__actor" title={describeActor(event.actor)}>
        {describeActor(event.actor)}
      </span>
      <div>
        <Text size="sm" fw={500} lh={1.35}>
          {entry.title}
        </Text>
        {entry.facts.length > 0 && (
          <dl className="cl-facts">
            {entry.facts.map((f) => (
              <div key={f.label}>
                <dt>{f.label}</dt>
                <dd className={f.mono ? 'mono' : undefined}>{f.value}</dd>
              </div>
            ))}
          </dl>
        )}
        {entry.reason && (
          <div className="cl-reason">
            <Text span size="xs" c="dimmed">
              Reason:{' '}
            </Text>
            {entry.reason}
          </div>
        )}
        {entry.child && (
          <Anchor component={Link} to={instancePath(entry.child)} size="xs">
            Open the sub-workflow instance
          </Anchor>
        )}
        {entry.data.map((d) => (
          <div key={d.label} style={{ marginTop: 1 }}>
            <Text span size="xs" c="dimmed">
              {d.label}:{' '}
            </Text>
            <JsonTree value={d.value} open={0} />
          </div>
        ))}
      </div>
    </li>
  );
}

/**
 * The instance's story from the audit trail, oldest first: who did what, each decision with
 * its table version, hash and matched rules, each call with its request and result, each
 * error, retry and operator action with its reason.
 */
export function TimelineTab({ instanceId, activations }: { instanceId: string; activations: ReadonlyMap<string, string> }) {
  const can = useCan();
  const allowed = can('audit.read');
  const search = useInfiniteQuery<OpOutput<'audit.search'>, ApiError>({
    queryKey: timelineKey(instanceId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      client.call('audit.search', { subjectType: 'instance', subjectId: instanceId, limit: PAGE, ...(pageParam ? { cursor: pageParam as string } : {}) }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: allowed,
  });
  if (!allowed)
    return (
      <Alert color="gray" variant="light" title="The timeline comes from the audit trail">
        <Text size="sm">Reading it needs the permission “audit.read”, which your roles do not include.</Text>
      </Alert>
    );
  if (search.isPending) return <Loader size="sm" aria-label="Loading the timeline" />;
  if (search.error) return <QueryError error={search.error} onRetry={() => void search.refetch()} />;

  // Pages come newest first; the timeline reads oldest first.
  const events = search.data.pages.flatMap((p) => p.items).reverse();
  const steps = new Map(activations);
  for (const e of events) {
    const { activation, step } = e.payload;
    if (typeof activation === 'string' && typeof step === 'string') steps.set(activation, step);
  }
  const stepOf = (activation: string) => steps.get(activation) ?? null;

  return (
    <>
      {search.hasNextPage && (
        <Center mb="xs">
          <Button size="xs" variant="default" onClick={() => void search.fetchNextPage()} loading={search.isFetchingNextPage}>
            Load earlier events
          </Button>
        </Center>
      )}
      <ol className="cl-timeline" aria-label="Timeline">
        {events.map((event) => (
          <TimelineItem key={event.seq} event={event} stepOf={stepOf} />
        ))}
      </ol>
    </>
  );
}
