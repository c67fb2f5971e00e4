import { Alert, List, Text } from '@mantine/core';
import type { BulkOutcome } from './use-claim-release';

const VERB = { claim: 'claimed', release: 'released' } as const;

/**
 * What a bulk claim or release did, task by task: how many succeeded, and for each refusal
 * the core's reason (someone else claimed it first, not among its candidates, …).
 */
export function BulkOutcomeAlert({ outcome, describe, onClose }: { outcome: BulkOutcome; describe: (taskId: string) => string; onClose: () => void }) {
  const verb = VERB[outcome.action];
  const failed = outcome.refused.length > 0;
  return (
    <Alert
      role="status"
      color={failed ? (outcome.done.length > 0 ? 'yellow' : 'red') : 'teal'}
      variant="light"
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onClose}
      mb="xs"
      title={`${outcome.done.length} ${verb}${failed ? `, ${outcome.refused.length} refused` : ''}`}
    >
      {failed ? (
        <List size="sm" spacing={2}>
          {outcome.refused.map((r) => (
            <List.Item key={r.taskId}>
              <Text span size="sm" fw={500}>
                {describe(r.taskId)}
              </Text>
              : {r.reason}
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm">Every selected task was {verb}.</Text>
      )}
    </Alert>
  );
}
