import { useState } from 'react';
import { Button, Loader, Text } from '@mantine/core';
import { IconArrowsJoin, IconFileImport } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useOp } from '../../api/hooks';
import { useCan } from '../../session/session-context';
import { QueryError } from '../../ui/QueryError';
import { ViewHeader } from '../../ui/ViewHeader';
import { CalendarsTable } from './CalendarsTable';
import { CombineCalendarModal } from './CombineCalendarModal';
import { ImportCalendarModal } from './ImportCalendarModal';
import { calendarPath } from './paths';
import { PendingCalendarChanges } from './PendingCalendarChanges';
import { SectionTabs } from './SectionTabs';
import { useCalendarRefresh } from './use-calendar-refresh';

/** The business calendars schedules count in: import one from a holiday file, or combine several. */
export function CalendarList() {
  const can = useCan();
  const navigate = useNavigate();
  const calendars = useOp('calendars.list', {});
  const [dialog, setDialog] = useState<'import' | 'combine' | null>(null);
  useCalendarRefresh([['calendars.list']], 750);
  const items = calendars.data?.items ?? [];

  return (
    <>
      <ViewHeader
        title="Calendars"
        subtitle={calendars.data ? `${items.length} business calendar${items.length === 1 ? '' : 's'} · j/k to move, Enter to open` : undefined}
        actions={
          can('schedule.manage') && (
            <>
              <Button variant="default" leftSection={<IconArrowsJoin size={16} />} onClick={() => setDialog('combine')} disabled={items.length < 2}>
                Combine
              </Button>
              <Button leftSection={<IconFileImport size={16} />} onClick={() => setDialog('import')}>
                Import
              </Button>
            </>
          )
        }
      />
      <SectionTabs active="calendars">
        <PendingCalendarChanges />
        {calendars.isPending && <Loader size="sm" aria-label="Loading calendars" />}
        {calendars.error && <QueryError error={calendars.error} onRetry={() => void calendars.refetch()} />}
        {calendars.data && items.length === 0 && (
          <Text size="sm" c="dimmed">
            No business calendar yet.{' '}
            {can('schedule.manage')
              ? 'Import one from an iCalendar (.ics) or CSV holiday file, such as the TARGET2 closing days your treasury publishes.'
              : 'An administrator imports them.'}
          </Text>
        )}
        {items.length > 0 && <CalendarsTable calendars={items} onOpen={(c) => void navigate(calendarPath(c.name))} />}
      </SectionTabs>
      {dialog === 'import' && <ImportCalendarModal onClose={() => setDialog(null)} />}
      {dialog === 'combine' && <CombineCalendarModal onClose={() => setDialog(null)} />}
    </>
  );
}
