import { Button, Divider, Group, Loader, ScrollArea, Stack, Text } from '@mantine/core';
import type { ApiError } from '../../api/api-error';
import { useNow } from '../../ui/use-now';
import { NotificationItem, type NotificationView } from './NotificationItem';

/** The bell's panel: a heading with "Mark all read", then the newest notifications. */
export function NotificationList({
  items,
  unread,
  loading,
  error,
  markingAll,
  onOpen,
  onMarkAll,
}: {
  items: readonly NotificationView[] | undefined;
  unread: number;
  loading: boolean;
  error: ApiError | null;
  markingAll: boolean;
  onOpen: (n: NotificationView) => void;
  onMarkAll: () => void;
}) {
  const now = useNow(30_000);
  return (
    <>
      <Group justify="space-between" px="sm" py={8} wrap="nowrap">
        <Text size="sm" fw={600} id="notifications-heading">
          Notifications{unread > 0 ? ` · ${unread} unread` : ''}
        </Text>
        <Button size="compact-xs" variant="subtle" onClick={onMarkAll} disabled={unread === 0} loading={markingAll}>
          Mark all read
        </Button>
      </Group>
      <Divider />
      {loading && <Loader size="xs" m="sm" aria-label="Loading notifications" />}
      {error && (
        <Text size="sm" c="red" p="sm" role="alert">
          Could not load notifications: {error.message}
        </Text>
      )}
      {items && items.length === 0 && (
        <Text size="sm" c="dimmed" p="sm">
          Nothing new. Work assigned to your roles, escalations and configuration changes waiting for your approval are announced here.
        </Text>
      )}
      {items && items.length > 0 && (
        <ScrollArea.Autosize mah={420} type="auto">
          <Stack gap={0} p={4} component="ul" aria-labelledby="notifications-heading" style={{ listStyle: 'none', margin: 0 }}>
            {items.map((n) => (
              <NotificationItem key={n.id} notification={n} now={now} onOpen={onOpen} />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </>
  );
}
