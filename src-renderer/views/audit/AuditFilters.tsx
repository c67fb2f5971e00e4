import { Button, Group, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconSearch } from '@tabler/icons-react';
import { AuditQuery } from '@shared/contract/audit';
import { sentence } from '../../forms/messages';

export interface AuditFilterValues {
  action?: string;
  actor?: string;
  text?: string;
}

const EMPTY = { action: '', actor: '', text: '' };

/** Drops empty fields and checks the rest with the contract's own query schema (e.g. text ≥ 2 characters). */
function toQuery(values: typeof EMPTY): { ok: true; query: AuditFilterValues } | { ok: false; errors: Record<string, string> } {
  const query = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== '')) as AuditFilterValues;
  const parsed = AuditQuery.safeParse(query);
  if (parsed.success) return { ok: true, query };
  return { ok: false, errors: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), sentence(i.message)])) };
}

/** Action (or a prefix ending in "."), actor (username or "system:…"), and free text. */
export function AuditFilters({ onSearch }: { onSearch: (filters: AuditFilterValues) => void }) {
  const form = useForm({ initialValues: EMPTY });
  const submit = form.onSubmit((values) => {
    const result = toQuery(values);
    if (result.ok) onSearch(result.query);
    else form.setErrors(result.errors);
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Audit filters">
      <Group align="flex-end" gap="xs" mb="md" wrap="wrap">
        <TextInput label="Action" placeholder="user. or session.signed-in" w={210} {...form.getInputProps('action')} />
        <TextInput label="Actor" placeholder="username or system:…" w={190} {...form.getInputProps('actor')} />
        <TextInput label="Text" placeholder="anything in the event" w={230} {...form.getInputProps('text')} />
        <Group gap="xs">
          <Button type="submit" leftSection={<IconSearch size={14} />}>
            Search
          </Button>
          <Button
            variant="default"
            onClick={() => {
              form.reset();
              onSearch({});
            }}
          >
            Clear
          </Button>
        </Group>
      </Group>
    </form>
  );
}
