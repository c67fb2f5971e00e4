import { Button } from '@mantine/core';
import { ChangePasswordForm } from '../../forms/ChangePasswordForm';
import { notifySuccess } from '../../ui/notify';
import { useSession, useSessionControls } from '../session-context';
import { AuthCard } from './AuthCard';

/** A temporary password works for one thing only: choosing one's own. The core refuses the rest until then. */
export function ForcedPasswordChangeScreen() {
  const { siteName, sessionUpdated, signOut } = useSessionControls();
  const session = useSession();
  return (
    <AuthCard
      siteName={siteName}
      title="Choose your password"
      intro={`Signed in as ${session.user.displayName} (${session.user.username}) with a temporary password. Choose your own to continue.`}
    >
      <ChangePasswordForm
        temporary
        onChanged={(next) => {
          notifySuccess('Password changed.');
          sessionUpdated(next);
        }}
      />
      <Button variant="subtle" color="gray" size="xs" onClick={() => void signOut()}>
        Sign out
      </Button>
    </AuthCard>
  );
}
