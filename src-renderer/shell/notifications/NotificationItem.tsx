import { Box, Group, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import type { OpOutput } from '@shared/contract';
import { formatTime } from '../../ui/format';
import { formatAge } from '../../ui/use-now';
import { consoleRoute } from './notification-link';

export type NotificationView = OpOutput<'notifications.list'>['items'][number];

function age(iso: string, now: number): string {
  const text = formatAge(iso, now);
  return text === 'just now' ? text : `${text} ago`;
}

/**
 * One notification: unread ones are marked by a dot and bold title. With a link it is a link
 * into the console (opening it marks it read); without one, a button that only marks it read.
 */
export function NotificationItem({ notification: n, now, onOpen }: { notification: NotificationView; now: number; onOpen: (n: NotificationView) => void }) {
  const route = consoleRoute(n.link);
  const content = (
    <Group gap={8} wrap="nowrap" align="flex-start">
      <Box
        aria-hidden
        mt={6}
        w={8}
        h={8}
        style={{ flexShrink: 0, borderRadius: '50%', background: n.read ? 'transparent' : 'var(--mantine-primary-color-filled)' }}
      />
      <div style={{ minWidth: 0 }}>
        <Text size="sm" fw={n.read ? 400 : 600} lh={1.3}>
          {!n.read && <VisuallyHidden>Unread: </VisuallyHidden>}
          {n.title}
        </Text>
        {n.body && (
          <Text size="xs" c="dimmed" lineClamp={2}>
            {n.body}
          </Text>
        )}
        <Text size="xs" c="dimmed" title={formatTime(n.createdAt)} className="tabular">
          {age(n.createdAt, now)}
        </Text>
      </div>
    </Group>
  );
  const style = { display: 'block', width: '100%', padding: '8px 12px', borderRadius: 'var(--mantine-radius-sm)' };
  return (
    <li data-notification={n.id} data-read={n.read}>
      {route ? (
        <UnstyledButton component={Link} to={route} onClick={() => onOpen(n)} style={style} className="cl-notification">
          {content}
        </UnstyledButton>
      ) : (
        <UnstyledButton onClick={() => onOpen(n)} style={style} className="cl-notification" disabled={n.read}>
          {content}
        </UnstyledButton>
      )}
    </li>
  );
}
