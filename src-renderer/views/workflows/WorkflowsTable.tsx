import { useRef } from 'react';
import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { OpOutput } from '@shared/contract';
import { formatTime } from '../../ui/format';
import { HEADER_HEIGHT } from '../../ui/layout';
import { openOnRowClick, scrollRowIntoView, useListKeyboard } from '../../ui/use-list-keyboard';

type WorkflowSummary = OpOutput<'workflows.list'>['items'][number];

export function workflowPath(key: string, version?: number): string {
  return `/workflows/${encodeURIComponent(key)}${version ? `?version=${version}` : ''}`;
}

/** Deployed workflows, one row each with its latest version; j/k and Enter open one. */
export function WorkflowsTable({ workflows, onOpen }: { workflows: readonly WorkflowSummary[]; onOpen: (key: string) => void }) {
  const table = useRef<HTMLTableElement>(null);
  const keys = useListKeyboard({
    count: workflows.length,
    onOpen: (i) => workflows[i] && onOpen(workflows[i].key),
    onMove: (i) => scrollRowIntoView(table.current, i),
  });
  return (
    <Table ref={table} striped highlightOnHover withTableBorder stickyHeader stickyHeaderOffset={HEADER_HEIGHT} aria-label="Workflows">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Key</Table.Th>
          <Table.Th>Name</Table.Th>
          <Table.Th w={90}>Latest</Table.Th>
          <Table.Th w={90}>Versions</Table.Th>
          <Table.Th w={170}>Deployed</Table.Th>
          <Table.Th w={140}>By</Table.Th>
          <Table.Th w={130}>Content hash</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {workflows.map((w, i) => (
          <Table.Tr
            key={w.key}
            data-row
            {...keys.rowProps(i)}
            onClick={openOnRowClick(() => {
              keys.select(i);
              onOpen(w.key);
            })}
            style={{ cursor: 'pointer', ...keys.rowProps(i).style }}
          >
            <Table.Td>
              <Anchor href={`#${workflowPath(w.key)}`} size="sm" fw={600}>
                {w.key}
              </Anchor>
            </Table.Td>
            <Table.Td>{w.name}</Table.Td>
            <Table.Td>
              <Badge variant="light">v{w.latestVersion}</Badge>
            </Table.Td>
            <Table.Td className="tabular">{w.versions}</Table.Td>
            <Table.Td className="tabular">{formatTime(w.deployedAt)}</Table.Td>
            <Table.Td>{w.deployedBy}</Table.Td>
            <Table.Td>
              <Text span size="xs" ff="monospace" c="dimmed" title={w.contentHash}>
                {w.contentHash.slice(0, 12)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
