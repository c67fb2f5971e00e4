import { useState } from 'react';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { z } from 'zod';
import { DisplayName, Password, Username } from '@shared/domain/users';
import { client } from '../../api/client';
import type { ApiError } from '../../api/api-error';
import { showApiError } from '../../forms/api-errors';
import { PASSWORD_HINT, withRepeat } from '../../forms/password-rules';
import { contractResolver } from '../../forms/resolver';
import { useSessionControls } from '../session-context';
import { AuthCard, FormAlert } from './AuthCard';

const FIELDS = ['setupToken', 'username', 'displayName', 'password', 'repeat'] as const;

/**
 * The site has no user yet: create its first administrator. The setup token is checked by
 * the core only (the token field is never validated here), so a missing or mistyped token
 * is refused with the core's own explanation of where to find it.
 */
export function FirstRunScreen({ setupTokenRequired }: { setupTokenRequired: boolean }) {
  const { siteName, adminCreated } = useSessionControls();
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm({
    initialValues: { setupToken: '', username: '', displayName: '', password: '', repeat: '' },
    validate: contractResolver(withRepeat(z.object({ setupToken: z.string(), username: Username, displayName: DisplayName, password: Password }), 'password')),
  });

  const submit = form.onSubmit(async ({ setupToken, username, displayName, password }) => {
    setRefusal(null);
    try {
      const token = setupToken.trim();
      await client.call('setup.createFirstAdmin', { ...(token ? { setupToken: token } : {}), username, displayName, password });
      adminCreated();
    } catch (error) {
      showApiError(form, FIELDS, error as ApiError, (e) => setRefusal(e.message));
    }
  });

  return (
    <AuthCard siteName={siteName} title="Set up this site" intro="Create the first administrator. They add everyone else in Admin › Users.">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert message={refusal} />
          {setupTokenRequired && (
            <TextInput
              label="Setup token"
              description="Printed by clearline init or clearline serve on the server's terminal."
              autoComplete="off"
              spellCheck={false}
              {...form.getInputProps('setupToken')}
            />
          )}
          <TextInput label="Username" autoComplete="username" {...form.getInputProps('username')} />
          <TextInput label="Display name" autoComplete="name" {...form.getInputProps('displayName')} />
          <PasswordInput label="Password" description={PASSWORD_HINT} autoComplete="new-password" {...form.getInputProps('password')} />
          <PasswordInput label="Repeat password" autoComplete="new-password" {...form.getInputProps('repeat')} />
          <Button type="submit" loading={form.submitting} mt="xs">
            Create administrator
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
