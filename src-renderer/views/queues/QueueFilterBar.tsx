import { useEffect, useRef, useState } from 'react';
import { Group, SegmentedControl, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import type { TaskQuery } from '@shared/contract/work';
import { useOp } from '../../api/hooks';
import { useCan } from '../../session/session-context';
import type { QueueFilters } from './queue-filters';
import { SavedFiltersMenu } from './SavedFiltersMenu';

const KINDS = [
  { value: 'task', label: 'Tasks' },
  { value: 'approval', label: 'Approvals' },
  { value: 'rework', label: 'Rework' },
];
const SORTS = [
  { value: 'due', label: 'Due first' },
  { value: 'priority', label: 'Highest priority' },
  { value: 'created', label: 'Oldest first' },
];

/** The text box applies as the person pauses typing, not at every key (each change is a query). */
function SearchBox({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const [text, setText] = useState(value);
  const applied = useRef(value);
  const apply = useDebouncedCallback((next: string) => {
    applied.current = next;
    onChange(next);
  }, 300);
  // A saved filter set applied from the menu replaces what is typed; our own edits coming back do not.
  useEffect(() => {
    if (value !== applied.current) setText((applied.current = value));
  }, [value]);
  return (
    <TextInput
      label="Search"
      placeholder="Title or business key"
      w={220}
      leftSection={<IconSearch size={14} />}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        apply(e.currentTarget.value);
      }}
    />
  );
}

/**
 * Scope, kind, workflow, text, overdue and sort, each applied as it changes; saved sets on
 * the right. "All" is offered only to those the core lets see every task (supervisors and
 * auditors).
 */
export function QueueFilterBar({ value, onChange, username }: { value: QueueFilters; onChange: (next: QueueFilters) => void; username: string }) {
  const can = useCan();
  const workflows = useOp('workflows.list', {}, { enabled: can('workflow.read') });
  const set = (patch: Partial<QueueFilters>) => onChange({ ...value, ...patch });
  const seesAll = can('task.reassign') || can('audit.read');
  return (
    <div role="search" aria-label="Queue filters">
      <Group justify="space-between" align="flex-end" mb="xs" wrap="wrap" gap="xs">
        <SegmentedControl
          aria-label="Scope"
          value={value.scope}
          onChange={(scope) => set({ scope: scope as TaskQuery['scope'] })}
          data={[{ value: 'mine', label: 'My tasks' }, { value: 'available', label: 'Available' }, ...(seesAll ? [{ value: 'all', label: 'All' }] : [])]}
        />
        <SavedFiltersMenu current={value} username={username} onApply={onChange} />
      </Group>
      <Group align="flex-end" gap="xs" mb="md" wrap="wrap">
        <Select
          label="Kind"
          placeholder="Any"
          w={140}
          clearable
          data={KINDS}
          value={value.kind}
          onChange={(kind) => set({ kind: kind as QueueFilters['kind'] })}
        />
        {can('workflow.read') ? (
          <Select
            label="Workflow"
            placeholder="Any"
            w={200}
            clearable
            searchable
            data={(workflows.data?.items ?? []).map((w) => ({ value: w.key, label: w.key }))}
            value={value.workflow}
            onChange={(workflow) => set({ workflow })}
          />
        ) : (
          <TextInput
            label="Workflow"
            placeholder="workflow key"
            w={180}
            value={value.workflow ?? ''}
            onChange={(e) => set({ workflow: e.currentTarget.value.trim() || null })}
          />
        )}
        <SearchBox value={value.text} onChange={(text) => set({ text })} />
        <Select
          label="Sort"
          w={170}
          allowDeselect={false}
          data={SORTS}
          value={value.sort}
          onChange={(sort) => sort && set({ sort: sort as QueueFilters['sort'] })}
        />
        <Switch label="Overdue only" checked={value.overdue} onChange={(e) => set({ overdue: e.currentTarget.checked })} mb={8} />
      </Group>
    </div>
  );
}
