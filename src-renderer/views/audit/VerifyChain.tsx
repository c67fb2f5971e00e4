import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { ChainVerification } from '@shared/contract/audit';

/** The outcome of `audit.verify`: intact up to the head, or the first event that breaks the chain. */
export function VerifyResult({ result }: { result: ChainVerification }) {
  if (result.ok) {
    return (
      <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title="Audit chain intact" mb="md" role="status">
        <Text size="sm">
          {result.checked} event{result.checked === 1 ? '' : 's'} checked
          {result.head && (
            <>
              ; head #{result.head.seq}, hash <span className="mono">{result.head.hash.slice(0, 16)}…</span>
            </>
          )}
          .
        </Text>
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="Audit chain broken" mb="md" role="alert">
      <Text size="sm">
        {result.firstBad ? `The first bad event is #${result.firstBad.seq}: ${result.firstBad.reason}.` : 'The chain does not verify.'} {result.checked} events
        checked.
      </Text>
    </Alert>
  );
}
