import { Alert, Text } from '@mantine/core';
import { IconShieldX } from '@tabler/icons-react';
import { PERMISSIONS } from '@shared/permissions';
import { useSession } from '../session/session-context';
import { ViewHeader } from '../ui/ViewHeader';
import type { ViewDef } from './views';

/** A view opened by address without the permission that shows it in the navigation. */
export function NoAccess({ view }: { view: ViewDef }) {
  const { user } = useSession();
  return (
    <>
      <ViewHeader title={view.label} />
      <Alert color="orange" variant="light" icon={<IconShieldX size={18} />} title={`You do not have access to ${view.label}`} maw={640}>
        <Text size="sm">
          It needs the permission “{view.permission}” ({PERMISSIONS[view.permission]}), which your roles ({user.roles.join(', ')}) do not include. Ask an
          administrator if your work needs it.
        </Text>
      </Alert>
    </>
  );
}

/** Signed in with roles that open no view at all (possible with site-defined roles). */
export function NoViews() {
  const { user } = useSession();
  return (
    <>
      <ViewHeader title="Nothing to show" />
      <Text size="sm">Your roles ({user.roles.join(', ')}) do not include any view of this console. Ask an administrator if your work needs one.</Text>
    </>
  );
}
