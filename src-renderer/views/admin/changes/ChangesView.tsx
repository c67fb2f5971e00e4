import { useState } from 'react';
import { Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import type { ConfigChange } from '@shared/contract/work';
import { useCan, useSession } from '../../../session/session-context';
import { QueryError } from '../../../ui/QueryError';
import { useNow } from '../../../ui/use-now';
import { ViewHeader } from '../../../ui/ViewHeader';
import { ChangeCard } from './ChangeCard';
import { byUrgency, STATUS_FILTERS, type StatusFilter } from './change-words';
import { DecideChangeModal, type Decision } from './DecideChangeModal';
import { decisionBlockedBecause } from './decision-block';
import { useChanges } from './use-changes';

const EMPTY: Record<StatusFilter, string> = {
  pending:
    'No change waits for approval. Deployments, role grants, calendars and conflict-matrix edits appear here when a second admin must approve them; on a site with a single active admin they apply at once.',
  approved: 'No change has been approved yet.',
  rejected: 'No change has been rejected.',
  superseded: 'No change has been superseded (replaced by a newer request for the same thing before anyone decided it).',
  all: 'No configuration change has been requested yet.',
};

/**
 * Admin › Pending changes: configuration changes under four-eyes control. Pending ones come
 * first; another admin approves or rejects them here, the requester sees them waiting.
 */
export function ChangesView() {
  const can = useCan();
  const me = useSession().user;
  const now = useNow();
  const [status, setStatus] = useState<StatusFilter>('pending');
  const [deciding, setDeciding] = useState<{ change: ConfigChange; decision: Decision } | null>(null);
  const changes = useChanges(status);
  const items = [...(changes.data?.items ?? [])].sort(byUrgency);
  const pending = items.filter((c) => c.status === 'pending').length;

  return (
    <>
      <ViewHeader
        title="Pending changes"
        subtitle={
          changes.data
            ? `${items.length} ${status === 'all' ? '' : `${status} `}change${items.length === 1 ? '' : 's'}${status === 'all' ? ` (${pending} pending)` : ''} · updates live`
            : undefined
        }
        actions={
          <SegmentedControl
            aria-label="Change status"
            value={status}
            onChange={(value) => setStatus(value as StatusFilter)}
            data={STATUS_FILTERS.map((value) => ({ value, label: value[0]!.toUpperCase() + value.slice(1) }))}
          />
        }
      />
      {changes.isPending && <Loader size="sm" aria-label="Loading changes" />}
      {changes.error && <QueryError error={changes.error} onRetry={() => void changes.refetch()} />}
      {changes.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {EMPTY[status]}
        </Text>
      )}
      <Stack gap="sm" aria-label="Configuration changes" component="section">
        {items.map((change) => (
          <ChangeCard
            key={change.id}
            change={change}
            now={now}
            canDecide={can('config.approve')}
            blockedBecause={decisionBlockedBecause(change, me)}
            onDecide={(decision) => setDeciding({ change, decision })}
          />
        ))}
      </Stack>
      {deciding && <DecideChangeModal change={deciding.change} decision={deciding.decision} onClose={() => setDeciding(null)} />}
    </>
  );
}
