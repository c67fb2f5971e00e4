import { useState } from 'react';
import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { contract } from '@shared/contract';
import type { ConfigChange } from '@shared/contract/work';
import type { ApiError } from '../../../api/api-error';
import { useOpMutation } from '../../../api/hooks';
import { showApiError } from '../../../forms/api-errors';
import { contractResolver } from '../../../forms/resolver';
import { notifySuccess } from '../../../ui/notify';
import { RefusalAlert } from '../../../ui/RefusalAlert';
import { FormFooter } from '../../../ui/FormFooter';

export type Decision = 'approve' | 'reject';

/** Deciding may change users, workflows or calendars, so every list that shows them refreshes. */
const AFTER_DECISION = ['changes.list', 'users.list', 'conflicts.get', 'workflows.list', 'audit.search'] as const;

const WORDS: Record<Decision, { title: string; intro: string; field: string; hint: string; confirm: string; done: string; color?: string }> = {
  approve: {
    title: 'Approve change',
    intro: 'The change takes effect as soon as you approve it. Your name is recorded as the second pair of eyes.',
    field: 'Comment (optional)',
    hint: 'What you checked; kept in the audit trail with your name.',
    confirm: 'Approve change',
    done: 'approved and applied',
  },
  reject: {
    title: 'Reject change',
    intro: 'The change is not applied. The requester sees your reason.',
    field: 'Reason',
    hint: 'Required; kept in the audit trail with your name.',
    confirm: 'Reject change',
    done: 'rejected',
    color: 'red',
  },
};

/**
 * Approve (with an optional comment) or reject (with a reason) one pending change. A refusal
 * from the core — the change was decided or superseded meanwhile, a four-eyes rule — stays
 * in the dialog as an alert.
 */
export function DecideChangeModal({ change, decision, onClose }: { change: ConfigChange; decision: Decision; onClose: () => void }) {
  const words = WORDS[decision];
  const op = decision === 'approve' ? 'changes.approve' : 'changes.reject';
  const field = decision === 'approve' ? 'comment' : 'reason';
  const mutation = useOpMutation(op, { invalidates: AFTER_DECISION });
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const form = useForm({ initialValues: { changeId: change.id, [field]: '' }, validate: contractResolver(contract[op].input) });
  const submit = form.onSubmit(async (values) => {
    setRefusal(null);
    const text = String(values[field] ?? '').trim();
    try {
      if (decision === 'approve') await mutation.mutateAsync({ changeId: change.id, ...(text ? { comment: text } : {}) });
      else await mutation.mutateAsync({ changeId: change.id, reason: text });
      notifySuccess(`Change ${words.done}: ${change.summary}.`);
      onClose();
    } catch (error) {
      showApiError(form, [field], error as ApiError, setRefusal);
    }
  });

  return (
    <Modal opened onClose={onClose} title={words.title} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {change.summary}
          </Text>
          <Text size="sm" c="dimmed">
            Requested by {change.requestedBy}. {words.intro}
          </Text>
          <Textarea
            label={words.field}
            description={words.hint}
            required={decision === 'reject'}
            autosize
            minRows={2}
            maxRows={6}
            data-autofocus
            {...form.getInputProps(field)}
          />
          {refusal && <RefusalAlert error={refusal} title={`Could not ${decision} this change`} />}
          <FormFooter onBack={onClose} submit={words.confirm} color={words.color} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
