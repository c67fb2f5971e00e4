import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { z } from 'zod';
import { RoleName } from '@shared/permissions';
import type { UserSummary } from '@shared/domain/users';
import type { ApiError } from '../../../api/api-error';
import { useOpMutation } from '../../../api/hooks';
import { showApiError } from '../../../forms/api-errors';
import { contractResolver } from '../../../forms/resolver';
import { notifySuccess } from '../../../ui/notify';
import { RoleCheckboxes } from './RoleCheckboxes';

const schema = z.object({ roles: z.array(RoleName).min(1, { message: 'choose at least one role' }) });

/** Grants and revokes roles; the core refuses changing one's own and removing the last admin. */
export function EditRolesModal({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const setRoles = useOpMutation('users.setRoles', { invalidates: ['users.list'] });
  const form = useForm({ initialValues: { roles: [...user.roles] as RoleName[] }, validate: contractResolver(schema) });
  const submit = form.onSubmit(async ({ roles }) => {
    try {
      const result = await setRoles.mutateAsync({ userId: user.id, roles });
      notifySuccess(
        result.status === 'applied' ? `Roles of ${user.displayName} changed.` : `The new roles of ${user.displayName} await a second admin's approval.`,
      );
      onClose();
    } catch (error) {
      showApiError(form, ['roles'], error as ApiError);
    }
  });
  return (
    <Modal opened onClose={onClose} title={`Roles of ${user.displayName}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Changes apply to {user.username}&apos;s next call; the change is recorded in the audit trail.
          </Text>
          <RoleCheckboxes {...form.getInputProps('roles')} />
          <Group justify="flex-end" gap="xs" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={setRoles.isPending}>
              Save roles
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
