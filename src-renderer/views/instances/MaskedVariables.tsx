import { Button, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconEye, IconLock } from '@tabler/icons-react';
import type { JsonValue } from '@shared/domain/audit';
import type { ApiError } from '../../api/api-error';
import { useOpMutation } from '../../api/hooks';
import { useCan } from '../../session/session-context';
import { notifyError } from '../../ui/notify';

function shown(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function MaskedRow({ instanceId, path, mayShow }: { instanceId: string; path: string; mayShow: boolean }) {
  const unmask = useOpMutation('instances.unmask', { invalidates: ['audit.search'] });
  return (
    <Table.Tr data-masked-path={path}>
      <Table.Td>
        <Text span size="sm" ff="monospace">
          {path}
        </Text>
      </Table.Td>
      <Table.Td>
        {unmask.data ? (
          <Group gap={6} wrap="nowrap">
            <Text span size="sm" ff="monospace" data-unmasked={path}>
              {shown(unmask.data.value)}
            </Text>
            <Text span size="xs" c="dimmed">
              (shown in clear; recorded in the audit trail)
            </Text>
          </Group>
        ) : (
          <Group gap={6} wrap="nowrap">
            <Tooltip label="Sensitive: masked">
              <IconLock size={14} aria-label="Sensitive, masked" />
            </Tooltip>
            <Text span size="sm" c="dimmed" data-masked={path}>
              masked (as shown above)
            </Text>
            {mayShow && (
              <Button
                size="compact-xs"
                variant="subtle"
                leftSection={<IconEye size={12} />}
                loading={unmask.isPending}
                aria-label={`Show ${path}`}
                onClick={() => unmask.mutate({ instanceId, path }, { onError: (error: ApiError) => notifyError(error, 'Could not show the value') })}
              >
                Show
              </Button>
            )}
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * The instance's sensitive values (account numbers, tax ids): masked for everyone. Those who
 * may (`sensitive.unmask`) show one in clear; the core records each viewing in the audit
 * trail, and the page says so.
 */
export function MaskedVariables({ instanceId, paths }: { instanceId: string; paths: readonly string[] }) {
  const can = useCan();
  if (paths.length === 0) return null;
  return (
    <>
      <Text size="sm" fw={600} mt="md" mb={4}>
        Sensitive values (masked)
      </Text>
      <Table verticalSpacing={4} aria-label="Sensitive values" style={{ tableLayout: 'fixed' }}>
        <Table.Tbody>
          {paths.map((path) => (
            <MaskedRow key={path} instanceId={instanceId} path={path} mayShow={can('sensitive.unmask')} />
          ))}
        </Table.Tbody>
      </Table>
      {!can('sensitive.unmask') && (
        <Text size="xs" c="dimmed" mt={4}>
          Your role does not show sensitive values in clear.
        </Text>
      )}
    </>
  );
}
