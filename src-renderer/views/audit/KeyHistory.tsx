import { Badge, Table, Text, Title } from '@mantine/core';
import type { SigningKeyInfo } from '@shared/contract/evidence';
import { formatTime } from '../../ui/format';
import { groupedFingerprint } from './fingerprint';

/** Every key the site has signed with, oldest first: the first is where the rotation chain's trust starts. */
export function KeyHistory({ keys }: { keys: readonly SigningKeyInfo[] }) {
  return (
    <section aria-labelledby="key-history-heading">
      <Title order={2} size="h4" id="key-history-heading" mb="xs">
        Key history
      </Title>
      {keys.length === 0 ? (
        <Text size="sm" c="dimmed">
          No key yet.
        </Text>
      ) : (
        <Table withTableBorder verticalSpacing={4} aria-label="Key history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>Key id</Table.Th>
              <Table.Th>Fingerprint</Table.Th>
              <Table.Th w={160}>Created</Table.Th>
              <Table.Th w={170}>Retired</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.map((key, i) => (
              <Table.Tr key={key.keyId}>
                <Table.Td className="mono">
                  {key.keyId}
                  {i === 0 && (
                    <Badge size="xs" variant="light" color="gray" ml={6}>
                      first
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td className="mono">{groupedFingerprint(key.fingerprint)}</Table.Td>
                <Table.Td className="tabular">{formatTime(key.createdAt)}</Table.Td>
                <Table.Td className="tabular">
                  {key.retiredAt ? (
                    formatTime(key.retiredAt)
                  ) : (
                    <Badge size="sm" variant="light" color="teal">
                      in force
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
