import { useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck, IconClockHour4 } from '@tabler/icons-react';
import { contract, type OpOutput } from '@shared/contract';
import type { EvidenceSettings } from '@shared/contract/evidence';
import type { ApiError } from '../../api/api-error';
import { useOpMutation } from '../../api/hooks';
import { showApiError } from '../../forms/api-errors';
import { contractResolver } from '../../forms/resolver';
import { RefusalAlert } from '../../ui/RefusalAlert';
import { ReasonField } from '../instances/ReasonField';
import { FormFooter } from '../../ui/FormFooter';

type Values = { witnessFolder: string; everyMinutes: number | string; everyEvents: number | string; reason: string };

/** An empty folder field means no witness folder; the numbers arrive from NumberInput as '' while cleared. */
function toInput(v: Values) {
  return {
    witnessFolder: v.witnessFolder.trim() || null,
    schedule: { everyMinutes: Number(v.everyMinutes), everyEvents: Number(v.everyEvents) },
    reason: v.reason,
  };
}

const resolve = contractResolver(contract['evidence.configure'].input);

/** Which input field a contract issue names: the schedule's numbers are nested. */
function fieldErrors(errors: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [path.replace(/^schedule\./, ''), String(message)]));
}

function Outcome({ result }: { result: OpOutput<'evidence.configure'> }) {
  return result.status === 'applied' ? (
    <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title="Applied" role="status">
      <Text size="sm">Checkpoints follow the new settings from now on.</Text>
    </Alert>
  ) : (
    <Alert color="blue" variant="light" icon={<IconClockHour4 size={18} />} title="Waiting for a second admin’s approval" role="status">
      <Text size="sm">
        The change is recorded but not applied: another admin approves it under Admin › Pending changes (change <span className="mono">{result.changeId}</span>
        ). Until then the current settings stay in force.
      </Text>
    </Alert>
  );
}

/**
 * Sets the witness folder and the checkpoint schedule. On a site with two admins this is a
 * four-eyes change: it is applied only once the other admin approves.
 */
export function ConfigureEvidenceModal({ settings, onClose }: { settings: EvidenceSettings; onClose: () => void }) {
  const configure = useOpMutation('evidence.configure', { invalidates: ['evidence.settings', 'audit.status'] });
  const [result, setResult] = useState<OpOutput<'evidence.configure'> | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const form = useForm<Values>({
    initialValues: {
      witnessFolder: settings.witnessFolder ?? '',
      everyMinutes: settings.schedule.everyMinutes,
      everyEvents: settings.schedule.everyEvents,
      reason: '',
    },
    validate: (values) => fieldErrors(resolve(toInput(values))),
  });
  const submit = form.onSubmit(async (values) => {
    setRefusal(null);
    try {
      setResult(await configure.mutateAsync(toInput(values)));
    } catch (error) {
      showApiError(form, ['witnessFolder', 'reason'], error as ApiError, setRefusal);
    }
  });

  return (
    <Modal opened onClose={onClose} title="Witness folder and checkpoint schedule" size="lg">
      {result ? (
        <Stack gap="sm">
          <Outcome result={result} />
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput
              label="Witness folder"
              placeholder="/mnt/witness/clearline"
              description="An absolute path on the server machine, outside the data folder: ideally another disk or a share that keeps every file. Clearline does not create it. Empty: no witness copies."
              spellCheck={false}
              {...form.getInputProps('witnessFolder')}
            />
            <Group grow align="flex-start">
              <NumberInput
                label="Every … minutes"
                description="While events are added; 0: not by time."
                min={0}
                max={7 * 24 * 60}
                allowDecimal={false}
                {...form.getInputProps('everyMinutes')}
              />
              <NumberInput
                label="After … events"
                description="Since the last checkpoint; 0: not by count."
                min={0}
                max={10_000_000}
                allowDecimal={false}
                thousandSeparator=","
                {...form.getInputProps('everyEvents')}
              />
            </Group>
            <ReasonField {...form.getInputProps('reason')} />
            {refusal && <RefusalAlert error={refusal} title="The settings were not changed" />}
            <FormFooter onBack={onClose} submit="Save" loading={configure.isPending} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
