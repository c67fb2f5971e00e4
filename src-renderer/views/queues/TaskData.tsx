import { Table, Text } from '@mantine/core';
import type { TaskDetail } from '@shared/contract/work';
import { dataLeaves, formatLeaf } from './data-leaves';
import { MaskedValue } from './MaskedValue';

/**
 * The data a task shows (for approvals: what is being approved), one line per value.
 * Sensitive values arrive masked by the core; they can be unmasked one by one, audited.
 */
export function TaskData({ detail, label = 'Data' }: { detail: Pick<TaskDetail, 'data' | 'maskedPaths' | 'task'>; label?: string }) {
  const leaves = dataLeaves(detail.data);
  if (leaves.length === 0)
    return (
      <Text size="sm" c="dimmed">
        This task shows no data of its instance.
      </Text>
    );
  const masked = new Set(detail.maskedPaths);
  return (
    <Table verticalSpacing={4} aria-label={label} style={{ tableLayout: 'fixed' }}>
      <Table.Tbody>
        {leaves.map((leaf) => (
          <Table.Tr key={leaf.path} data-path={leaf.path}>
            <Table.Th w="38%" fw={500}>
              <Text span size="sm" ff="monospace" c="dimmed">
                {leaf.path}
              </Text>
            </Table.Th>
            <Table.Td>
              {masked.has(leaf.path) ? (
                <MaskedValue taskId={detail.task.id} path={leaf.path} masked={leaf.value} />
              ) : (
                <Text span size="sm" style={{ wordBreak: 'break-word' }}>
                  {formatLeaf(leaf.value)}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
