import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconKey, IconLockOpen, IconUserCheck, IconUserOff, IconUserShield } from '@tabler/icons-react';
import type { UserSummary } from '@shared/domain/users';

export type UserAction = 'roles' | 'reset' | 'unlock' | 'disable' | 'enable';

/**
 * The actions this admin may take on one row. Only permitted ones are listed, and none
 * that the core always refuses (changing one's own roles, disabling oneself).
 */
export function availableActions(user: UserSummary, me: string, can: { manage: boolean; grant: boolean }): UserAction[] {
  const actions: UserAction[] = [];
  const self = user.id === me;
  if (can.grant && !self) actions.push('roles');
  if (can.manage) {
    actions.push('reset');
    if (user.locked) actions.push('unlock');
    if (user.status === 'active' && !self) actions.push('disable');
    if (user.status === 'disabled') actions.push('enable');
  }
  return actions;
}

const ITEMS: Record<UserAction, { label: string; icon: React.ReactNode; color?: string }> = {
  roles: { label: 'Edit roles', icon: <IconUserShield size={16} /> },
  reset: { label: 'Reset password', icon: <IconKey size={16} /> },
  unlock: { label: 'Unlock', icon: <IconLockOpen size={16} /> },
  enable: { label: 'Enable', icon: <IconUserCheck size={16} /> },
  disable: { label: 'Disable', icon: <IconUserOff size={16} />, color: 'red' },
};

export function UserActions({ user, actions, onAction }: { user: UserSummary; actions: readonly UserAction[]; onAction: (action: UserAction) => void }) {
  if (actions.length === 0) return null;
  return (
    <Menu position="bottom-end" width={200}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${user.username}`}>
          <IconDots size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {actions.map((action) => (
          <Menu.Item
            key={action}
            leftSection={ITEMS[action].icon}
            {...(ITEMS[action].color ? { color: ITEMS[action].color } : {})}
            onClick={() => onAction(action)}
          >
            {ITEMS[action].label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
