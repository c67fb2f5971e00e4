import { Button, Loader, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useOp } from '../../api/hooks';
import { useCan } from '../../session/session-context';
import { QueryError } from '../../ui/QueryError';
import { useThrottledRefetch } from '../../ui/use-live-refresh';
import { ViewHeader } from '../../ui/ViewHeader';
import { schedulePath, SCHEDULES_PATH } from './paths';
import { isRunGoing } from './runs';
import { SchedulesTable } from './SchedulesTable';
import { SectionTabs } from './SectionTabs';

/**
 * Schedules: what fires when, in words, and how the last run went. Refreshed when a schedule
 * changes or fires, and when the instance of a last run moves on (the core announces that as
 * an instance change, not a schedule change).
 */
export function ScheduleList() {
  const can = useCan();
  const navigate = useNavigate();
  // Pushed events keep it live; a slow poll covers an event missed while a last run is going.
  const schedules = useOp(
    'schedules.list',
    {},
    { refetchInterval: (q) => (q.state.data?.items.some((s) => s.lastRun && isRunGoing(s.lastRun)) ? 10_000 : false) },
  );
  const items = schedules.data?.items ?? [];
  useThrottledRefetch('schedules.changed', () => [['schedules.list']]);
  useThrottledRefetch('instances.changed', ({ instanceId }) =>
    items.some((s) => s.lastRun?.instanceId === instanceId && isRunGoing(s.lastRun)) ? [['schedules.list']] : null,
  );
  const atRisk = items.filter((s) => s.atRisk).length;

  return (
    <>
      <ViewHeader
        title="Schedules"
        subtitle={
          schedules.data
            ? `${items.length} schedule${items.length === 1 ? '' : 's'}${atRisk > 0 ? ` · ${atRisk} at risk` : ''} · updates live · j/k to move, Enter to open`
            : undefined
        }
        actions={
          can('schedule.manage') && (
            <Button component={Link} to={`${SCHEDULES_PATH}/new`} leftSection={<IconPlus size={16} />}>
              New schedule
            </Button>
          )
        }
      />
      <SectionTabs active="schedules">
        {schedules.isPending && <Loader size="sm" aria-label="Loading schedules" />}
        {schedules.error && <QueryError error={schedules.error} onRetry={() => void schedules.refetch()} />}
        {schedules.data && items.length === 0 && (
          <Text size="sm" c="dimmed">
            No schedule yet.{' '}
            {can('schedule.manage')
              ? 'Create one with New schedule: it starts a deployed workflow on the dates of a rule, in the business calendar you choose (import one under Calendars first).'
              : 'An administrator creates them.'}
          </Text>
        )}
        {items.length > 0 && <SchedulesTable schedules={items} onOpen={(s) => void navigate(schedulePath(s.id))} />}
      </SectionTabs>
    </>
  );
}
