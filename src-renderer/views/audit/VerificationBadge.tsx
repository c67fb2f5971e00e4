import { Anchor, Badge, Button, Group, List, Popover, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { AuditStatus } from '@shared/contract/evidence';
import { useOp } from '../../api/hooks';
import { formatTime } from '../../ui/format';
import { useThrottledRefetch } from '../../ui/use-live-refresh';
import { eventPath } from './paths';

/** While it verifies, the progress bar needs fresh numbers; otherwise the `audit.status` event says when to look again. */
const POLL_VERIFYING_MS = 2_000;
const POLL_IDLE_MS = 60_000;

function VerdictBadge({ status }: { status: AuditStatus }) {
  switch (status.state) {
    case 'verified':
      return (
        <Badge color="teal" variant="light" size="lg" leftSection={<IconShieldCheck size={14} />}>
          Verified up to #{status.verifiedUpTo}
          {status.verifiedUpTo < status.head && ` of ${status.head}`}
          {status.verifiedAt && <span style={{ fontWeight: 400 }}> · {formatTime(status.verifiedAt)}</span>}
        </Badge>
      );
    case 'verifying': {
      const p = status.progress;
      const percent = p && p.total > 0 ? Math.min(100, (100 * p.done) / p.total) : 0;
      return (
        <Group gap={6} wrap="nowrap">
          <Badge color="blue" variant="light" size="lg">
            Verifying{p ? ` the ${p.phase}` : '…'}
          </Badge>
          <Progress value={percent} w={110} size="sm" animated aria-label="Verification progress" />
          {p && (
            <Text size="xs" c="dimmed" className="tabular">
              {p.done}/{p.total}
            </Text>
          )}
        </Group>
      );
    }
    case 'broken':
      return (
        <Group gap={6} wrap="nowrap">
          <Tooltip label={status.firstBad?.reason ?? 'a check failed'} multiline w={320}>
            <Badge color="red" variant="filled" size="lg" leftSection={<IconShieldX size={14} />}>
              {status.firstBad ? `Broken at #${status.firstBad.seq}` : 'Broken'}
            </Badge>
          </Tooltip>
          {status.firstBad && (
            <Anchor component={Link} to={eventPath(status.firstBad.seq)} size="sm">
              Open event #{status.firstBad.seq}
            </Anchor>
          )}
        </Group>
      );
    case 'not-running':
      return (
        <Tooltip label="This process does not own the engine, so it does not verify in the background. Use Verify now." multiline w={280}>
          <Badge color="gray" variant="light" size="lg">
            {status.verifiedUpTo > 0 ? `Verified up to #${status.verifiedUpTo}` : 'Not verified in the background'}
          </Badge>
        </Tooltip>
      );
  }
}

/** Checkpoint and witness troubles: they weaken the evidence without breaking the chain. */
function Warnings({ status }: { status: AuditStatus }) {
  const { checkpoints, witness } = status;
  return (
    <>
      {!checkpoints.ok && (
        <Badge color="orange" variant="light" size="lg" leftSection={<IconAlertTriangle size={14} />}>
          Checkpoint problems
        </Badge>
      )}
      {(witness.state === 'unavailable' || witness.state === 'problems') && (
        <Badge color="orange" variant="light" size="lg" leftSection={<IconAlertTriangle size={14} />}>
          {witness.state === 'unavailable' ? 'Witness folder unavailable' : 'Witness problems'}
        </Badge>
      )}
      {witness.state === 'not-configured' && (
        <Badge color="gray" variant="light" size="lg">
          No witness folder
        </Badge>
      )}
      {witness.unwitnessed > 0 && witness.state !== 'not-configured' && (
        <Badge color="yellow" variant="light" size="lg">
          {witness.unwitnessed} not yet witnessed
        </Badge>
      )}
    </>
  );
}

function Details({ status }: { status: AuditStatus }) {
  const problems = [...status.checkpoints.problems, ...status.witness.problems];
  const latest = status.checkpoints.latest;
  return (
    <Popover width={420} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <Button variant="subtle" size="compact-sm" leftSection={<IconInfoCircle size={14} />}>
          Details
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6}>
          <Text size="sm">
            {status.head} events in the trail; the first {status.verifiedUpTo} verified
            {status.verifiedAt ? ` (${formatTime(status.verifiedAt)})` : ''}. Last full verification: {formatTime(status.lastFullAt)}.
          </Text>
          {status.firstBad && (
            <Text size="sm" c="red">
              First bad event #{status.firstBad.seq}: {status.firstBad.reason}
            </Text>
          )}
          <Text size="sm">
            {status.checkpoints.count} signed checkpoint{status.checkpoints.count === 1 ? '' : 's'}
            {latest ? `; the latest covers ${latest.treeSize} events (${formatTime(latest.time)}, key ${latest.keyId})` : ''}.
          </Text>
          <Text size="sm">
            Witness folder: {status.witness.folder ?? 'none set'} ({status.witness.state}, {status.witness.files} files)
          </Text>
          {problems.length > 0 && (
            <List size="sm" spacing={2} aria-label="Verification problems">
              {problems.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/**
 * What the background verifier knows about the trail, kept live by the `audit.status` event.
 * It informs and never blocks: if the status cannot be read, the page works on without it.
 */
export function VerificationBadge() {
  const status = useOp('audit.status', {}, { refetchInterval: (q) => (q.state.data?.state === 'verifying' ? POLL_VERIFYING_MS : POLL_IDLE_MS) });
  useThrottledRefetch('audit.status', () => [['audit.status']], 1000);
  return (
    <Group gap={6} wrap="wrap" role="status" aria-label="Trail verification">
      {status.data ? (
        <>
          <VerdictBadge status={status.data} />
          <Warnings status={status.data} />
          <Details status={status.data} />
        </>
      ) : status.error ? (
        <Tooltip label={status.error.message}>
          <Badge color="gray" variant="light" size="lg">
            Verification status unavailable
          </Badge>
        </Tooltip>
      ) : null}
    </Group>
  );
}
