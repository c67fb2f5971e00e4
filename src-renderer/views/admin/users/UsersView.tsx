import { useState } from 'react';
import { Button, Loader, TextInput } from '@mantine/core';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import type { UserSummary } from '@shared/domain/users';
import type { ApiError } from '../../../api/api-error';
import { useOp, useOpMutation, useRefetchOn } from '../../../api/hooks';
import { useCan, useSession } from '../../../session/session-context';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { QueryError } from '../../../ui/QueryError';
import { ViewHeader } from '../../../ui/ViewHeader';
import { pendingRolesByUser } from '../changes/change-details';
import { useChanges } from '../changes/use-changes';
import { AddUserModal } from './AddUserModal';
import { DisableUserModal } from './DisableUserModal';
import { EditRolesModal } from './EditRolesModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { availableActions, type UserAction } from './user-actions';
import { UsersTable } from './UsersTable';

type Dialog = { kind: 'add' } | { kind: 'roles' | 'reset' | 'disable'; user: UserSummary } | null;

/**
 * Admin › Users. The list refreshes after every change made here and whenever the core
 * pushes `users.changed` (another admin's change, a lockout by failed sign-ins). Roles that
 * wait for a second admin are shown next to the roles in force.
 */
export function UsersView() {
  const can = useCan();
  const me = useSession().user.id;
  const users = useOp('users.list', { includeDisabled: true });
  useRefetchOn('users.changed', ['users.list']);
  const pending = pendingRolesByUser(useChanges('pending').data?.items ?? []);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [filter, setFilter] = useState('');
  const unlock = useOpMutation('users.unlock', { invalidates: ['users.list'] });
  const enable = useOpMutation('users.enable', { invalidates: ['users.list'] });
  const rights = { manage: can('user.manage'), grant: can('role.grant') };

  const act = (user: UserSummary, action: UserAction) => {
    if (action === 'unlock' || action === 'enable') {
      const mutation = action === 'unlock' ? unlock : enable;
      mutation.mutate(
        { userId: user.id },
        { onSuccess: () => notifySuccess(`${user.displayName} ${action === 'unlock' ? 'unlocked' : 'enabled'}.`), onError: (e: ApiError) => notifyError(e) },
      );
    } else setDialog({ kind: action, user });
  };

  const needle = filter.trim().toLowerCase();
  const shown = (users.data?.items ?? []).filter((u) => !needle || u.username.toLowerCase().includes(needle) || u.displayName.toLowerCase().includes(needle));

  return (
    <>
      <ViewHeader
        title="Users"
        subtitle={users.data ? `${users.data.items.length} user${users.data.items.length === 1 ? '' : 's'}` : undefined}
        actions={
          <>
            <TextInput
              aria-label="Filter users"
              placeholder="Filter by username or name"
              leftSection={<IconSearch size={14} />}
              value={filter}
              onChange={(e) => setFilter(e.currentTarget.value)}
              w={240}
            />
            {rights.manage && (
              <Button leftSection={<IconUserPlus size={16} />} onClick={() => setDialog({ kind: 'add' })}>
                Add user
              </Button>
            )}
          </>
        }
      />
      {users.isPending && <Loader size="sm" aria-label="Loading users" />}
      {users.error && <QueryError error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && <UsersTable users={shown} pendingRoles={pending} actionsFor={(u) => availableActions(u, me, rights)} onAction={act} />}
      {rights.manage && <AddUserModal opened={dialog?.kind === 'add'} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'roles' && <EditRolesModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'disable' && <DisableUserModal user={dialog.user} onClose={() => setDialog(null)} />}
    </>
  );
}
