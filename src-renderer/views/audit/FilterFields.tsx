import { Autocomplete, Select, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { AuditOutcome } from '@shared/domain/audit';
import { useOp } from '../../api/hooks';
import { useCan } from '../../session/session-context';
import type { FilterFormValues } from './filter-form';

type Field = (key: keyof FilterFormValues) => GetInputPropsReturnType;

/** Subject types the core writes; any other can be typed. */
const SUBJECT_TYPES = ['instance', 'task', 'user', 'schedule', 'calendar', 'config-change', 'connector', 'session', 'access-token', 'site'];

/** From and To in the user's own time zone (the contract gets UTC). */
export function TimeRangeFields({ field, required = false }: { field: Field; required?: boolean }) {
  return (
    <>
      <TextInput type="datetime-local" label="From" required={required} w={210} {...field('from')} />
      <TextInput type="datetime-local" label="To" required={required} w={210} {...field('to')} />
    </>
  );
}

/**
 * The trail's filters other than time, shared by the search and the period report (which
 * selects its events with the same filters). `field` is the form's getInputProps.
 */
export function FilterFields({ field }: { field: Field }) {
  const can = useCan();
  const workflows = useOp('workflows.list', {}, { enabled: can('workflow.read') });
  const outcome = field('outcome');
  return (
    <>
      <TextInput label="Actor" placeholder="username or system:…" w={180} spellCheck={false} {...field('actor')} />
      <TextInput label="Action" placeholder="user. or instance.completed" w={200} spellCheck={false} {...field('action')} />
      <Autocomplete label="Subject type" placeholder="instance, task, user…" w={150} data={SUBJECT_TYPES} {...field('subjectType')} />
      <TextInput label="Subject id" w={200} spellCheck={false} {...field('subjectId')} />
      <Autocomplete label="Workflow" placeholder="workflow key" w={180} data={(workflows.data?.items ?? []).map((w) => w.key)} {...field('workflow')} />
      <Select
        label="Outcome"
        placeholder="Any"
        w={120}
        clearable
        data={AuditOutcome.options}
        {...outcome}
        value={(outcome.value as string) || null}
        onChange={(value) => outcome.onChange(value ?? '')}
      />
      <TextInput label="Text" placeholder="words anywhere in the event" w={220} {...field('text')} />
    </>
  );
}
