import { ActionIcon, Menu, Text } from '@mantine/core';
import { IconDots, IconKey, IconLockOpen, IconUserCheck, IconUserOff, IconUserShield } from '@tabler/icons-react';
import type { UserSummary } from '@shared/domain/users';
import type { RowAction, UserAction } from './user-actions';

const ITEMS: Record<UserAction, { label: string; icon: React.ReactNode; color?: string }> = {
  roles: { label: 'Edit roles', icon: <IconUserShield size={16} /> },
  reset: { label: 'Reset password', icon: <IconKey size={16} /> },
  unlock: { label: 'Unlock', icon: <IconLockOpen size={16} /> },
  enable: { label: 'Enable', icon: <IconUserCheck size={16} /> },
  disable: { label: 'Disable', icon: <IconUserOff size={16} />, color: 'red' },
};

/** The row's menu: permitted actions, and those the core would refuse shown disabled with the reason under them. */
export function UserActions({ user, actions, onAction }: { user: UserSummary; actions: readonly RowAction[]; onAction: (action: UserAction) => void }) {
  if (actions.length === 0) return null;
  return (
    <Menu position="bottom-end" width={260}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${user.username}`}>
          <IconDots size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {actions.map(({ action, blockedBecause }) => {
          const why = `user-${user.id}-${action}-blocked`;
          return (
            <Menu.Item
              key={action}
              leftSection={ITEMS[action].icon}
              {...(ITEMS[action].color ? { color: ITEMS[action].color } : {})}
              disabled={blockedBecause !== null}
              aria-describedby={blockedBecause ? why : undefined}
              onClick={() => onAction(action)}
            >
              {ITEMS[action].label}
              {blockedBecause && (
                <Text size="xs" c="dimmed" id={why}>
                  {blockedBecause}
                </Text>
              )}
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}
