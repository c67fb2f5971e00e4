import { NavLink as MantineNavLink, Stack } from '@mantine/core';
import { NavLink, useLocation } from 'react-router';
import type { ViewDef } from './views';

/** The views this user may open; the others are not shown at all (the core refuses them anyway). */
export function Navigation({ views, onNavigate }: { views: readonly ViewDef[]; onNavigate: () => void }) {
  const { pathname } = useLocation();
  return (
    <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {views.map((view) => {
        const Icon = view.icon;
        const section = `/${view.path.split('/')[1] ?? ''}`;
        return (
          <li key={view.key}>
            <MantineNavLink
              component={NavLink}
              to={view.path}
              label={view.label}
              leftSection={<Icon size={17} stroke={1.7} aria-hidden />}
              active={pathname === section || pathname.startsWith(`${section}/`)}
              onClick={onNavigate}
              style={{ borderRadius: 'var(--mantine-radius-sm)' }}
            />
          </li>
        );
      })}
    </Stack>
  );
}
