import { Modal, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { contract } from '@shared/contract';
import type { IncidentSummary } from '@shared/contract/engine';
import { ROLE_DESCRIPTIONS, ROLE_NAMES } from '@shared/permissions';
import type { ApiError } from '../../api/api-error';
import { useOpMutation } from '../../api/hooks';
import { showApiError } from '../../forms/api-errors';
import { contractResolver } from '../../forms/resolver';
import { notifySuccess } from '../../ui/notify';
import { IncidentLine } from '../instances/IncidentLine';
import { AFTER_OPERATOR } from '../instances/operator-ops';
import { ReasonField } from '../instances/ReasonField';
import { FormFooter } from '../../ui/FormFooter';

/** Makes another role the owner of an incident (e.g. compliance for a sanctions hit), with a reason. */
export function HandToRoleModal({ incident, onClose }: { incident: IncidentSummary; onClose: () => void }) {
  const assign = useOpMutation('incidents.assign', { invalidates: AFTER_OPERATOR });
  const form = useForm({
    initialValues: { incidentId: incident.id, role: '', reason: '' },
    validate: contractResolver(contract['incidents.assign'].input),
  });
  const roles = ROLE_NAMES.filter((role) => role !== incident.ownerRole).map((role) => ({ value: role, label: `${role} — ${ROLE_DESCRIPTIONS[role]}` }));
  const submit = form.onSubmit(async (values) => {
    try {
      await assign.mutateAsync(values);
      notifySuccess(`Incident on ${incident.step} handed to ${values.role}.`);
      onClose();
    } catch (error) {
      showApiError(form, ['role', 'reason'], error as ApiError);
    }
  });
  return (
    <Modal opened onClose={onClose} title={`Hand incident on ${incident.step} to a role`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <IncidentLine incident={incident} />
          <Text size="sm" c="dimmed">
            Owned by <b>{incident.ownerRole}</b> now. The new owner role sees it as theirs in this queue.
          </Text>
          <Select label="Role" placeholder="Choose a role" data={roles} required data-autofocus {...form.getInputProps('role')} />
          <ReasonField {...form.getInputProps('reason')} />
          <FormFooter onBack={onClose} submit="Hand over" loading={assign.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
