import { Button, Group } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconSearch } from '@tabler/icons-react';
import { EMPTY_FILTER_FORM, filtersFromForm, formFromFilters } from './filter-form';
import { FilterFields, TimeRangeFields } from './FilterFields';
import type { AuditFilterValues } from './search-params';

/**
 * The search form. It starts from the filters in the address; its owner remounts it when the
 * address changes (back, forward, a shared link), so the fields always show what was searched.
 */
export function AuditFilters({ value, onSearch }: { value: AuditFilterValues; onSearch: (filters: AuditFilterValues) => void }) {
  const form = useForm({ initialValues: formFromFilters(value) });
  const submit = form.onSubmit((values) => {
    const result = filtersFromForm(values);
    if (result.ok) onSearch(result.filters);
    else form.setErrors(result.errors);
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Audit filters">
      <Group align="flex-end" gap="xs" mb="md" wrap="wrap">
        <TimeRangeFields field={form.getInputProps} />
        <FilterFields field={form.getInputProps} />
        <Group gap="xs">
          <Button type="submit" leftSection={<IconSearch size={14} />}>
            Search
          </Button>
          <Button
            variant="default"
            onClick={() => {
              form.setValues(EMPTY_FILTER_FORM);
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
