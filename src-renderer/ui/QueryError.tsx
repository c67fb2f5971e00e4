import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ApiError } from '../api/api-error';

/** A failed read inside a view: the message, the error id the operator log names, and a retry. */
export function QueryError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="Could not load this list">
      <Text size="sm">{error.message}</Text>
      {error.errorId && (
        <Text size="xs" c="dimmed" mt={4}>
          Error id: <span className="mono">{error.errorId}</span>
        </Text>
      )}
      {onRetry && (
        <Group mt="xs">
          <Button size="xs" variant="default" onClick={onRetry}>
            Try again
          </Button>
        </Group>
      )}
    </Alert>
  );
}
