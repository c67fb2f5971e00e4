import { useState } from 'react';
import { Badge, Group, Switch, Table, Text, Title } from '@mantine/core';
import type { JsonValue } from '@shared/domain/audit';
import { diffRows, type DiffStatus } from './change-diff';

const STATUS_COLOR: Record<Exclude<DiffStatus, 'same'>, string> = { changed: 'yellow', added: 'teal', removed: 'red' };

function Cell({ value }: { value: JsonValue | undefined }) {
  if (value === undefined)
    return (
      <Text span size="xs" c="dimmed" fs="italic">
        absent
      </Text>
    );
  return <span className="mono">{JSON.stringify(value)}</span>;
}

/**
 * The two sides of a change, field by field side by side, the fields that differ marked.
 * Unchanged fields can be hidden when a large object changed in one place.
 */
export function ChangeDiff({ before, after }: { before: JsonValue; after: JsonValue }) {
  const rows = diffRows(before, after);
  const changed = rows.filter((r) => r.status !== 'same').length;
  const [showSame, setShowSame] = useState(rows.length <= 40);
  const shown = showSame ? rows : rows.filter((r) => r.status !== 'same');

  return (
    <section aria-labelledby="change-heading">
      <Group justify="space-between" mb={6}>
        <Title order={2} size="h4" id="change-heading">
          Before and after
        </Title>
        <Group gap="sm">
          <Text size="xs" c="dimmed">
            {changed} of {rows.length} field{rows.length === 1 ? '' : 's'} differ
          </Text>
          <Switch size="xs" label="Show unchanged fields" checked={showSame} onChange={(e) => setShowSame(e.currentTarget.checked)} />
        </Group>
      </Group>
      <Table withTableBorder withColumnBorders verticalSpacing={4} aria-label="Before and after" style={{ tableLayout: 'fixed' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="26%">Field</Table.Th>
            <Table.Th>Before</Table.Th>
            <Table.Th>After</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((row) => (
            <Table.Tr key={row.path} className="cl-diff__row" data-status={row.status}>
              <Table.Td>
                <span className="mono">{row.path || '(value)'}</span>
                {row.status !== 'same' && (
                  <Badge size="xs" variant="light" color={STATUS_COLOR[row.status]} ml={6}>
                    {row.status}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td className="cl-diff__before">
                <Cell value={row.before} />
              </Table.Td>
              <Table.Td className="cl-diff__after">
                <Cell value={row.after} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
