import { Badge, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { UserSummary } from '@shared/domain/users';
import { formatTime } from '../../../ui/format';
import { HEADER_HEIGHT } from '../../../ui/layout';
import { UserActions } from './UserActions';
import type { RowAction, UserAction } from './user-actions';

/** One row per user: identity, roles, and the account states an admin acts on. */
export function UsersTable({
  users,
  pendingRoles,
  actionsFor,
  onAction,
}: {
  users: readonly UserSummary[];
  /** Roles waiting for a second admin's approval, by username. */
  pendingRoles: ReadonlyMap<string, readonly string[]>;
  actionsFor: (user: UserSummary) => RowAction[];
  onAction: (user: UserSummary, action: UserAction) => void;
}) {
  return (
    <Table striped highlightOnHover withTableBorder stickyHeader stickyHeaderOffset={HEADER_HEIGHT} aria-label="Users">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Username</Table.Th>
          <Table.Th>Name</Table.Th>
          <Table.Th>Roles</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Last sign-in</Table.Th>
          <Table.Th w={44}>
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {users.map((user) => (
          <Table.Tr key={user.id}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {user.username}
              </Text>
            </Table.Td>
            <Table.Td>{user.displayName}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                {user.roles.map((role) => (
                  <Badge key={role} variant="light">
                    {role}
                  </Badge>
                ))}
              </Group>
              {pendingRoles.has(user.username) && (
                <Text size="xs" c="dimmed" mt={2}>
                  awaiting approval: {pendingRoles.get(user.username)?.join(', ') || 'no roles'}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <Badge variant="dot" color={user.status === 'active' ? 'teal' : 'gray'}>
                  {user.status}
                </Badge>
                {user.locked && (
                  <Badge color="red" variant="light">
                    locked
                  </Badge>
                )}
                {user.mustChangePassword && (
                  <Badge color="yellow" variant="light">
                    temporary password
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td className="tabular">
              {user.lastSignInAt ? (
                formatTime(user.lastSignInAt)
              ) : (
                <Text span size="sm" c="dimmed">
                  never
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <UserActions user={user} actions={actionsFor(user)} onAction={(action) => onAction(user, action)} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
