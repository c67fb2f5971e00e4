import { SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { CalendarSettings } from './calendar-settings';
import { WeekdayPicker } from './WeekdayPicker';
import { ZoneSelect } from './ZoneSelect';

/** Name, description, zone and weekend of a calendar, for importing and combining. */
export function CalendarSettingsFields({
  inputProps,
  weekendHelp,
  nameLocked = false,
}: {
  /** The form's getInputProps for these fields. */
  inputProps: (field: keyof CalendarSettings) => GetInputPropsReturnType;
  weekendHelp: string;
  /** Importing into an existing calendar: its name is fixed. */
  nameLocked?: boolean;
}) {
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label="Calendar name"
          description="Letters, digits and . _ + - (e.g. TARGET2, GB-ENG)."
          required
          readOnly={nameLocked}
          spellCheck={false}
          {...inputProps('name')}
        />
        <ZoneSelect description="Where its business days are counted." {...inputProps('zone')} />
      </SimpleGrid>
      <TextInput label="Description" {...inputProps('description')} />
      <WeekdayPicker label="Weekend" description={weekendHelp} {...inputProps('weekend')} />
    </Stack>
  );
}
