import { Badge, Button, Group, Paper, Text } from '@mantine/core';
import { IconCheck, IconHourglass, IconX } from '@tabler/icons-react';
import type { ConfigChange } from '@shared/contract/work';
import { formatTime } from '../../../ui/format';
import { formatAge } from '../../../ui/use-now';
import { ChangeDetails } from './ChangeDetails';
import { kindLabel, STATUS_COLOR } from './change-words';
import type { Decision } from './DecideChangeModal';

/** Who decided a change that is no longer pending, and what they said. */
function Outcome({ change }: { change: ConfigChange }) {
  if (change.status === 'pending') return null;
  const verb = { approved: 'Approved', rejected: 'Rejected', superseded: 'Superseded' }[change.status];
  return (
    <Text size="xs" c="dimmed" mt={6}>
      {verb}
      {change.decidedBy ? ` by ${change.decidedBy}` : ' by a newer request for the same target'}
      {change.decidedAt ? ` · ${formatTime(change.decidedAt)}` : ''}
      {change.reason ? ` — “${change.reason}”` : ''}
    </Text>
  );
}

/**
 * One configuration change: what it is, who asked and when, what exactly it changes, and —
 * while pending — Approve and Reject, or why this admin may not decide it.
 */
export function ChangeCard({
  change,
  now,
  canDecide,
  blockedBecause,
  onDecide,
}: {
  change: ConfigChange;
  now: number;
  /** The caller holds config.approve (otherwise the buttons are not shown at all). */
  canDecide: boolean;
  blockedBecause: string | null;
  onDecide: (decision: Decision) => void;
}) {
  const pending = change.status === 'pending';
  const reasonId = `change-${change.id}-blocked`;
  return (
    <Paper withBorder radius="sm" p="sm" component="article" aria-label={change.summary} data-change={change.id} data-status={change.status}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <div style={{ minWidth: 0 }}>
          <Group gap={6} mb={4}>
            <Badge variant="outline" color="gray">
              {kindLabel(change.kind)}
            </Badge>
            <Badge color={STATUS_COLOR[change.status]} variant={pending ? 'filled' : 'light'}>
              {change.status}
            </Badge>
            <Text span size="sm" fw={600}>
              {change.summary}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" mb={6}>
            Requested by <b>{change.requestedBy}</b> · <span className="tabular">{formatTime(change.requestedAt)}</span> ({formatAge(change.requestedAt, now)}{' '}
            ago)
          </Text>
          <ChangeDetails change={change} />
          <Outcome change={change} />
        </div>
        {pending && canDecide && (
          <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
            <Button
              size="xs"
              leftSection={<IconCheck size={14} />}
              disabled={blockedBecause !== null}
              aria-describedby={blockedBecause ? reasonId : undefined}
              onClick={() => onDecide('approve')}
            >
              Approve
            </Button>
            <Button
              size="xs"
              variant="light"
              color="red"
              leftSection={<IconX size={14} />}
              disabled={blockedBecause !== null}
              aria-describedby={blockedBecause ? reasonId : undefined}
              onClick={() => onDecide('reject')}
            >
              Reject
            </Button>
          </Group>
        )}
      </Group>
      {pending && blockedBecause && (
        <Group gap={6} mt={8} wrap="nowrap">
          <IconHourglass size={14} aria-hidden />
          <Text size="sm" id={reasonId}>
            {blockedBecause}
          </Text>
        </Group>
      )}
    </Paper>
  );
}
