import { ActionIcon, Button, Code, Group, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ScheduleFormValues } from './schedule-form';

/**
 * The input of each run: a field name and the FEEL expression that fills it, evaluated at
 * every fire. The core checks each expression against a sample fire when the schedule is saved.
 */
export function InputFields({ form }: { form: UseFormReturnType<ScheduleFormValues> }) {
  return (
    <Stack gap={6} role="group" aria-labelledby="schedule-input-title">
      <Text size="sm" fw={500} id="schedule-input-title">
        Input of each run
      </Text>
      <Text size="xs" c="dimmed">
        Field name → FEEL expression. Available: <Code>fireTime</Code> (the scheduled instant), <Code>businessDate</Code> (its date in the zone),{' '}
        <Code>scheduleName</Code> and <Code>trigger</Code> (scheduled, misfire or manual). Text is quoted: <Code>&quot;EUR&quot;</Code>.
      </Text>
      {form.values.input.map((_, i) => (
        <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput aria-label={`Input field ${i + 1} name`} placeholder="field" w={180} spellCheck={false} {...form.getInputProps(`input.${i}.field`)} />
          <TextInput
            aria-label={`Input field ${i + 1} expression`}
            placeholder="FEEL expression"
            ff="monospace"
            spellCheck={false}
            style={{ flex: 1 }}
            {...form.getInputProps(`input.${i}.expression`)}
          />
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={`Remove input field ${i + 1}`} onClick={() => form.removeListItem('input', i)}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="default" size="xs" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('input', { field: '', expression: '' })}>
          Add input field
        </Button>
      </Group>
    </Stack>
  );
}
