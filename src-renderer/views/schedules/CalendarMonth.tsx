import { ActionIcon, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import type { FireTime } from '@shared/contract/schedules';
import { useOp } from '../../api/hooks';
import { QueryError } from '../../ui/QueryError';
import { shiftMonth, thisMonth, type Month } from './month';
import { MonthGrid, MonthLegend } from './MonthGrid';
import { monthTitle } from './time';

/**
 * A month of a calendar with previous/next navigation; given a schedule's fire times (by
 * local date, in `zone`), the days it fires on are marked.
 */
export function CalendarMonth({
  calendar,
  month,
  onMonthChange,
  fires,
  zone,
  note,
}: {
  calendar: string;
  month: Month;
  onMonthChange: (month: Month) => void;
  fires?: ReadonlyMap<string, readonly FireTime[]>;
  zone?: string;
  /** Said under the grid, e.g. that not every fire could be marked. */
  note?: string | null;
}) {
  const days = useOp('calendars.month', { name: calendar, ...month });
  const title = monthTitle(month.year, month.month);
  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="xs">
        <Group gap={4}>
          <ActionIcon variant="default" aria-label="Previous month" onClick={() => onMonthChange(shiftMonth(month, -1))}>
            <IconChevronLeft size={16} />
          </ActionIcon>
          <ActionIcon variant="default" aria-label="Next month" onClick={() => onMonthChange(shiftMonth(month, 1))}>
            <IconChevronRight size={16} />
          </ActionIcon>
          <Title order={3} size="h5" ml={6} aria-live="polite">
            {title}
          </Title>
        </Group>
        <Button variant="subtle" size="compact-xs" onClick={() => onMonthChange(thisMonth())}>
          This month
        </Button>
      </Group>
      {days.error && <QueryError error={days.error} onRetry={() => void days.refetch()} />}
      {days.isPending && <Loader size="sm" aria-label="Loading the month" />}
      {days.data && <MonthGrid days={days.data.days} fires={fires} zone={zone} label={`${title} in ${calendar}`} />}
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
      <MonthLegend withFires={fires !== undefined} />
    </Stack>
  );
}
