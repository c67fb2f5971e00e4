import { Alert, Text } from '@mantine/core';
import { IconHandStop } from '@tabler/icons-react';
import type { ApiError } from '../api/api-error';

/**
 * A refusal shown where the action was taken (role="alert", so screen readers announce it):
 * the core's reason, e.g. a four-eyes or segregation-of-duties rule, stays next to the button
 * that met it, with the error's code (what the audit trail records) and its id when the core
 * logged one.
 */
export function RefusalAlert({ error, title = 'Refused' }: { error: ApiError; title?: string }) {
  return (
    <Alert role="alert" color="red" variant="light" icon={<IconHandStop size={18} />} title={title}>
      <Text size="sm">{error.message}</Text>
      <Text size="xs" c="dimmed" mt={4}>
        Code: <span className="mono">{error.code}</span>
        {error.errorId && (
          <>
            {' '}
            · error id: <span className="mono">{error.errorId}</span>
          </>
        )}
      </Text>
    </Alert>
  );
}
