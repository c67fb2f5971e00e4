import { Text } from '@mantine/core';
import { formatTime } from '../../ui/format';
import { useNow } from '../../ui/use-now';
import { formatSpan, SECONDS_SHOWN_BELOW_MS } from '../../ui/time-span';

/**
 * How long ago a task fell due, ticking: every second while seconds are shown, every 15 s
 * after that, each row on its own clock so a long list does not re-render as a whole.
 */
export function OverdueBy({ dueAt }: { dueAt: string }) {
  const due = Date.parse(dueAt);
  const fast = Date.now() - due < SECONDS_SHOWN_BELOW_MS + 15_000;
  const now = useNow(fast ? 1_000 : 15_000);
  const late = now - due;
  return (
    <>
      <Text size="sm" className="tabular" c={late > 0 ? 'red' : undefined} fw={late > 0 ? 600 : undefined} data-overdue={late > 0}>
        {late > 0 ? `overdue by ${formatSpan(late)}` : `due in ${formatSpan(late)}`}
      </Text>
      <Text size="xs" c="dimmed" className="tabular">
        due {formatTime(dueAt)}
      </Text>
    </>
  );
}
