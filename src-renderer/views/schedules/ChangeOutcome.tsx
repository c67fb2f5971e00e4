import { Alert, Text } from '@mantine/core';
import { IconCircleCheck, IconClockHour4 } from '@tabler/icons-react';
import type { CalendarImportResult } from '@shared/contract/schedules';

/**
 * Where a calendar change stands: applied at once (a site with one admin), or waiting for a
 * second admin's approval (four eyes), with the change to approve.
 */
export function ChangeOutcome({ name, result }: { name: string; result: CalendarImportResult }) {
  if (result.status === 'pending-approval') {
    return (
      <Alert color="blue" variant="light" icon={<IconClockHour4 size={18} />} title="Waiting for a second admin’s approval" role="status">
        <Text size="sm">
          The change to {name} is recorded but not applied: another admin approves it under Admin › Pending changes (change{' '}
          <span className="mono">{result.changeId}</span>). Until then, schedules keep counting in the calendar as it was.
        </Text>
      </Alert>
    );
  }
  return (
    <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title={`Applied: ${name} is up to date`} role="status">
      <Text size="sm">
        {result.holidays.length} holiday{result.holidays.length === 1 ? '' : 's'}. Schedules that use it count in it from now on.
      </Text>
    </Alert>
  );
}
