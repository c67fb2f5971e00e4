import { Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { z } from 'zod';
import { Password, type UserSummary } from '@shared/domain/users';
import type { ApiError } from '../../../api/api-error';
import { useOpMutation } from '../../../api/hooks';
import { showApiError } from '../../../forms/api-errors';
import { PASSWORD_HINT } from '../../../forms/password-rules';
import { contractResolver } from '../../../forms/resolver';
import { notifySuccess } from '../../../ui/notify';
import { FormFooter } from '../../../ui/FormFooter';

const schema = z.object({ temporaryPassword: Password });

/** Sets a temporary password; the user's sessions end and they choose a new one at sign-in. */
export function ResetPasswordModal({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const reset = useOpMutation('users.resetPassword', { invalidates: ['users.list'] });
  const form = useForm({ initialValues: { temporaryPassword: '' }, validate: contractResolver(schema) });
  const submit = form.onSubmit(async ({ temporaryPassword }) => {
    try {
      await reset.mutateAsync({ userId: user.id, temporaryPassword });
      notifySuccess(`Temporary password set for ${user.displayName}.`);
      onClose();
    } catch (error) {
      showApiError(form, ['temporaryPassword'], error as ApiError);
    }
  });
  return (
    <Modal opened onClose={onClose} title={`Reset password of ${user.displayName}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {user.displayName} is signed out everywhere, the account is unlocked, and they must choose a new password when they sign in with this one.
          </Text>
          <PasswordInput
            label="Temporary password"
            description={PASSWORD_HINT}
            autoComplete="new-password"
            data-autofocus
            {...form.getInputProps('temporaryPassword')}
          />
          <FormFooter onBack={onClose} back="Cancel" submit="Reset password" loading={reset.isPending} mt="xs" />
        </Stack>
      </form>
    </Modal>
  );
}
