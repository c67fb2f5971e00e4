import { Button, Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconSearch } from '@tabler/icons-react';
import { InstanceQuery, type InstanceStatus } from '@shared/contract/engine';
import { useOp } from '../../api/hooks';
import { sentence } from '../../forms/messages';
import { useCan } from '../../session/session-context';
import { INSTANCE_STATUSES } from './status';

export interface InstanceFilterValues {
  status?: InstanceStatus;
  workflow?: string;
  businessKey?: string;
  variable?: { path: string; equals: string | number | boolean };
}

const EMPTY = { workflow: '', businessKey: '', path: '', equals: '' };
/** The contract's rule for a variable path, checked here to say it in words. */
const VARIABLE_PATH = /^[a-zA-Z_][a-zA-Z0-9_]*(\.[a-zA-Z_][a-zA-Z0-9_]*)*$/;

/** A typed value: JSON literals (42, true, "42") as such, anything else as text. */
export function variableValue(text: string): string | number | boolean {
  const trimmed = text.trim();
  if (/^(true|false)$/.test(trimmed) || /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(trimmed) || /^".*"$/.test(trimmed)) {
    try {
      return JSON.parse(trimmed) as string | number | boolean;
    } catch {
      return text;
    }
  }
  return text;
}

/** Drops empty fields and checks the rest with the contract's own query schema. */
function toQuery(
  values: typeof EMPTY,
  status: InstanceStatus | undefined,
): { ok: true; query: InstanceFilterValues } | { ok: false; errors: Record<string, string> } {
  const query: InstanceFilterValues = {};
  if (status) query.status = status;
  if (values.workflow) query.workflow = values.workflow;
  if (values.businessKey.trim()) query.businessKey = values.businessKey.trim();
  if (values.path.trim() || values.equals.trim()) {
    if (!VARIABLE_PATH.test(values.path.trim())) return { ok: false, errors: { path: 'A variable name with optional .fields, e.g. invoice.vendor.id' } };
    query.variable = { path: values.path.trim(), equals: variableValue(values.equals) };
  }
  const parsed = InstanceQuery.safeParse(query);
  if (parsed.success) return { ok: true, query };
  const field = (path: string) => (path === 'variable.path' ? 'path' : path === 'variable.equals' ? 'equals' : path);
  return { ok: false, errors: Object.fromEntries(parsed.error.issues.map((i) => [field(i.path.join('.')), sentence(i.message)])) };
}

/**
 * Status (applies at once), and workflow, business key and one variable's value (applied
 * with Search). A variable value is matched exactly: 42 and true as a number and a boolean,
 * "42" in quotes as text.
 */
export function InstanceFilters({ value, onSearch }: { value: InstanceFilterValues; onSearch: (filters: InstanceFilterValues) => void }) {
  const can = useCan();
  const workflows = useOp('workflows.list', {}, { enabled: can('workflow.read') });
  const form = useForm({ initialValues: EMPTY });
  const submit = (status: InstanceStatus | undefined) => {
    const result = toQuery(form.getValues(), status);
    if (result.ok) onSearch(result.query);
    else form.setErrors(result.errors);
  };
  return (
    <form onSubmit={form.onSubmit(() => submit(value.status))} noValidate aria-label="Instance filters">
      <SegmentedControl
        size="xs"
        mb="xs"
        aria-label="Status"
        value={value.status ?? 'all'}
        onChange={(status) => submit(status === 'all' ? undefined : (status as InstanceStatus))}
        data={[{ value: 'all', label: 'All' }, ...INSTANCE_STATUSES.map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) }))]}
      />
      <Group align="flex-end" gap="xs" mb="md" wrap="wrap">
        {can('workflow.read') ? (
          <Select
            label="Workflow"
            placeholder="Any"
            w={200}
            clearable
            searchable
            data={(workflows.data?.items ?? []).map((w) => ({ value: w.key, label: w.key }))}
            {...form.getInputProps('workflow')}
            value={form.values.workflow || null}
            onChange={(v) => form.setFieldValue('workflow', v ?? '')}
          />
        ) : (
          <TextInput label="Workflow" placeholder="workflow key" w={180} {...form.getInputProps('workflow')} />
        )}
        <TextInput label="Business key" placeholder="e.g. INV-2026-0042" w={180} {...form.getInputProps('businessKey')} />
        <TextInput label="Variable" placeholder="invoice.vendor.id" w={180} spellCheck={false} {...form.getInputProps('path')} />
        <TextInput label="equals" placeholder='V-100, 42, true or "42"' w={160} spellCheck={false} {...form.getInputProps('equals')} />
        <Group gap="xs">
          <Button type="submit" leftSection={<IconSearch size={14} />}>
            Search
          </Button>
          <Button
            variant="default"
            onClick={() => {
              form.reset();
              onSearch(value.status ? { status: value.status } : {});
            }}
          >
            Clear
          </Button>
        </Group>
      </Group>
    </form>
  );
}
