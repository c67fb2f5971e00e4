import './notifications.css';
import { useState } from 'react';
import { ActionIcon, Indicator, Popover } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import type { ApiError } from '../../api/api-error';
import { notifyError } from '../../ui/notify';
import { NotificationList } from './NotificationList';
import type { NotificationView } from './NotificationItem';
import { useMarkAllRead, useMarkRead, useNotifications } from './use-notifications';

/**
 * The header's bell: the unread count on it (also in its accessible name), and the newest
 * notifications in a popover. Opening one follows its link and marks it read.
 */
export function NotificationBell() {
  const [opened, setOpened] = useState(false);
  const [markingAll, setMarkingAll] = useState(false);
  const list = useNotifications();
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const unread = list.data?.unread ?? 0;

  const open = (n: NotificationView) => {
    setOpened(false);
    if (!n.read) markRead.mutate({ ids: [n.id] }, { onError: (error) => notifyError(error) });
  };
  const markAll = async () => {
    setMarkingAll(true);
    try {
      await markAllRead();
    } catch (error) {
      notifyError(error as ApiError);
    } finally {
      setMarkingAll(false);
    }
  };

  // The count is in the button's name; the badge repeats it for the eye only.
  return (
    <Indicator
      label={unread > 99 ? '99+' : unread}
      disabled={unread === 0}
      size={16}
      offset={5}
      color="red"
      attributes={{ indicator: { 'aria-hidden': true } }}
    >
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md" withinPortal>
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
            onClick={() => setOpened((o) => !o)}
          >
            <IconBell size={19} stroke={1.7} />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p={0}>
          <NotificationList
            items={list.data?.items}
            unread={unread}
            loading={list.isPending}
            error={list.error}
            markingAll={markingAll}
            onOpen={open}
            onMarkAll={() => void markAll()}
          />
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
