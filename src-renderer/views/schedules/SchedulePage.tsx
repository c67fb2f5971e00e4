import { useState } from 'react';
import { Button, Grid, Loader, Text } from '@mantine/core';
import { IconEdit, IconPlayerPause, IconPlayerPlay, IconPlayerTrackNext } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import type { ScheduleSummary } from '@shared/contract/schedules';
import type { ApiError } from '../../api/api-error';
import { opKey, useOp, useOpMutation } from '../../api/hooks';
import { useCan } from '../../session/session-context';
import { notifyError, notifySuccess } from '../../ui/notify';
import { QueryError } from '../../ui/QueryError';
import { useThrottledRefetch } from '../../ui/use-live-refresh';
import { ViewHeader } from '../../ui/ViewHeader';
import { Crumbs } from './Crumbs';
import { NextFireTimes } from './NextFireTimes';
import { Panel } from './Panel';
import { schedulePath, SCHEDULES_PATH } from './paths';
import { historyKey, RunHistory, useRunHistory } from './RunHistory';
import { isRunGoing } from './runs';
import { AFTER_SCHEDULE_CHANGE } from './invalidation';
import { ScheduleCommandModal, type ScheduleCommand } from './ScheduleCommandModal';
import { ScheduleFacts } from './ScheduleFacts';
import { ScheduleMonth } from './ScheduleMonth';
import { useCalendarRefresh } from './use-calendar-refresh';

const NEXT_COUNT = 10;

/** Pause (with a reason) or resume, run now (with a reason), and edit. */
function ScheduleActions({ schedule, onCommand }: { schedule: ScheduleSummary; onCommand: (command: ScheduleCommand) => void }) {
  const resume = useOpMutation('schedules.resume', { invalidates: AFTER_SCHEDULE_CHANGE });
  const doResume = async () => {
    try {
      await resume.mutateAsync({ scheduleId: schedule.id });
      notifySuccess(`Schedule ${schedule.name} resumed.`);
    } catch (error) {
      notifyError(error as ApiError);
    }
  };
  return (
    <>
      <Button variant="default" leftSection={<IconEdit size={16} />} component={Link} to={schedulePath(schedule.id, 'edit')}>
        Edit
      </Button>
      <Button variant="default" leftSection={<IconPlayerTrackNext size={16} />} onClick={() => onCommand('runNow')}>
        Run now
      </Button>
      {schedule.status === 'active' && (
        <Button variant="default" leftSection={<IconPlayerPause size={16} />} onClick={() => onCommand('pause')}>
          Pause
        </Button>
      )}
      {schedule.status === 'paused' && (
        <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => void doResume()} loading={resume.isPending}>
          Resume
        </Button>
      )}
    </>
  );
}

/**
 * One schedule: its facts and actions, the next fire times, a month of its calendar with its
 * fire dates, and its run history. It follows the core live: the schedule's own changes and
 * fires, the instances of runs still going, and calendar changes (which move fire dates).
 */
export function SchedulePage() {
  const { scheduleId = '' } = useParams();
  const can = useCan();
  const getKey = opKey('schedules.get', { scheduleId, next: NEXT_COUNT });
  const query = useOp('schedules.get', { scheduleId, next: NEXT_COUNT });
  const history = useRunHistory(scheduleId);
  const [command, setCommand] = useState<ScheduleCommand | null>(null);
  const schedule = query.data?.schedule;
  const going = new Set((history.data?.pages.flatMap((p) => p.items) ?? []).filter(isRunGoing).map((r) => r.instanceId));

  useThrottledRefetch('schedules.changed', ({ scheduleId: changed }) => (changed === schedule?.id ? [getKey, historyKey(scheduleId)] : null), 300);
  useThrottledRefetch('instances.changed', ({ instanceId }) => (going.has(instanceId) ? [getKey, historyKey(scheduleId)] : null), 300);
  useCalendarRefresh([getKey, ['calendars.month'], ['schedules.preview']]);

  const trail = [{ label: 'Schedules', to: SCHEDULES_PATH }];
  if (query.error)
    return (
      <>
        <Crumbs trail={trail} here={scheduleId} />
        <ViewHeader title="Schedule" />
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  if (!schedule || !query.data)
    return (
      <>
        <Crumbs trail={trail} here={scheduleId} />
        <ViewHeader title="Schedule" />
        <Loader size="sm" aria-label="Loading schedule" />
      </>
    );

  const { spec } = schedule.definition;
  return (
    <>
      <Crumbs trail={trail} here={schedule.name} />
      <ViewHeader
        title={schedule.name}
        subtitle={`Fires ${schedule.describe}`}
        actions={can('schedule.manage') && <ScheduleActions schedule={schedule} onCommand={setCommand} />}
      />
      <ScheduleFacts schedule={schedule} />
      <Grid gap="md" mb="md">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Panel title="Next fire times">
            {schedule.status === 'active' ? (
              <NextFireTimes fires={query.data.next} zone={spec.zone} label="Next fire times" />
            ) : (
              <Text size="sm" c="dimmed">
                Nothing fires while the schedule is {schedule.status}.
              </Text>
            )}
          </Panel>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Panel title={`Calendar ${spec.calendar}`}>
            <ScheduleMonth spec={spec} />
          </Panel>
        </Grid.Col>
      </Grid>
      <Panel title="Run history">
        <RunHistory history={history} zone={spec.zone} />
      </Panel>
      {command && <ScheduleCommandModal schedule={schedule} command={command} onClose={() => setCommand(null)} />}
    </>
  );
}
