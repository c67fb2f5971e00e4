import { Modal, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { contract } from '@shared/contract';
import type { TaskSummary } from '@shared/contract/work';
import type { ApiError } from '../../api/api-error';
import { useOp, useOpMutation } from '../../api/hooks';
import { showApiError } from '../../forms/api-errors';
import { contractResolver } from '../../forms/resolver';
import { useCan } from '../../session/session-context';
import { notifySuccess } from '../../ui/notify';
import { ReasonField } from '../instances/ReasonField';
import { FormFooter } from '../../ui/FormFooter';

/**
 * Gives a task to another person, with the reason the audit trail keeps. The list offers
 * active people who hold a role the task is for (or are named on it); the core checks again.
 */
export function ReassignModal({ task, onClose }: { task: TaskSummary; onClose: () => void }) {
  const can = useCan();
  const users = useOp('users.list', { includeDisabled: false }, { enabled: can('user.read') });
  const reassign = useOpMutation('tasks.reassign', { invalidates: ['tasks.get', 'tasks.list'] });
  const form = useForm({ initialValues: { taskId: task.id, userId: '', reason: '' }, validate: contractResolver(contract['tasks.reassign'].input) });
  const people = (users.data?.items ?? []).filter(
    (u) =>
      u.status === 'active' && u.id !== task.assignee && (u.roles.some((r) => task.candidateRoles.includes(r)) || task.candidateUsers.includes(u.username)),
  );
  const submit = form.onSubmit(async (values) => {
    try {
      const updated = await reassign.mutateAsync(values);
      notifySuccess(`${task.title} reassigned to ${people.find((p) => p.id === updated.assignee)?.displayName ?? 'the chosen person'}.`);
      onClose();
    } catch (error) {
      showApiError(form, ['userId', 'reason'], error as ApiError);
    }
  });
  return (
    <Modal opened onClose={onClose} title="Reassign task">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {task.title}
            {task.businessKey ? ` · ${task.businessKey}` : ''}
          </Text>
          {can('user.read') ? (
            <Select
              label="Reassign to"
              placeholder={people.length === 0 ? 'Nobody else holds a role this task is for' : 'Choose a person'}
              searchable
              required
              data={people.map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
              {...form.getInputProps('userId')}
              value={form.values.userId || null}
              onChange={(v) => form.setFieldValue('userId', v ?? '')}
            />
          ) : (
            <Text size="sm" c="dimmed">
              Choosing a person needs the permission to see users (user.read); ask an administrator.
            </Text>
          )}
          <ReasonField {...form.getInputProps('reason')} />
          <FormFooter onBack={onClose} submit="Reassign" loading={reassign.isPending} disabled={!can('user.read')} />
        </Stack>
      </form>
    </Modal>
  );
}
