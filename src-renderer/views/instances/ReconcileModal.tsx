import { JsonInput, Modal, Radio, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { z } from 'zod';
import type { IncidentSummary } from '@shared/contract/engine';
import type { ApiError } from '../../api/api-error';
import { useOpMutation } from '../../api/hooks';
import { showApiError } from '../../forms/api-errors';
import { contractResolver } from '../../forms/resolver';
import { notifySuccess } from '../../ui/notify';
import { IncidentLine } from './IncidentLine';
import { JsonValueText, parseJson } from '../../ui/json-text';
import { AFTER_OPERATOR, Reason } from './operator-ops';
import { ReasonField } from './ReasonField';
import { FormFooter } from '../../ui/FormFooter';

const schema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('done'), value: JsonValueText, reason: Reason }),
  z.object({ outcome: z.literal('not-done'), value: z.string(), reason: Reason }),
]);

/**
 * Settles an in-doubt effect after the operator checked the other system: it was done (give
 * the result it returned) or it was not (the step runs again).
 */
export function ReconcileModal({ incident, onClose }: { incident: IncidentSummary; onClose: () => void }) {
  const reconcile = useOpMutation('instances.reconcile', { invalidates: AFTER_OPERATOR });
  const form = useForm({ initialValues: { outcome: '' as 'done' | 'not-done' | '', value: 'null', reason: '' }, validate: contractResolver(schema) });
  const submit = form.onSubmit(async ({ outcome, value, reason }) => {
    const done = outcome === 'done';
    try {
      await reconcile.mutateAsync({
        instanceId: incident.instanceId,
        activationId: incident.activationId,
        reason,
        done,
        value: done ? parseJson(value) : null,
      });
      notifySuccess(done ? `Step ${incident.step} reconciled as done.` : `Step ${incident.step} reconciled as not done; it runs again.`);
      onClose();
    } catch (error) {
      showApiError(form, ['reason', 'value'], error as ApiError);
    }
  });
  return (
    <Modal opened onClose={onClose} title={`Reconcile step ${incident.step}`} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <IncidentLine incident={incident} />
          <Text size="sm" c="dimmed">
            The call was sent but its outcome is unknown, and the other system cannot recognise a repeat. Check in that system whether it happened, then say so
            here.
          </Text>
          <Radio.Group label="In the other system, the call" required {...form.getInputProps('outcome')} error={form.errors.outcome ? 'Choose one' : undefined}>
            <Stack gap={6} mt={6}>
              <Radio value="done" label="was done — continue with its result" />
              <Radio value="not-done" label="was not done — run the step again" />
            </Stack>
          </Radio.Group>
          {form.values.outcome === 'done' && (
            <JsonInput label="Result it returned (JSON)" autosize minRows={3} maxRows={14} formatOnBlur spellCheck={false} {...form.getInputProps('value')} />
          )}
          <ReasonField {...form.getInputProps('reason')} />
          <FormFooter onBack={onClose} submit="Reconcile" color="violet" loading={reconcile.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
