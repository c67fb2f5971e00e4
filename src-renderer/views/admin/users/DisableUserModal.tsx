import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { UserSummary } from '@shared/domain/users';
import type { ApiError } from '../../../api/api-error';
import { useOpMutation } from '../../../api/hooks';
import { notifyError, notifySuccess } from '../../../ui/notify';

/** Disabling ends the person's sessions at once, so it is confirmed first. */
export function DisableUserModal({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const disable = useOpMutation('users.disable', { invalidates: ['users.list'] });
  const confirm = async () => {
    try {
      await disable.mutateAsync({ userId: user.id });
      notifySuccess(`${user.displayName} disabled.`);
      onClose();
    } catch (error) {
      notifyError(error as ApiError);
    }
  };
  return (
    <Modal opened onClose={onClose} title={`Disable ${user.displayName}?`}>
      <Stack gap="sm">
        <Text size="sm">
          {user.displayName} ({user.username}) is signed out everywhere and cannot sign in until enabled again. Their history stays in the audit trail.
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" onClick={() => void confirm()} loading={disable.isPending}>
            Disable user
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
