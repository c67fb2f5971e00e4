import { Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { HOST_OPS } from '@shared/contract/host-ops';
import { hostOps } from '../../api/client';
import { asApiError } from '../../api/api-error';
import { showApiError } from '../../forms/api-errors';
import { contractResolver } from '../../forms/resolver';
import { useSessionControls } from '../session-context';
import { AuthCard } from './AuthCard';

/**
 * Desktop only: the site's data key is wrapped by an operator passphrase and the host waits
 * for it before the core can start. (`clearline serve` asks on its own terminal instead, so
 * a browser never sees this screen.) Once unlocked, the console starts over.
 */
export function SitePassphraseScreen({ message }: { message: string }) {
  const { restart } = useSessionControls();
  const form = useForm({ initialValues: { passphrase: '' }, validate: contractResolver(HOST_OPS['host.unlockSite'].input) });

  const submit = form.onSubmit(async ({ passphrase }) => {
    try {
      await hostOps.unlockSite(passphrase);
      restart();
    } catch (error) {
      form.setFieldValue('passphrase', '');
      const apiError = asApiError(error);
      // A wrong passphrase names no field in every host version: show it under the field anyway.
      if (apiError.issues?.length) showApiError(form, ['passphrase'], apiError);
      else form.setFieldError('passphrase', apiError.message);
    }
  });

  return (
    <AuthCard title="Open this site" intro={message}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <PasswordInput
            label="Site passphrase"
            description="Set when the site was created; it unlocks the encrypted database on this computer."
            autoComplete="off"
            autoFocus
            {...form.getInputProps('passphrase')}
          />
          <Button type="submit" loading={form.submitting}>
            Open site
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
