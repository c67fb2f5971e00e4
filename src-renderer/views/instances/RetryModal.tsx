import { Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { contract } from '@shared/contract';
import type { IncidentSummary } from '@shared/contract/engine';
import type { ApiError } from '../../api/api-error';
import { useOpMutation } from '../../api/hooks';
import { showApiError } from '../../forms/api-errors';
import { contractResolver } from '../../forms/resolver';
import { notifySuccess } from '../../ui/notify';
import { IncidentLine } from './IncidentLine';
import { AFTER_OPERATOR } from './operator-ops';
import { ReasonField } from './ReasonField';
import { FormFooter } from '../../ui/FormFooter';

/** Runs the step held by an incident once more (attempt n + 1). */
export function RetryModal({ incident, onClose }: { incident: IncidentSummary; onClose: () => void }) {
  const retry = useOpMutation('instances.retry', { invalidates: AFTER_OPERATOR });
  const form = useForm({
    initialValues: { instanceId: incident.instanceId, activationId: incident.activationId, reason: '' },
    validate: contractResolver(contract['instances.retry'].input),
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await retry.mutateAsync(values);
      notifySuccess(`Retry of step ${incident.step} requested.`);
      onClose();
    } catch (error) {
      showApiError(form, ['reason'], error as ApiError);
    }
  });
  return (
    <Modal opened onClose={onClose} title={`Retry step ${incident.step}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <IncidentLine incident={incident} />
          <Text size="sm" c="dimmed">
            The step runs again as attempt {incident.attempts + 1}, with the same input. Fix the cause first (the other system, a connector&apos;s
            configuration).
          </Text>
          <ReasonField {...form.getInputProps('reason')} />
          <FormFooter onBack={onClose} submit="Retry step" loading={retry.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
