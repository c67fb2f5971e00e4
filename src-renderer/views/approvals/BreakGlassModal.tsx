import { Alert, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { z } from 'zod';
import { contract } from '@shared/contract';
import type { TaskDetail } from '@shared/contract/work';
import type { ApiError } from '../../api/api-error';
import { useOpMutation } from '../../api/hooks';
import { showApiError } from '../../forms/api-errors';
import { contractResolver } from '../../forms/resolver';
import { ReasonField } from '../instances/ReasonField';
import { FormFooter } from '../../ui/FormFooter';

const schema = z.object({ reason: contract['approvals.breakGlass'].input.shape.reason });

/**
 * Break-glass: approve the current level overriding segregation of duties, for emergencies.
 * The reason is mandatory; the override is recorded and raised to compliance for review.
 */
export function BreakGlassModal({ detail, onClose, onDone }: { detail: TaskDetail; onClose: () => void; onDone: (message: string) => void }) {
  const breakGlass = useOpMutation('approvals.breakGlass', { invalidates: ['tasks.get', 'tasks.list', 'incidents.search'] });
  const form = useForm({ initialValues: { reason: '' }, validate: contractResolver(schema) });
  const submit = form.onSubmit(async ({ reason }) => {
    try {
      await breakGlass.mutateAsync({ taskId: detail.task.id, reason, dataHash: detail.approval?.dataHash ?? '' });
      onDone(`Break-glass approval recorded for ${detail.task.businessKey ?? detail.task.title}; compliance will review it.`);
    } catch (error) {
      showApiError(form, ['reason'], error as ApiError);
    }
  });
  return (
    <Modal opened onClose={onClose} title="Break glass: override the approval controls">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="This is recorded and reviewed">
            <Text size="sm">
              You approve the current level ({detail.task.level ?? detail.task.step}) even where segregation of duties forbids it. Your name, your reason and
              the rule you override go into the audit trail, and compliance receives an exception to review.
            </Text>
          </Alert>
          <ReasonField label="Reason for the override" {...form.getInputProps('reason')} />
          <FormFooter onBack={onClose} submit="Approve with break-glass" color="red" loading={breakGlass.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
