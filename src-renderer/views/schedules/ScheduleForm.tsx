import { Button, Grid, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ApiError } from '../../api/api-error';
import { useOp } from '../../api/hooks';
import { notifyError } from '../../ui/notify';
import { InputFields } from './InputFields';
import { Panel } from './Panel';
import { PolicyFields } from './PolicyFields';
import { RuleFields } from './RuleFields';
import { placeIssues, toDefinition, toSpec, validateValues, type Definition, type ScheduleFormValues } from './schedule-form';
import { SchedulePreview } from './SchedulePreview';

/**
 * A schedule's definition, with the live preview of its fire times beside it. Validated with
 * the contract's schema before sending; the core's refusals land under the fields they name.
 */
export function ScheduleForm({
  initialValues,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initialValues: ScheduleFormValues;
  submitLabel: string;
  onSubmit: (definition: Definition) => Promise<void>;
  onCancel: () => void;
}) {
  const form = useForm<ScheduleFormValues>({ initialValues, validate: validateValues });
  const workflows = useOp('workflows.list', {});
  const calendars = useOp('calendars.list', {});

  const submit = form.onSubmit(async (values) => {
    try {
      await onSubmit(toDefinition(values));
    } catch (error) {
      const refused = error as ApiError;
      // A taken name is a conflict, not a 400, but it belongs under the name all the same.
      if (refused.code === 'schedule_exists') return form.setFieldError('name', refused.message);
      const unplaced = placeIssues(refused.issues ?? [], values, form.setFieldError);
      if (unplaced.length > 0 || !refused.issues?.length) notifyError(refused, 'The schedule was not saved');
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Schedule">
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Panel title="What runs">
              <Stack gap="sm">
                <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
                <Textarea label="Description" autosize minRows={1} maxRows={4} {...form.getInputProps('description')} />
                <Select
                  label="Workflow"
                  description="Each run starts its latest deployed version."
                  placeholder={workflows.data?.items.length === 0 ? 'No workflow is deployed yet' : 'Choose a workflow'}
                  data={(workflows.data?.items ?? []).map((w) => ({ value: w.key, label: `${w.key} · ${w.name}` }))}
                  searchable
                  {...form.getInputProps('workflow')}
                  error={form.errors.workflow ?? workflows.error?.message}
                  onChange={(value) => form.setFieldValue('workflow', value ?? '')}
                />
                <InputFields form={form} />
              </Stack>
            </Panel>
            <Panel title="When it runs">
              <RuleFields form={form} calendars={calendars.data?.items} />
            </Panel>
            <Panel title="Policies">
              <PolicyFields form={form} />
            </Panel>
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onCancel}>
                Cancel
              </Button>
              <Button type="submit" loading={form.submitting}>
                {submitLabel}
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <div style={{ position: 'sticky', top: 64 }}>
            <SchedulePreview spec={toSpec(form.values)} />
          </div>
        </Grid.Col>
      </Grid>
    </form>
  );
}
