import { Alert, Anchor, List, Text } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useOp } from '../../api/hooks';
import { useCan } from '../../session/session-context';
import { formatTime } from '../../ui/format';
import { useThrottledRefetch } from '../../ui/use-live-refresh';

/** Where another admin approves configuration changes (the core's notifications link there too). */
const PENDING_CHANGES_PATH = '/admin/changes';

/**
 * Calendar imports and combinations recorded but not yet in force, because a second admin
 * has not approved them: until then schedules count in the calendars as they were. Shown to
 * those who may read configuration changes; it follows approvals and rejections live.
 */
export function PendingCalendarChanges() {
  const can = useCan();
  const allowed = can('user.read');
  const changes = useOp('changes.list', { status: 'pending' }, { enabled: allowed });
  useThrottledRefetch('changes.changed', () => [['changes.list']], 750, allowed);
  const pending = (changes.data?.items ?? []).filter((c) => c.kind === 'calendar');
  if (pending.length === 0) return null;
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<IconClockHour4 size={18} />}
      title={`${pending.length} calendar change${pending.length === 1 ? '' : 's'} waiting for a second admin`}
      mb="md"
      // A landmark named by its title (the alert's aria-labelledby), not an announcement.
      role="region"
    >
      <List size="sm" spacing={2}>
        {pending.map((c) => (
          <List.Item key={c.id} data-change={c.id}>
            {c.summary}{' '}
            <Text span size="xs" c="dimmed" className="tabular">
              · requested by {c.requestedBy}, {formatTime(c.requestedAt)}
            </Text>
          </List.Item>
        ))}
      </List>
      <Text size="xs" mt={6}>
        Another admin approves or rejects them under{' '}
        <Anchor component={Link} to={PENDING_CHANGES_PATH} size="xs">
          Admin › Pending changes
        </Anchor>
        ; until then schedules count in the calendars as they are.
      </Text>
    </Alert>
  );
}
