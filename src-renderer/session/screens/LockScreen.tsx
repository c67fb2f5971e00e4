import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { IconLock } from '@tabler/icons-react';
import { contract } from '@shared/contract';
import { client } from '../../api/client';
import type { ApiError } from '../../api/api-error';
import { showApiError } from '../../forms/api-errors';
import { contractResolver } from '../../forms/resolver';
import { useSession, useSessionControls } from '../session-context';
import { AuthCard } from './AuthCard';

/**
 * The idle lock. The page behind stays as it was (hidden, not unmounted), so unlocking
 * returns to the same view with its unsaved input. A wrong password counts toward the
 * account lockout, as at sign-in; reaching it ends the session (the guard handles that 401).
 */
export function LockScreen() {
  const { siteName, sessionUpdated, signOut } = useSessionControls();
  const session = useSession();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { password: '' }, validate: contractResolver(contract['session.unlock'].input) });

  const submit = form.onSubmit(async (values) => {
    try {
      sessionUpdated(await client.call('session.unlock', values));
      // Reads refused while locked are fetched again now.
      void queryClient.invalidateQueries();
    } catch (error) {
      form.setFieldValue('password', '');
      showApiError(form, ['password'], error as ApiError);
    }
  });

  return (
    <AuthCard siteName={siteName} title="Console locked" intro="The console locks itself when nobody has used it for a while, or when asked to.">
      <Group gap="xs" wrap="nowrap">
        <IconLock size={18} aria-hidden />
        <Text size="sm">
          Locked for <b>{session.user.displayName}</b> ({session.user.username})
        </Text>
      </Group>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <PasswordInput label="Password" autoComplete="current-password" autoFocus {...form.getInputProps('password')} />
          <Group justify="space-between" mt="xs">
            <Button variant="default" onClick={() => void signOut()}>
              Sign out
            </Button>
            <Button type="submit" loading={form.submitting}>
              Unlock
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthCard>
  );
}
