import { useState } from 'react';
import { Button, Group, Modal, MultiSelect, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { contract } from '@shared/contract';
import type { CalendarImportResult } from '@shared/contract/schedules';
import type { ApiError } from '../../api/api-error';
import { useOp, useOpMutation } from '../../api/hooks';
import { showApiError } from '../../forms/api-errors';
import { settingsInput, validateSettings, type CalendarSettings } from './calendar-settings';
import { CalendarSettingsFields } from './CalendarSettingsFields';
import { ChangeOutcome } from './ChangeOutcome';
import { AFTER_CALENDAR_CHANGE } from './invalidation';
import { localZone } from './time';
import { FormFooter } from '../../ui/FormFooter';

interface CombineValues extends CalendarSettings {
  members: string[];
}

const validate = validateSettings<CombineValues>({ members: contract['calendars.combine'].input.shape.members });

/**
 * A calendar open only when all of its members are (a EUR payment from London needs TARGET2
 * and the London banks). Its weekend is the members' weekends together, plus any extra day
 * chosen here.
 */
export function CombineCalendarModal({ onClose }: { onClose: () => void }) {
  const calendars = useOp('calendars.list', {});
  const combine = useOpMutation('calendars.combine', { invalidates: AFTER_CALENDAR_CHANGE });
  const form = useForm<CombineValues>({ initialValues: { name: '', description: '', zone: localZone(), weekend: [], members: [] }, validate });
  const [done, setDone] = useState<{ name: string; result: CalendarImportResult } | null>(null);

  const submit = form.onSubmit(async (values) => {
    try {
      const input = { ...settingsInput(values), members: values.members };
      setDone({ name: input.name, result: await combine.mutateAsync(input) });
    } catch (error) {
      showApiError(form, ['name', 'description', 'zone', 'weekend', 'members'], error as ApiError);
    }
  });

  return (
    <Modal opened onClose={onClose} title="Combine calendars" size="lg">
      {done ? (
        <Stack gap="sm">
          <ChangeOutcome name={done.name} result={done.result} />
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <MultiSelect
              label="Members"
              description="A day is a business day only when it is one in every member."
              placeholder="Choose two or more calendars"
              data={(calendars.data?.items ?? []).map((c) => c.name)}
              searchable
              {...form.getInputProps('members')}
            />
            <CalendarSettingsFields
              inputProps={(field) => form.getInputProps(field)}
              weekendHelp="Days closed in addition to the members' weekends (usually none)."
            />
            <Text size="xs" c="dimmed">
              On a site with two or more admins, another admin approves the combination before it applies.
            </Text>
            <FormFooter onBack={onClose} back="Cancel" submit="Combine" loading={combine.isPending} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
