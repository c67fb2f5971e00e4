import { Avatar, Badge, Group, Kbd, Menu, Text, UnstyledButton, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { IconBeach, IconChevronDown, IconKey, IconKeyboard, IconLock, IconLogout, IconMoon, IconSun } from '@tabler/icons-react';
import { useSession, useSessionControls } from '../session/session-context';
import { initials } from '../ui/format';
import { LOCK_KEYS } from './use-shortcuts';

/**
 * Who is signed in, and what they do with their own session: theme, password, out of office,
 * shortcuts, lock, sign out. The button's accessible name is the user's display name, as shown.
 */
export function UserMenu({
  onChangePassword,
  onShortcuts,
  onOutOfOffice,
}: {
  onChangePassword: () => void;
  onShortcuts: () => void;
  /** Absent for those who hold no tasks to hand over (no task.work). */
  onOutOfOffice?: () => void;
}) {
  const session = useSession();
  const { lockNow, signOut } = useSessionControls();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const { user } = session;
  const next = scheme === 'dark' ? 'light' : 'dark';

  return (
    <Menu position="bottom-end" width={260}>
      <Menu.Target>
        <UnstyledButton px={6} py={4} style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
          <Group gap={8} wrap="nowrap">
            <Avatar size={26} radius="xl" color="ledger" aria-hidden>
              {initials(user.displayName)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="xs">
              {user.displayName}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)">
            {user.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            {user.username}
          </Text>
          <Group gap={4} mt={6}>
            {user.roles.map((role) => (
              <Badge key={role} variant="light">
                {role}
              </Badge>
            ))}
          </Group>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={next === 'dark' ? <IconMoon size={16} /> : <IconSun size={16} />} onClick={() => setColorScheme(next)}>
          {next === 'dark' ? 'Switch to dark theme' : 'Switch to light theme'}
        </Menu.Item>
        <Menu.Item leftSection={<IconKey size={16} />} onClick={onChangePassword}>
          Change password
        </Menu.Item>
        {onOutOfOffice && (
          <Menu.Item leftSection={<IconBeach size={16} />} onClick={onOutOfOffice}>
            Out of office…
          </Menu.Item>
        )}
        <Menu.Item leftSection={<IconKeyboard size={16} />} rightSection={<Kbd size="xs">?</Kbd>} onClick={onShortcuts}>
          Keyboard shortcuts
        </Menu.Item>
        <Menu.Item leftSection={<IconLock size={16} />} rightSection={<Kbd size="xs">{LOCK_KEYS.join('+')}</Kbd>} onClick={lockNow}>
          Lock now
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => void signOut()}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
