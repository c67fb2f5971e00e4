import { useState } from 'react';
import { AppShell, Burger, Group, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import { useCan, useSession, useSessionControls } from '../session/session-context';
import { Brand } from '../ui/Brand';
import { HEADER_HEIGHT } from '../ui/layout';
import { AppRoutes } from './AppRoutes';
import { ChangePasswordModal } from './ChangePasswordModal';
import { Navigation } from './Navigation';
import { NotificationBell } from './notifications/NotificationBell';
import { OutOfOfficeModal } from './out-of-office/OutOfOfficeModal';
import { ShortcutHelp } from './ShortcutHelp';
import { useShortcuts } from './use-shortcuts';
import { UserMenu } from './UserMenu';
import { VIEWS } from './views';

/**
 * The signed-in console: header (site, user menu), navigation of the views the user may
 * open, and the routed view. It stays mounted under the lock screen (`active` false), so
 * the keyboard is switched off then, and unlocking returns to the same page as it was.
 */
export function AppFrame({ active }: { active: boolean }) {
  const { siteName, lockNow } = useSessionControls();
  const session = useSession();
  const can = useCan();
  const navigate = useNavigate();
  const [navOpen, nav] = useDisclosure(false);
  const [help, setHelp] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  const [away, setAway] = useState(false);
  const views = VIEWS.filter((v) => can(v.permission));

  useShortcuts(active, {
    go: (letter) => {
      const view = views.find((v) => v.shortcut === letter);
      if (view) void navigate(view.path);
    },
    help: () => setHelp(true),
    lock: lockNow,
  });

  return (
    <AppShell header={{ height: HEADER_HEIGHT }} navbar={{ width: 208, breakpoint: 'sm', collapsed: { mobile: !navOpen } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpen} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Brand siteName={siteName} />
          </Group>
          <Group gap={4} wrap="nowrap">
            <NotificationBell />
            <UserMenu
              onChangePassword={() => setChangingPassword(true)}
              onShortcuts={() => setHelp(true)}
              onOutOfOffice={can('task.work') ? () => setAway(true) : undefined}
            />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          <Navigation views={views} onNavigate={nav.close} />
        </AppShell.Section>
        <AppShell.Section pt="xs" px={6}>
          <Text size="xs" c="dimmed">
            Press <b>?</b> for keyboard shortcuts
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <AppRoutes views={views} key={session.user.id} />
      </AppShell.Main>
      <ShortcutHelp opened={help} onClose={() => setHelp(false)} views={views} />
      <ChangePasswordModal opened={changingPassword} onClose={() => setChangingPassword(false)} />
      <OutOfOfficeModal opened={away} onClose={() => setAway(false)} />
    </AppShell>
  );
}
