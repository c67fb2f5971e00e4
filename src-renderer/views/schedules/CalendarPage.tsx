import { useState } from 'react';
import { Anchor, Button, Grid, Group, Loader, Paper, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import type { CalendarSummary } from '@shared/contract/schedules';
import { ApiError } from '../../api/api-error';
import { useOp } from '../../api/hooks';
import { useCan } from '../../session/session-context';
import { formatTime } from '../../ui/format';
import { QueryError } from '../../ui/QueryError';
import { ViewHeader } from '../../ui/ViewHeader';
import { CalendarMonth } from './CalendarMonth';
import { Crumbs } from './Crumbs';
import { HolidaysByYear } from './HolidaysByYear';
import { thisMonth } from './month';
import { ImportCalendarModal } from './ImportCalendarModal';
import { Panel } from './Panel';
import { calendarPath, CALENDARS_PATH, SCHEDULES_PATH } from './paths';
import { useCalendarRefresh } from './use-calendar-refresh';
import { describeWeekend } from './weekdays';

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

function CalendarFacts({ calendar }: { calendar: CalendarSummary }) {
  return (
    <Paper withBorder radius="sm" px="sm" py={8} mb="md" component="section" aria-label="Calendar details">
      <Group gap="xl" wrap="wrap" align="flex-start">
        <Fact label="Zone">{calendar.zone}</Fact>
        <Fact label="Weekend">{describeWeekend(calendar.weekend)}</Fact>
        <Fact label="Holidays">
          {calendar.holidayCount}
          {calendar.firstHoliday ? ` (${calendar.firstHoliday} – ${calendar.lastHoliday})` : ''}
        </Fact>
        {calendar.members.length > 0 && (
          <Fact label="Combines">
            <Group gap={8}>
              {calendar.members.map((m) => (
                <Anchor key={m} component={Link} to={calendarPath(m)} size="sm">
                  {m}
                </Anchor>
              ))}
            </Group>
          </Fact>
        )}
        <Fact label="Updated">
          <span className="tabular">{formatTime(calendar.updatedAt)}</span> by {calendar.updatedBy}
        </Fact>
      </Group>
    </Paper>
  );
}

/**
 * One calendar: its facts, a month at a time with weekends and holidays, and its holidays by
 * year; an admin imports more holidays into it from here. The summary comes from the list,
 * which counts a calendar's holidays (calendars.get counts only a combination's).
 */
export function CalendarPage() {
  const { name = '' } = useParams();
  const can = useCan();
  const calendars = useOp('calendars.list', {});
  const [importing, setImporting] = useState(false);
  const [month, setMonth] = useState(thisMonth);
  useCalendarRefresh([['calendars.list'], ['calendars.get'], ['calendars.month']]);
  const calendar = calendars.data?.items.find((c) => c.name === name);
  const trail = [
    { label: 'Schedules', to: SCHEDULES_PATH },
    { label: 'Calendars', to: CALENDARS_PATH },
  ];

  const missing =
    calendars.data && !calendar ? new ApiError({ status: 404, code: 'not_found', message: `There is no calendar "${name}" on this site.` }) : null;
  const error = calendars.error ?? missing;
  if (error || !calendar)
    return (
      <>
        <Crumbs trail={trail} here={name} />
        <ViewHeader title={name} />
        {error ? <QueryError error={error} onRetry={() => void calendars.refetch()} /> : <Loader size="sm" aria-label="Loading calendar" />}
      </>
    );

  return (
    <>
      <Crumbs trail={trail} here={calendar.name} />
      <ViewHeader
        title={calendar.name}
        subtitle={calendar.description || (calendar.members.length > 0 ? `Open only when ${calendar.members.join(' and ')} are all open.` : undefined)}
        actions={
          can('schedule.manage') &&
          calendar.members.length === 0 && (
            <Button leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
              Import holidays
            </Button>
          )
        }
      />
      <CalendarFacts calendar={calendar} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Panel title="Month">
            <CalendarMonth calendar={calendar.name} month={month} onMonthChange={setMonth} />
          </Panel>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Panel title="Holidays">
            <HolidaysByYear calendar={calendar} />
          </Panel>
        </Grid.Col>
      </Grid>
      {importing && <ImportCalendarModal calendar={calendar} onClose={() => setImporting(false)} />}
    </>
  );
}
