import { Text } from '@mantine/core';
import { formatTime } from '../../ui/format';
import { useNow } from '../../ui/use-now';
import { SECONDS_SHOWN_BELOW_MS } from '../../ui/time-span';
import { SLA_COLOR, slaState } from './sla';

/**
 * A task's SLA as a live countdown. Each one ticks on its own clock: every second when
 * seconds are shown, every 15 s otherwise, so a long queue does not re-render as a whole.
 */
export function SlaCountdown({ dueAt, size = 'sm' }: { dueAt: string | null; size?: 'xs' | 'sm' }) {
  const initial = slaState(dueAt, Date.now());
  const fast = initial.remainingMs !== null && Math.abs(initial.remainingMs) < SECONDS_SHOWN_BELOW_MS + 15_000;
  const now = useNow(fast ? 1_000 : 15_000);
  const sla = slaState(dueAt, now);
  return (
    <Text
      span
      size={size}
      className="tabular"
      c={SLA_COLOR[sla.tone]}
      fw={sla.tone === 'overdue' ? 600 : undefined}
      title={dueAt ? `Due ${formatTime(dueAt)}` : undefined}
      data-sla={sla.tone}
    >
      {sla.text}
    </Text>
  );
}
