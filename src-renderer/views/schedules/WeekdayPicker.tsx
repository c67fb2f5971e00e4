import { Checkbox, Group, type CheckboxGroupProps } from '@mantine/core';
import { WEEKDAYS } from './weekdays';

/** ISO weekdays as checkboxes (values "1" = Monday … "7" = Sunday), for weekends and weekly rules. */
export function WeekdayPicker(props: Omit<CheckboxGroupProps, 'children'>) {
  return (
    <Checkbox.Group {...props}>
      <Group gap="sm" mt={6}>
        {WEEKDAYS.map((d) => (
          <Checkbox key={d.value} value={String(d.value)} label={d.short} aria-label={d.long} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}
