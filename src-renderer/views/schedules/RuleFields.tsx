import { Anchor, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { Link } from 'react-router';
import type { CalendarSummary } from '@shared/contract/schedules';
import { CALENDARS_PATH } from './paths';
import { takesConvention, type RuleKind, type ScheduleFormValues } from './schedule-form';
import { WeekdayPicker } from './WeekdayPicker';
import { ZoneSelect } from './ZoneSelect';

const RULES: { value: RuleKind; label: string }[] = [
  { value: 'every-business-day', label: 'Every business day' },
  { value: 'business-day-of-month', label: 'The n-th business day of each month' },
  { value: 'day-of-month', label: 'A day of each month' },
  { value: 'weekly', label: 'Chosen weekdays' },
  { value: 'cron', label: 'Cron expression' },
];

/** The conventions in words (ISDA 2006, 4.12), as docs/calendars-and-schedules.md gives them. */
const CONVENTIONS = [
  { value: 'following', label: 'Following: the next business day' },
  { value: 'modified-following', label: 'Modified following: the next business day, unless in the next month' },
  { value: 'preceding', label: 'Preceding: the previous business day' },
  { value: 'modified-preceding', label: 'Modified preceding: the previous business day, unless in the previous month' },
  { value: 'none', label: 'None: keep the date even when closed' },
];

function RuleParameter({ form }: { form: UseFormReturnType<ScheduleFormValues> }) {
  switch (form.values.ruleKind) {
    case 'business-day-of-month':
      return (
        <NumberInput
          label="Business day of the month"
          description="1 = first, 2 = second …; −1 = last, −2 = second to last. A month with fewer business days has no run."
          min={-31}
          max={31}
          allowDecimal={false}
          w={260}
          {...form.getInputProps('n')}
        />
      );
    case 'day-of-month':
      return (
        <NumberInput
          label="Day of the month"
          description="1–31; past the end of a shorter month it is that month's last day. A closed day moves by the convention."
          min={1}
          max={31}
          allowDecimal={false}
          w={260}
          {...form.getInputProps('day')}
        />
      );
    case 'weekly':
      return (
        <WeekdayPicker
          label="Weekdays"
          description="A closed day moves by the convention; dates that land on the same day run once."
          {...form.getInputProps('weekdays')}
        />
      );
    case 'cron':
      return (
        <TextInput
          label="Cron expression"
          description="Five fields: minute hour day-of-month month day-of-week, e.g. 30 8 * * 1-5. Its minute and hour fields give the times."
          ff="monospace"
          spellCheck={false}
          {...form.getInputProps('cron')}
        />
      );
    case 'every-business-day':
      return null;
  }
}

/**
 * When a schedule fires: the rule and its parameter, the time of day, the zone and calendar
 * it is counted in, how closed days move, and the dates it is active between.
 */
export function RuleFields({ form, calendars }: { form: UseFormReturnType<ScheduleFormValues>; calendars: readonly CalendarSummary[] | undefined }) {
  const kind = form.values.ruleKind;
  const chooseCalendar = (name: string | null) => {
    form.setFieldValue('calendar', name ?? '');
    // A calendar counts its days in its own zone; follow it unless a zone was chosen by hand.
    const zone = calendars?.find((c) => c.name === name)?.zone;
    if (zone && !form.isTouched('zone')) form.setFieldValue('zone', zone);
  };
  return (
    <Stack gap="sm">
      <Select
        label="Rule"
        data={RULES}
        allowDeselect={false}
        {...form.getInputProps('ruleKind')}
        onChange={(value) => value && form.setFieldValue('ruleKind', value as RuleKind)}
      />
      <RuleParameter form={form} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label="Business calendar"
          placeholder={calendars?.length === 0 ? 'No calendar yet' : 'Choose a calendar'}
          data={(calendars ?? []).map((c) => ({ value: c.name, label: c.name }))}
          searchable
          description={
            calendars?.length === 0 ? (
              <>
                Import one under{' '}
                <Anchor component={Link} to={CALENDARS_PATH} size="xs">
                  Calendars
                </Anchor>{' '}
                first.
              </>
            ) : (
              'Which days are business days.'
            )
          }
          {...form.getInputProps('calendar')}
          onChange={chooseCalendar}
        />
        <ZoneSelect description="Where the time of day and the dates are read." {...form.getInputProps('zone')} />
      </SimpleGrid>
      <Group align="flex-start" gap="sm" grow>
        {kind !== 'cron' && <TextInput type="time" label="Time of day" description="Local to the time zone." {...form.getInputProps('time')} />}
        <TextInput type="date" label="Start date" description="The first date it may fire on." {...form.getInputProps('startDate')} />
        <TextInput type="date" label="End date" description="Optional; the last date it may fire on." {...form.getInputProps('endDate')} />
      </Group>
      {takesConvention(kind) ? (
        <Select
          label="Convention"
          description="How a date that falls on a closed day moves."
          data={[{ value: 'default', label: kind === 'cron' ? 'Default for cron: none' : 'Default: modified following' }, ...CONVENTIONS]}
          allowDeselect={false}
          {...form.getInputProps('convention')}
        />
      ) : (
        <Text size="xs" c="dimmed">
          This rule counts business days only, so no closed day needs to move.
        </Text>
      )}
    </Stack>
  );
}
