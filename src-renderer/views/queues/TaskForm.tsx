import { useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { TaskDetail } from '@shared/contract/work';
import type { ApiError } from '../../api/api-error';
import { useOpMutation } from '../../api/hooks';
import { sentence } from '../../forms/messages';
import { RefusalAlert } from '../../ui/RefusalAlert';
import { checkInputs, fieldProblem, initialInputs, type FieldInput, type FormInputs } from './form-values';
import { FormFieldInput } from './FormFieldInput';

/** The core names form fields `values.<field>`; anything else is not about one field. */
function fieldErrors(error: ApiError): { fields: Record<string, string>; rest: boolean } {
  const fields: Record<string, string> = {};
  for (const issue of error.issues ?? []) {
    if (issue.path.startsWith('values.')) fields[issue.path.slice('values.'.length).split('.')[0] as string] ??= sentence(issue.message);
  }
  return { fields, rest: Object.keys(fields).length === 0 };
}

/**
 * The task's form, from the fields the workflow declares, checked with the shared schema as
 * the person types (after a first attempt) and again by the core on completion. Fields are
 * read-only until the task is claimed by the person; Complete shows only when the core says
 * they may.
 */
export function TaskForm({ detail, onCompleted }: { detail: TaskDetail; onCompleted: () => void }) {
  const fields = detail.form;
  const [inputs, setInputs] = useState<FormInputs>(() => initialInputs(fields));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempted, setAttempted] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const complete = useOpMutation('tasks.complete', { invalidates: ['tasks.list', 'tasks.get'] });
  const editable = detail.can.complete;

  const change = (name: string, next: FieldInput) => {
    setInputs((current) => ({ ...current, [name]: next }));
    if (!attempted && !errors[name]) return;
    const field = fields.find((f) => f.name === name);
    const problem = field ? fieldProblem(field, next) : null;
    setErrors((current) => {
      const next = { ...current };
      delete next[name];
      return problem ? { ...next, [name]: problem } : next;
    });
  };

  const submit = async () => {
    setAttempted(true);
    setRefusal(null);
    const checked = checkInputs(fields, inputs);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    try {
      await complete.mutateAsync({ taskId: detail.task.id, values: checked.values });
      onCompleted();
    } catch (error) {
      const { fields: byField, rest } = fieldErrors(error as ApiError);
      setErrors(byField);
      if (rest) setRefusal(error as ApiError);
    }
  };

  return (
    <form
      aria-label="Task form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        {!editable && (
          <Text size="sm" c="dimmed">
            {detail.task.status === 'open' ? 'Claim the task to fill in the form.' : 'Only the person the task is assigned to fills in the form.'}
          </Text>
        )}
        {fields.map((field) => (
          <FormFieldInput
            key={field.name}
            field={field}
            taskId={detail.task.id}
            input={inputs[field.name] ?? ''}
            error={errors[field.name]}
            disabled={!editable || complete.isPending}
            documents={detail.documents}
            onChange={(next) => change(field.name, next)}
          />
        ))}
        {refusal && <RefusalAlert error={refusal} title="The task was not completed" />}
        {detail.can.complete && (
          <Group justify="flex-end">
            <Button type="submit" leftSection={<IconCheck size={16} />} loading={complete.isPending}>
              Complete task
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
