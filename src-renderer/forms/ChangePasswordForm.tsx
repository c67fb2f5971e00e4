import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { z } from 'zod';
import { Password } from '@shared/domain/users';
import type { SessionInfo } from '@shared/domain/users';
import { client } from '../api/client';
import type { ApiError } from '../api/api-error';
import { showApiError } from './api-errors';
import { PASSWORD_HINT, withRepeat } from './password-rules';
import { contractResolver } from './resolver';

const schema = withRepeat(z.object({ currentPassword: z.string().min(1, { message: 'is required' }), newPassword: Password }), 'newPassword');

/**
 * Changing one's own password, used twice: forced after a temporary password, and from the
 * user menu. The core checks the policy (history, names, blocklist) and names the field.
 */
export function ChangePasswordForm({
  temporary,
  onChanged,
  onCancel,
}: {
  temporary: boolean;
  onChanged: (session: SessionInfo) => void;
  onCancel?: () => void;
}) {
  const form = useForm({ initialValues: { currentPassword: '', newPassword: '', repeat: '' }, validate: contractResolver(schema) });

  const submit = form.onSubmit(async ({ currentPassword, newPassword }) => {
    try {
      onChanged(await client.call('session.changePassword', { currentPassword, newPassword }));
    } catch (error) {
      showApiError(form, ['currentPassword', 'newPassword'], error as ApiError);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <PasswordInput
          label="Current password"
          {...(temporary ? { description: 'The temporary password you signed in with.' } : {})}
          autoComplete="current-password"
          data-autofocus
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput label="New password" description={PASSWORD_HINT} autoComplete="new-password" {...form.getInputProps('newPassword')} />
        <PasswordInput label="Repeat new password" autoComplete="new-password" {...form.getInputProps('repeat')} />
        <Group justify="flex-end" gap="xs" mt="xs">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={form.submitting}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
