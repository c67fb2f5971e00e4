import { ActionIcon, Badge, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import type { ConflictRule } from '@shared/contract/work';
import { HEADER_HEIGHT } from '../../../ui/layout';

function Side({ workflow, entity, fields }: { workflow: string; entity: string; fields?: readonly string[] }) {
  return (
    <>
      <Text size="sm" fw={500}>
        {workflow === '*' ? 'any workflow' : workflow}
      </Text>
      <Text size="xs" c="dimmed">
        entity <span className="mono">{entity}</span>
      </Text>
      {fields && (
        <Group gap={4} mt={2}>
          {fields.map((field) => (
            <Badge key={field} variant="light" color="gray" tt="none" ff="monospace">
              {field}
            </Badge>
          ))}
        </Group>
      )}
    </>
  );
}

/** The matrix, one rule per row: who may not approve (approval side) because they made the data (maker side). */
export function ConflictRulesTable({
  rules,
  onEdit,
  onRemove,
}: {
  rules: readonly ConflictRule[];
  /** Absent for those who may not change the matrix. */
  onEdit?: (rule: ConflictRule) => void;
  onRemove?: (rule: ConflictRule) => void;
}) {
  const editable = onEdit !== undefined && onRemove !== undefined;
  return (
    <Table striped withTableBorder stickyHeader stickyHeaderOffset={HEADER_HEIGHT} aria-label="Conflict rules" verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Rule</Table.Th>
          <Table.Th>May not approve (approval side)</Table.Th>
          <Table.Th>Whoever made (maker side)</Table.Th>
          {editable && (
            <Table.Th w={84}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rules.map((rule) => (
          <Table.Tr key={rule.id} data-rule={rule.id}>
            <Table.Td maw={380}>
              <Text size="sm" fw={600} ff="monospace">
                {rule.id}
              </Text>
              <Text size="sm">{rule.description}</Text>
            </Table.Td>
            <Table.Td>
              <Side workflow={rule.approval.workflow} entity={rule.approval.key} />
            </Table.Td>
            <Table.Td>
              <Side workflow={rule.maker.workflow} entity={rule.maker.key} fields={rule.maker.fields} />
            </Table.Td>
            {editable && (
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon variant="subtle" color="gray" aria-label={`Edit rule ${rule.id}`} onClick={() => onEdit(rule)}>
                    <IconPencil size={16} />
                  </ActionIcon>
                  <ActionIcon variant="subtle" color="red" aria-label={`Remove rule ${rule.id}`} onClick={() => onRemove(rule)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
