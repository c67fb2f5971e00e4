import { Fragment } from 'react';
import { Group, Kbd, Modal, Table, Text } from '@mantine/core';
import { LOCK_KEYS } from './use-shortcuts';
import type { ViewDef } from './views';

function Keys({ keys, then = false }: { keys: readonly string[]; then?: boolean }) {
  return (
    <Group gap={4} wrap="nowrap">
      {keys.map((key, i) => (
        <Fragment key={i}>
          {i > 0 && (
            <Text span size="xs" c="dimmed">
              {then ? 'then' : '+'}
            </Text>
          )}
          <Kbd size="xs">{key}</Kbd>
        </Fragment>
      ))}
    </Group>
  );
}

/** The `?` dialog: every key the console answers to, for the views this user may open. */
export function ShortcutHelp({ opened, onClose, views }: { opened: boolean; onClose: () => void; views: readonly ViewDef[] }) {
  const rows: { keys: readonly string[]; then?: boolean; action: string }[] = [
    ...views.map((v) => ({ keys: ['G', v.shortcut.toUpperCase()], then: true, action: `Go to ${v.label}` })),
    { keys: ['?'], action: 'Show this help' },
    { keys: LOCK_KEYS, action: 'Lock the console' },
  ];
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="sm">
      <Table verticalSpacing={4} withRowBorders={false}>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.action}>
              <Table.Td w={130}>
                <Keys keys={row.keys} then={row.then ?? false} />
              </Table.Td>
              <Table.Td>{row.action}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
