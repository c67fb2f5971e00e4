import { Modal } from '@mantine/core';
import { ChangePasswordForm } from '../forms/ChangePasswordForm';
import { useSessionControls } from '../session/session-context';
import { notifySuccess } from '../ui/notify';

/** Changing one's password from the user menu; the core ends one's other sessions. */
export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { sessionUpdated } = useSessionControls();
  return (
    <Modal opened={opened} onClose={onClose} title="Change password">
      <ChangePasswordForm
        temporary={false}
        onCancel={onClose}
        onChanged={(session) => {
          sessionUpdated(session);
          notifySuccess('Password changed. Your other sessions were signed out.');
          onClose();
        }}
      />
    </Modal>
  );
}
