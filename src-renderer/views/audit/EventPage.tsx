import { Anchor, Badge, Button, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import type { AuditEvent } from '@shared/domain/audit';
import { useOp } from '../../api/hooks';
import { formatTime } from '../../ui/format';
import { JsonTree } from '../../ui/JsonTree';
import { QueryError } from '../../ui/QueryError';
import { ViewHeader } from '../../ui/ViewHeader';
import { ChangeDiff } from './ChangeDiff';
import { Crumbs } from './Crumbs';
import { describeActor } from '@shared/domain/audit';
import { actorFilter, OUTCOME_COLOR } from './describe';
import { Fact, Facts } from './Facts';
import { eventPath, searchPath } from './paths';
import { ProofPanel } from './ProofPanel';
import { paramsFromFilters } from './search-params';
import { SubjectLinks } from './SubjectLinks';

function EventFacts({ event }: { event: AuditEvent }) {
  const byActor = actorFilter(event.actor);
  return (
    <Facts label="Event">
      <Fact label="Sequence">#{event.seq}</Fact>
      <Fact label="Time">
        <span className="tabular">{formatTime(event.at)}</span> <span className="mono">({event.at})</span>
      </Fact>
      <Fact label="Actor">
        {describeActor(event.actor)}{' '}
        {byActor && (
          <Anchor component={Link} to={searchPath(paramsFromFilters({ actor: byActor }))} size="sm">
            (their events)
          </Anchor>
        )}
      </Fact>
      <Fact label="Action">
        <span className="mono">{event.action}</span>{' '}
        <Anchor component={Link} to={searchPath(paramsFromFilters({ action: event.action }))} size="sm">
          (all such events)
        </Anchor>
      </Fact>
      <Fact label="Subject">
        {event.subject ? (
          <Stack gap={2}>
            <span className="mono">
              {event.subject.type} {event.subject.id}
            </span>
            <SubjectLinks subject={event.subject} />
          </Stack>
        ) : (
          '—'
        )}
      </Fact>
      <Fact label="Outcome">
        <Badge variant="light" color={OUTCOME_COLOR[event.outcome]}>
          {event.outcome}
        </Badge>
      </Fact>
      <Fact label="Hash">
        <span className="mono">{event.hash}</span>
      </Fact>
      <Fact label="Previous hash">
        <span className="mono">{event.prevHash}</span>
      </Fact>
    </Facts>
  );
}

/**
 * One audit event with everything an auditor checks: every field, the payload as a tree,
 * the two sides of a change, and the proof that a signed checkpoint includes it.
 */
export function EventPage() {
  const seq = Number(useParams().seq);
  const valid = Number.isInteger(seq) && seq > 0;
  const query = useOp('audit.get', { seq }, { enabled: valid });
  // The trail's length (is there a next event?) and whether checkpoints have a witness folder; the badge reads the same status.
  const status = useOp('audit.status', {}).data;
  const head = status?.head;
  const here = valid ? `Event #${seq}` : 'Event';
  const detail = query.data;

  const stepper = (
    <Group gap="xs">
      <Button component={Link} to={eventPath(seq - 1)} variant="default" size="compact-sm" leftSection={<IconChevronLeft size={14} />} disabled={seq <= 1}>
        Previous
      </Button>
      <Button
        component={Link}
        to={eventPath(seq + 1)}
        variant="default"
        size="compact-sm"
        rightSection={<IconChevronRight size={14} />}
        disabled={head !== undefined && seq >= head}
      >
        Next
      </Button>
    </Group>
  );

  return (
    <>
      <Crumbs here={here} />
      <ViewHeader title={detail ? `${here} · ${detail.event.action}` : here} actions={valid && stepper} />
      {!valid && (
        <Text size="sm">
          There is no event at this address: events are addressed by their sequence number, e.g. <span className="mono">#/audit/events/42</span>.
        </Text>
      )}
      {query.isPending && valid && <Loader size="sm" aria-label="Loading the event" />}
      {query.error && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {detail && (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="md">
              <Paper withBorder radius="sm" p="sm">
                <EventFacts event={detail.event} />
              </Paper>
              {detail.change && <ChangeDiff before={detail.change.before} after={detail.change.after} />}
              <section aria-labelledby="payload-heading">
                <Title order={2} size="h4" id="payload-heading" mb={6}>
                  Payload
                </Title>
                <Paper withBorder radius="sm" p="sm">
                  <JsonTree value={detail.event.payload} open={3} />
                </Paper>
              </section>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <ProofPanel proof={detail.proof} witnessSet={status && status.witness.state !== 'not-configured'} />
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}
