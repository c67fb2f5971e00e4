import { Group, NumberInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { ROLE_NAMES } from '@shared/permissions';
import type { ScheduleFormValues } from './schedule-form';

const MISFIRE = [
  { value: 'run-once', label: 'Run once for all missed times' },
  { value: 'run-all', label: 'Run each missed time, up to a cap' },
  { value: 'skip', label: 'Skip them' },
];

const OVERLAP = [
  { value: 'skip', label: 'Skip the new run' },
  { value: 'queue-one', label: 'Queue one run until the previous ends' },
  { value: 'allow', label: 'Run both at once' },
  { value: 'cancel-previous', label: 'Cancel the previous run' },
];

/** What happens when things go wrong: missed fire times, overlapping runs, a deadline, and who is told. */
export function PolicyFields({ form }: { form: UseFormReturnType<ScheduleFormValues> }) {
  const v = form.values;
  return (
    <Stack gap="sm">
      <Group align="flex-start" gap="sm" grow>
        <Select
          label="Missed fire times"
          description="Times that passed while no engine ran (app closed, machine asleep)."
          data={MISFIRE}
          allowDeselect={false}
          {...form.getInputProps('misfire')}
        />
        {v.misfire === 'run-all' && (
          <NumberInput
            label="Catch-up cap"
            description="At most this many catch-up runs."
            min={1}
            max={1000}
            allowDecimal={false}
            {...form.getInputProps('misfireCap')}
          />
        )}
      </Group>
      <Select
        label="When the previous run is still going"
        description="The overlap policy; it also applies to Run now."
        data={OVERLAP}
        allowDeselect={false}
        {...form.getInputProps('overlap')}
      />
      <Switch
        label="Cut-off"
        description="A deadline each run must finish by; the owner role is alerted before it if the run has not finished."
        {...form.getInputProps('cutoff', { type: 'checkbox' })}
      />
      {v.cutoff && (
        <Group align="flex-start" gap="sm" grow>
          <TextInput type="time" label="Cut-off time" description="Local to the time zone." {...form.getInputProps('cutoffTime')} />
          <NumberInput
            label="Days after the fire date"
            description="0 = the same day."
            min={0}
            max={31}
            allowDecimal={false}
            {...form.getInputProps('cutoffDayOffset')}
          />
          <NumberInput
            label="Alert minutes before"
            description="When the run is at risk."
            min={0}
            max={1440}
            allowDecimal={false}
            {...form.getInputProps('cutoffAlert')}
          />
        </Group>
      )}
      <Select
        label="Owner role"
        description="Told when a run cannot start or may miss its cut-off."
        data={ROLE_NAMES.map((r) => ({ value: r, label: r }))}
        allowDeselect={false}
        w={260}
        {...form.getInputProps('ownerRole')}
      />
    </Stack>
  );
}
