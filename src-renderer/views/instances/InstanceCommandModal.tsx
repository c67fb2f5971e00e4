import { Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { contract } from '@shared/contract';
import type { InstanceSummary } from '@shared/contract/engine';
import type { ApiError } from '../../api/api-error';
import { useOpMutation } from '../../api/hooks';
import { showApiError } from '../../forms/api-errors';
import { contractResolver } from '../../forms/resolver';
import { notifySuccess } from '../../ui/notify';
import { AFTER_OPERATOR } from './operator-ops';
import { ReasonField } from './ReasonField';
import { FormFooter } from '../../ui/FormFooter';

export type InstanceCommand = 'suspend' | 'resume' | 'cancel';

const WORDS: Record<InstanceCommand, { title: string; intro: string; confirm: string; done: string; color?: string }> = {
  suspend: {
    title: 'Suspend instance',
    intro: 'No step runs until the instance is resumed. Calls already sent finish and their results are kept.',
    confirm: 'Suspend',
    done: 'suspended',
  },
  resume: { title: 'Resume instance', intro: 'The instance continues where it stopped.', confirm: 'Resume', done: 'resumed' },
  cancel: {
    title: 'Cancel instance',
    intro: 'Every running path stops, and completed steps that have a compensation are undone, newest first. This cannot be reversed.',
    confirm: 'Cancel instance',
    done: 'cancellation requested',
    color: 'red',
  },
};

/** Suspend, resume or cancel one instance, with the reason the audit trail keeps. */
export function InstanceCommandModal({
  instance,
  command,
  onClose,
}: {
  instance: Pick<InstanceSummary, 'id' | 'workflowKey' | 'businessKey'>;
  command: InstanceCommand;
  onClose: () => void;
}) {
  const words = WORDS[command];
  const op = `instances.${command}` as const;
  const mutation = useOpMutation(op, { invalidates: AFTER_OPERATOR });
  const form = useForm({ initialValues: { instanceId: instance.id, reason: '' }, validate: contractResolver(contract[op].input) });
  const submit = form.onSubmit(async (values) => {
    try {
      await mutation.mutateAsync(values);
      notifySuccess(`Instance ${instance.businessKey ?? instance.id} ${words.done}.`);
      onClose();
    } catch (error) {
      showApiError(form, ['reason'], error as ApiError);
    }
  });
  return (
    <Modal opened onClose={onClose} title={words.title}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {instance.workflowKey}
            {instance.businessKey ? ` · ${instance.businessKey}` : ''} <span className="mono">({instance.id})</span>
          </Text>
          <Text size="sm" c="dimmed">
            {words.intro}
          </Text>
          <ReasonField {...form.getInputProps('reason')} />
          <FormFooter onBack={onClose} submit={words.confirm} color={words.color} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
