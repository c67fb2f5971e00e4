import { useState } from 'react';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { contract } from '@shared/contract';
import { client } from '../../api/client';
import type { ApiError } from '../../api/api-error';
import { showApiError } from '../../forms/api-errors';
import { contractResolver } from '../../forms/resolver';
import type { Notice } from '../gate';
import { useSessionControls } from '../session-context';
import { AuthCard, FormAlert } from './AuthCard';

/**
 * Username and password. The core's refusal is shown as it is worded ("Wrong username or
 * password.", the lockout message): it already says neither more nor less than it should.
 */
export function SignInScreen({ notice }: { notice: Notice | null }) {
  const { siteName, signedIn } = useSessionControls();
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm({ initialValues: { username: '', password: '' }, validate: contractResolver(contract['session.signIn'].input) });

  const submit = form.onSubmit(async (values) => {
    setRefusal(null);
    try {
      signedIn(await client.call('session.signIn', values));
    } catch (error) {
      form.setFieldValue('password', '');
      showApiError(form, ['username', 'password'], error as ApiError, (e) => setRefusal(e.message));
    }
  });

  return (
    <AuthCard siteName={siteName} title="Sign in" notice={refusal ? null : notice}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert message={refusal} />
          <TextInput label="Username" autoComplete="username" autoFocus {...form.getInputProps('username')} />
          <PasswordInput label="Password" autoComplete="current-password" {...form.getInputProps('password')} />
          <Button type="submit" loading={form.submitting} mt="xs">
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
