import { Anchor, Group, Paper, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ScheduleSummary } from '@shared/contract/schedules';
import { formatTime } from '../../ui/format';
import { calendarPath } from './paths';
import { ScheduleStatusBadge } from './ScheduleStatusBadge';
import { ZonedTime } from './ZonedTime';

const MISFIRE_WORDS: Record<string, string> = { 'run-once': 'run once', 'run-all': 'run each', skip: 'skip' };

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" lh={1.2}>
        {label}
      </Text>
      <Text size="sm" lh={1.4} component="div">
        {children}
      </Text>
    </div>
  );
}

/** A schedule at a glance: status (and why paused), next fire, workflow, calendar, policies and who changed it last. */
export function ScheduleFacts({ schedule }: { schedule: ScheduleSummary }) {
  const { definition } = schedule;
  const { spec, cutoff, misfire } = definition;
  return (
    <Paper withBorder radius="sm" px="sm" py={8} mb="md" component="section" aria-label="Schedule details">
      <Group gap="xl" wrap="wrap" align="flex-start">
        <Fact label="Status">
          <ScheduleStatusBadge schedule={schedule} size="md" />
        </Fact>
        <Fact label="Next fire">
          {schedule.nextFireAt ? <ZonedTime at={schedule.nextFireAt} zone={spec.zone} /> : <span data-testid="no-next-fire">none while {schedule.status}</span>}
        </Fact>
        <Fact label="Workflow">
          <Anchor component={Link} to={`/workflows/${encodeURIComponent(definition.workflow)}`} size="sm" fw={600}>
            {definition.workflow}
          </Anchor>
        </Fact>
        <Fact label="Calendar">
          <Anchor component={Link} to={calendarPath(spec.calendar)} size="sm">
            {spec.calendar}
          </Anchor>
        </Fact>
        <Fact label="Missed times · overlap">
          {MISFIRE_WORDS[misfire.policy]}
          {misfire.policy === 'run-all' ? ` (up to ${misfire.cap})` : ''} · {definition.overlap}
        </Fact>
        <Fact label="Cut-off">
          {cutoff
            ? `${cutoff.time}${cutoff.dayOffset > 0 ? ` + ${cutoff.dayOffset} d` : ''}, alert ${cutoff.alertMinutesBefore} min before · owner ${definition.ownerRole}`
            : `none · owner ${definition.ownerRole}`}
        </Fact>
        <Fact label="Changed">
          <span className="tabular">{formatTime(schedule.updatedAt)}</span> by {schedule.updatedBy} · revision {schedule.revision}
        </Fact>
      </Group>
      {schedule.pausedReason && (
        <Text size="sm" mt={6}>
          <Text span size="xs" c="dimmed">
            Paused because:{' '}
          </Text>
          {schedule.pausedReason}
        </Text>
      )}
      {schedule.description && (
        <Text size="sm" c="dimmed" mt={6}>
          {schedule.description}
        </Text>
      )}
    </Paper>
  );
}
