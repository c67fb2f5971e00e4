import { useState } from 'react';
import { Group, Loader, Select, Text } from '@mantine/core';
import type { CalendarSummary } from '@shared/contract/schedules';
import { useOp } from '../../api/hooks';
import { QueryError } from '../../ui/QueryError';
import { HolidayTable } from './HolidayTable';
import { todayLocal } from './time';

function yearsOf(calendar: CalendarSummary): string[] {
  const first = Number(calendar.firstHoliday?.slice(0, 4));
  const last = Number(calendar.lastHoliday?.slice(0, 4));
  if (!first || !last) return [];
  return Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
}

/**
 * A calendar's holidays one year at a time (a yearly rule in an iCalendar file runs to 2099),
 * starting at this year when the calendar has holidays in it.
 */
export function HolidaysByYear({ calendar }: { calendar: CalendarSummary }) {
  const years = yearsOf(calendar);
  const thisYear = todayLocal().slice(0, 4);
  const [year, setYear] = useState(years.includes(thisYear) ? thisYear : (years[0] ?? thisYear));
  const holidays = useOp('calendars.get', { name: calendar.name, from: `${year}-01-01`, to: `${year}-12-31` }, { enabled: years.length > 0 });

  if (years.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No holidays: only the weekend is closed.
      </Text>
    );
  }
  return (
    <>
      <Group mb={6}>
        <Select aria-label="Year" data={years} value={year} onChange={(value) => value && setYear(value)} allowDeselect={false} w={120} />
        {holidays.data && (
          <Text size="xs" c="dimmed">
            {holidays.data.holidays.length} in {year}
          </Text>
        )}
      </Group>
      {holidays.error && <QueryError error={holidays.error} onRetry={() => void holidays.refetch()} />}
      {holidays.isPending && <Loader size="sm" aria-label="Loading holidays" />}
      {holidays.data && <HolidayTable holidays={holidays.data.holidays} label={`Holidays in ${year}`} maxHeight={480} />}
    </>
  );
}
