import { Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { contract } from '@shared/contract';
import type { ScheduleRun, ScheduleSummary } from '@shared/contract/schedules';
import type { ApiError } from '../../api/api-error';
import { useOpMutation } from '../../api/hooks';
import { showApiError } from '../../forms/api-errors';
import { contractResolver } from '../../forms/resolver';
import { notifyError, notifySuccess } from '../../ui/notify';
import { ReasonField } from '../instances/ReasonField';
import { AFTER_SCHEDULE_CHANGE } from './invalidation';
import { FormFooter } from '../../ui/FormFooter';

export type ScheduleCommand = 'pause' | 'runNow';

const WORDS: Record<ScheduleCommand, { title: string; intro: string; confirm: string; refused: string }> = {
  pause: {
    title: 'Pause schedule',
    intro: 'Nothing fires until it is resumed; fire times that pass meanwhile are skipped, not caught up. Runs already started go on.',
    confirm: 'Pause',
    refused: 'The schedule was not paused',
  },
  runNow: {
    title: 'Run schedule now',
    intro: 'Starts a run now, outside the rule, with the schedule’s input; its overlap policy still applies.',
    confirm: 'Run now',
    refused: 'The schedule was not run',
  },
};

/** How a manual run ended up, in one sentence for the notification. */
function runMessage(name: string, run: ScheduleRun): string {
  if (run.status === 'started') return `Run of ${name} started.`;
  return `Run of ${name} ${run.status === 'not-started' ? 'could not start' : run.status}${run.reason ? `: ${run.reason}` : '.'}`;
}

/**
 * Pause a schedule, or run it now: both with the reason the audit trail keeps. A refusal
 * about the reason stays under it; any other (the schedule was paused meanwhile, the
 * permission was withdrawn) is shown with the core's words and the dialog closes, so the
 * page behind it, refreshed live, shows how things stand.
 */
export function ScheduleCommandModal({ schedule, command, onClose }: { schedule: ScheduleSummary; command: ScheduleCommand; onClose: () => void }) {
  const words = WORDS[command];
  const op = command === 'pause' ? 'schedules.pause' : 'schedules.runNow';
  const mutation = useOpMutation(op, { invalidates: AFTER_SCHEDULE_CHANGE });
  const form = useForm({ initialValues: { scheduleId: schedule.id, reason: '' }, validate: contractResolver(contract[op].input) });
  const submit = form.onSubmit(async (values) => {
    try {
      const result = await mutation.mutateAsync(values);
      notifySuccess(command === 'runNow' ? runMessage(schedule.name, result as ScheduleRun) : `Schedule ${schedule.name} paused.`);
      onClose();
    } catch (error) {
      showApiError(form, ['reason'], error as ApiError, (refusal) => {
        notifyError(refusal, words.refused);
        onClose();
      });
    }
  });
  return (
    <Modal opened onClose={onClose} title={words.title}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" fw={500}>
            {schedule.name}
          </Text>
          <Text size="sm" c="dimmed">
            {words.intro}
          </Text>
          <ReasonField {...form.getInputProps('reason')} />
          <FormFooter onBack={onClose} submit={words.confirm} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
