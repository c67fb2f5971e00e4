import type { ReactNode } from 'react';
import { Alert, Text } from '@mantine/core';
import { IconShieldX } from '@tabler/icons-react';
import { PERMISSIONS } from '@shared/permissions';
import { useCan, useSession } from '../../session/session-context';

/**
 * A page that changes schedules, opened by address by someone who may only see them: say
 * so up front instead of showing a form the core would refuse.
 */
export function ManageOnly({ children }: { children: ReactNode }) {
  const can = useCan();
  const { user } = useSession();
  if (can('schedule.manage')) return <>{children}</>;
  return (
    <Alert color="orange" variant="light" icon={<IconShieldX size={18} />} title="You may see schedules but not change them" maw={640}>
      <Text size="sm">
        Creating and changing schedules needs the permission “schedule.manage” ({PERMISSIONS['schedule.manage']}), which your roles ({user.roles.join(', ')}) do
        not include.
      </Text>
    </Alert>
  );
}
