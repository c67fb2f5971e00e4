import type { ReactNode } from 'react';
import { Alert, Select, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useOp } from '../../api/hooks';
import { useCan, useSession } from '../../session/session-context';

/**
 * Picks the colleague who stands in: an active user other than oneself, from the users the
 * caller may see. Without user.read nobody can be looked up, and the field says so and what
 * to do instead rather than offering an empty list.
 */
export function ColleagueSelect(props: { value: string | null; onChange: (value: string | null, name: string | null) => void; error?: ReactNode }) {
  const can = useCan();
  const me = useSession().user.id;
  const permitted = can('user.read');
  const users = useOp('users.list', { includeDisabled: false }, { enabled: permitted });

  if (!permitted || users.error?.status === 403)
    return (
      <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} title="Choosing a colleague is not available to your roles">
        <Text size="sm">
          Your roles do not let you look up other users, so you cannot name a stand-in here. Ask a supervisor to reassign your open tasks while you are away;
          they can also be given back when you return.
        </Text>
      </Alert>
    );

  const data = (users.data?.items ?? [])
    .filter((u) => u.id !== me && u.status === 'active')
    .map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }));
  return (
    <Select
      label="Colleague who stands in"
      description="They can claim, work and decide the tasks assigned or named to you, under their own name."
      placeholder={users.isPending ? 'Loading users…' : 'Choose a colleague'}
      data={data}
      searchable
      nothingFoundMessage="No active user matches"
      required
      data-autofocus
      value={props.value}
      onChange={(value, option) => props.onChange(value, option?.label ?? null)}
      error={props.error ?? (users.error ? `Could not load users: ${users.error.message}` : undefined)}
    />
  );
}
