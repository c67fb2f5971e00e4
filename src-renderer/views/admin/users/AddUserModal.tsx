import { Button, Group, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { contract } from '@shared/contract';
import type { RoleName } from '@shared/permissions';
import type { ApiError } from '../../../api/api-error';
import { useOpMutation } from '../../../api/hooks';
import { showApiError } from '../../../forms/api-errors';
import { PASSWORD_HINT } from '../../../forms/password-rules';
import { contractResolver } from '../../../forms/resolver';
import { notifySuccess } from '../../../ui/notify';
import { RoleCheckboxes } from './RoleCheckboxes';

const FIELDS = ['username', 'displayName', 'roles', 'temporaryPassword'];

/** Adds a user with a temporary password, which they must change at first sign-in. */
export function AddUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useOpMutation('users.create', { invalidates: ['users.list', 'changes.list'] });
  const form = useForm({
    initialValues: { username: '', displayName: '', roles: [] as RoleName[], temporaryPassword: '' },
    validate: contractResolver(contract['users.create'].input),
  });
  const close = () => {
    form.reset();
    onClose();
  };
  const submit = form.onSubmit(async (values) => {
    try {
      const { user, status } = await create.mutateAsync(values);
      const roles = status === 'applied' ? '' : ' Their roles take effect when a second admin approves the change (Admin › Pending changes).';
      notifySuccess(`${user.displayName} (${user.username}) added. Give them the temporary password; they choose their own at first sign-in.${roles}`);
      close();
    } catch (error) {
      showApiError(form, FIELDS, error as ApiError);
    }
  });

  return (
    <Modal opened={opened} onClose={close} title="Add user" size="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label="Username" autoComplete="off" spellCheck={false} data-autofocus {...form.getInputProps('username')} />
          <TextInput label="Display name" autoComplete="off" {...form.getInputProps('displayName')} />
          <RoleCheckboxes {...form.getInputProps('roles')} />
          <PasswordInput label="Temporary password" description={PASSWORD_HINT} autoComplete="new-password" {...form.getInputProps('temporaryPassword')} />
          <Group justify="flex-end" gap="xs" mt="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
