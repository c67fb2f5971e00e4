import { Table, Text } from '@mantine/core';
import type { InstanceDetail } from '@shared/contract/engine';
import { formatTime } from '../../ui/format';
import { JsonTree } from '../../ui/JsonTree';
import { MaskedVariables } from './MaskedVariables';
import { setters } from './provenance';

/**
 * The instance's variables, each top-level field with who set it (the basis of segregation
 * of duties). Sensitive values arrive masked; they are listed below with a Show action.
 */
export function VariablesTab({ detail }: { detail: InstanceDetail }) {
  const fields = Object.keys(detail.variables).sort();
  if (fields.length === 0)
    return (
      <Text size="sm" c="dimmed">
        The instance has no variables.
      </Text>
    );
  return (
    <>
      <Table verticalSpacing={5} aria-label="Variables" style={{ tableLayout: 'fixed' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>Field</Table.Th>
            <Table.Th>Value</Table.Th>
            <Table.Th w={170}>Set by</Table.Th>
            <Table.Th w={150}>Last set</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields.map((field) => {
            const set = setters(detail.provenance, field);
            return (
              <Table.Tr key={field} data-field={field} style={{ verticalAlign: 'top' }}>
                <Table.Td>
                  <Text span size="sm" ff="monospace" fw={600}>
                    {field}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <JsonTree value={detail.variables[field] ?? null} open={1} />
                </Table.Td>
                <Table.Td>
                  <Text span size="xs">
                    {set.who.length ? set.who.join(', ') : '—'}
                  </Text>
                </Table.Td>
                <Table.Td className="tabular">
                  <Text span size="xs">
                    {set.last === null ? '—' : formatTime(new Date(set.last).toISOString())}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <MaskedVariables instanceId={detail.instance.id} paths={detail.maskedPaths} />
      <Text size="xs" c="dimmed" mt="xs">
        Data hash (SHA-256 of the variables): <span className="mono">{detail.dataHash}</span>
      </Text>
    </>
  );
}
