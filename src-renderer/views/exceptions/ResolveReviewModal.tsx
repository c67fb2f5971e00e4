import { Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { contract } from '@shared/contract';
import type { IncidentSummary } from '@shared/contract/engine';
import type { ApiError } from '../../api/api-error';
import { useOpMutation } from '../../api/hooks';
import { showApiError } from '../../forms/api-errors';
import { contractResolver } from '../../forms/resolver';
import { notifySuccess } from '../../ui/notify';
import { IncidentLine } from '../instances/IncidentLine';
import { AFTER_OPERATOR } from '../instances/operator-ops';
import { ReasonField } from '../instances/ReasonField';
import { FormFooter } from '../../ui/FormFooter';

/** Closes a review incident with the review's outcome; a blocking compliance flag lets its instance continue. */
export function ResolveReviewModal({ incident, onClose }: { incident: IncidentSummary; onClose: () => void }) {
  const resolve = useOpMutation('incidents.resolve', { invalidates: AFTER_OPERATOR });
  const form = useForm({ initialValues: { incidentId: incident.id, reason: '' }, validate: contractResolver(contract['incidents.resolve'].input) });
  const submit = form.onSubmit(async (values) => {
    try {
      await resolve.mutateAsync(values);
      notifySuccess(`Review of ${incident.step} closed.`);
      onClose();
    } catch (error) {
      showApiError(form, ['reason'], error as ApiError);
    }
  });
  return (
    <Modal opened onClose={onClose} title={`Resolve review of ${incident.step}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <IncidentLine incident={incident} />
          <Text size="sm" c="dimmed">
            {incident.type === 'compliance-flag'
              ? 'The flag is cleared; if it held the instance, the instance continues.'
              : 'The override stays in force; this records that it was reviewed and what was found.'}
          </Text>
          <ReasonField label="Outcome of the review" {...form.getInputProps('reason')} />
          <FormFooter onBack={onClose} submit="Resolve" loading={resolve.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
