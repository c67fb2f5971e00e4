import { useState } from 'react';
import { Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { z } from 'zod';
import { RoleName } from '@shared/permissions';
import type { UserSummary } from '@shared/domain/users';
import type { ApiError } from '../../../api/api-error';
import { useOpMutation } from '../../../api/hooks';
import { showApiError } from '../../../forms/api-errors';
import { contractResolver } from '../../../forms/resolver';
import { notifySuccess } from '../../../ui/notify';
import { RefusalAlert } from '../../../ui/RefusalAlert';
import { RoleCheckboxes } from './RoleCheckboxes';
import { FormFooter } from '../../../ui/FormFooter';

const schema = z.object({ roles: z.array(RoleName).min(1, { message: 'choose at least one role' }) });

/**
 * Grants and revokes roles. With two or more active admins the change waits for another
 * admin (Admin › Pending changes); the core refuses changing one's own roles and removing
 * the last admin, and such a refusal stays in the dialog with the core's reason.
 */
export function EditRolesModal({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const setRoles = useOpMutation('users.setRoles', { invalidates: ['users.list', 'changes.list'] });
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const form = useForm({ initialValues: { roles: [...user.roles] as RoleName[] }, validate: contractResolver(schema) });
  const submit = form.onSubmit(async ({ roles }) => {
    setRefusal(null);
    try {
      const result = await setRoles.mutateAsync({ userId: user.id, roles });
      notifySuccess(
        result.status === 'applied'
          ? `Roles of ${user.displayName} changed.`
          : `The new roles of ${user.displayName} take effect when a second admin approves them (Admin › Pending changes).`,
      );
      onClose();
    } catch (error) {
      showApiError(form, ['roles'], error as ApiError, setRefusal);
    }
  });
  return (
    <Modal opened onClose={onClose} title={`Roles of ${user.displayName}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Where the site has two or more admins, another admin approves the change before it applies; it then applies to {user.username}&apos;s next call.
            Every request and decision is recorded in the audit trail.
          </Text>
          <RoleCheckboxes {...form.getInputProps('roles')} />
          {refusal && <RefusalAlert error={refusal} title="The roles were not changed" />}
          <FormFooter onBack={onClose} back="Cancel" submit="Save roles" loading={setRoles.isPending} mt="xs" />
        </Stack>
      </form>
    </Modal>
  );
}
