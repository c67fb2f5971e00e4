import { useState } from 'react';
import { Button, Group, Menu, Popover, Stack, Text, TextInput } from '@mantine/core';
import { IconBookmark, IconTrash } from '@tabler/icons-react';
import type { QueueFilters } from './queue-filters';
import { useSavedFilters } from './use-saved-filters';

/** Names a new filter set (or replaces one of the same name). */
function SaveFilterPopover({ onSave }: { onSave: (name: string) => void }) {
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState('');
  const trimmed = name.trim();
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" trapFocus withArrow>
      <Popover.Target>
        <Button variant="default" size="xs" onClick={() => setOpened((o) => !o)}>
          Save filters…
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          aria-label="Save filters"
          onSubmit={(e) => {
            e.preventDefault();
            if (!trimmed) return;
            onSave(trimmed.slice(0, 60));
            setName('');
            setOpened(false);
          }}
        >
          <Stack gap="xs">
            <TextInput
              label="Name of this filter set"
              placeholder="e.g. Overdue invoices"
              maxLength={60}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button type="submit" size="xs" disabled={!trimmed}>
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}

/** The person's saved filter sets: apply one, delete one, or save the current filters under a name. */
export function SavedFiltersMenu({ current, username, onApply }: { current: QueueFilters; username: string; onApply: (filters: QueueFilters) => void }) {
  const { saved, save, remove } = useSavedFilters(username);
  return (
    <Group gap="xs">
      <Menu position="bottom-end" width={260}>
        <Menu.Target>
          <Button variant="default" size="xs" leftSection={<IconBookmark size={14} />}>
            Saved filters{saved.length > 0 ? ` (${saved.length})` : ''}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {saved.length === 0 ? (
            <Text size="xs" c="dimmed" p="xs">
              No saved filters yet: set the filters you use often, then “Save filters…”.
            </Text>
          ) : (
            <>
              <Menu.Label>Apply</Menu.Label>
              {saved.map((s) => (
                <Menu.Item key={s.name} onClick={() => onApply(s.filters)}>
                  {s.name}
                </Menu.Item>
              ))}
              <Menu.Divider />
              <Menu.Label>Delete</Menu.Label>
              {saved.map((s) => (
                <Menu.Item key={s.name} color="red" aria-label={`Delete ${s.name}`} leftSection={<IconTrash size={14} />} onClick={() => remove(s.name)}>
                  {s.name}
                </Menu.Item>
              ))}
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      <SaveFilterPopover onSave={(name) => save(name, current)} />
    </Group>
  );
}
