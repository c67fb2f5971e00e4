import { JsonInput, Modal, Stack, Text } from '@mantine/core';
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

const schema = z.object({ reason: Reason, value: JsonValueText });

/** Completes the step held by an incident with the value it should have produced. Never offered for approvals and human tasks. */
export function SkipModal({ incident, onClose }: { incident: IncidentSummary; onClose: () => void }) {
  const skip = useOpMutation('instances.skip', { invalidates: AFTER_OPERATOR });
  const form = useForm({ initialValues: { reason: '', value: 'null' }, validate: contractResolver(schema) });
  const submit = form.onSubmit(async ({ reason, value }) => {
    try {
      await skip.mutateAsync({ instanceId: incident.instanceId, activationId: incident.activationId, reason, value: parseJson(value) });
      notifySuccess(`Step ${incident.step} skipped.`);
      onClose();
    } catch (error) {
      showApiError(form, ['reason', 'value'], error as ApiError);
    }
  });
  return (
    <Modal opened onClose={onClose} title={`Skip step ${incident.step}`} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <IncidentLine incident={incident} />
          <Text size="sm" c="dimmed">
            The step is marked done without running, and the value below becomes its result (set in the step&apos;s result variable, recorded as set by you).
          </Text>
          <JsonInput label="Result value (JSON)" autosize minRows={3} maxRows={14} formatOnBlur spellCheck={false} {...form.getInputProps('value')} />
          <ReasonField {...form.getInputProps('reason')} />
          <FormFooter onBack={onClose} submit="Skip step" color="orange" loading={skip.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
