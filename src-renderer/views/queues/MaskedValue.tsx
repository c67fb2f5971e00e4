import { Button, Group, Text, Tooltip } from '@mantine/core';
import { IconEye, IconLock } from '@tabler/icons-react';
import type { JsonValue } from '@shared/domain/audit';
import type { ApiError } from '../../api/api-error';
import { useOpMutation } from '../../api/hooks';
import { useCan } from '../../session/session-context';
import { notifyError } from '../../ui/notify';

function shown(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * A sensitive value the core masked. Those who may (`sensitive.unmask`) show it in clear;
 * the core records each such viewing in the audit trail, and the page says so.
 */
export function MaskedValue({
  taskId,
  path,
  masked,
  onRevealed,
}: {
  taskId: string;
  path: string;
  masked: JsonValue;
  onRevealed?: (value: JsonValue) => void;
}) {
  const can = useCan();
  const unmask = useOpMutation('tasks.unmask');
  if (unmask.data)
    return (
      <Group gap={6} wrap="nowrap">
        <Text span size="sm" ff="monospace" data-unmasked={path}>
          {shown(unmask.data.value)}
        </Text>
        <Text span size="xs" c="dimmed">
          (shown in clear; recorded in the audit trail)
        </Text>
      </Group>
    );
  return (
    <Group gap={6} wrap="nowrap">
      <Tooltip label="Sensitive: masked">
        <IconLock size={14} aria-label="Sensitive, masked" />
      </Tooltip>
      <Text span size="sm" ff="monospace" data-masked={path}>
        {shown(masked)}
      </Text>
      {can('sensitive.unmask') && (
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconEye size={12} />}
          loading={unmask.isPending}
          aria-label={`Unmask ${path}`}
          onClick={() =>
            unmask.mutate(
              { taskId, path },
              { onSuccess: (result) => onRevealed?.(result.value), onError: (error: ApiError) => notifyError(error, 'Could not unmask') },
            )
          }
        >
          Unmask
        </Button>
      )}
    </Group>
  );
}
