import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconShieldLock, IconX } from '@tabler/icons-react';
import { contract } from '@shared/contract';
import type { TaskDetail } from '@shared/contract/work';
import type { ApiError } from '../../api/api-error';
import { useOpMutation } from '../../api/hooks';
import { sentence } from '../../forms/messages';
import { RefusalAlert } from '../../ui/RefusalAlert';

type Decision = 'approve' | 'reject' | 'request-changes';

const DONE: Record<Decision, string> = { approve: 'Approved', reject: 'Rejected', 'request-changes': 'Sent back for changes' };

/**
 * Approve, reject or request changes, bound to the hash of the data on screen. The buttons
 * stay whenever the level is open, even when a segregation-of-duties rule applies: the rule
 * is shown above them, and the core, which decides, refuses with its reason if they are used.
 */
export function DecisionPanel({ detail, onDecided }: { detail: TaskDetail; onDecided: (message: string) => void }) {
  const approval = detail.approval;
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [acting, setActing] = useState<Decision | null>(null);
  const decide = useOpMutation('approvals.decide', { invalidates: ['tasks.get', 'tasks.list'] });

  if (!approval || detail.task.status !== 'open')
    return (
      <Text size="sm" c="dimmed">
        This level is {detail.task.status}: there is nothing left to decide here.
      </Text>
    );

  // Not a decider of this level at all (a supervisor or compliance reading along): nothing to press.
  // A segregation-of-duties block is different: the buttons stay and the core gives its reason.
  if (!detail.can.decide && !detail.decideBlockedBecause)
    return (
      <Text size="sm" c="dimmed">
        {detail.task.level ?? 'This level'} is decided by {detail.task.candidateRoles.join(' or ') || detail.task.candidateUsers.join(', ')}; you see it without
        deciding it.
      </Text>
    );

  const submit = async (decision: Decision) => {
    const input = { taskId: detail.task.id, decision, dataHash: approval.dataHash, ...(comment.trim() ? { comment: comment.trim() } : {}) };
    // The contract's own rule: a rejection or a request for changes needs a comment.
    const checked = contract['approvals.decide'].input.safeParse(input);
    if (!checked.success) {
      const issue = checked.error.issues.find((i) => i.path[0] === 'comment');
      setCommentError(issue ? sentence(issue.message) : null);
      if (issue) return;
    }
    setCommentError(null);
    setRefusal(null);
    setActing(decision);
    try {
      await decide.mutateAsync(input);
      onDecided(`${DONE[decision]}: ${detail.task.businessKey ?? detail.task.title}${detail.task.level ? ` (${detail.task.level.split(' — ')[0]})` : ''}.`);
    } catch (error) {
      setRefusal(error as ApiError);
    } finally {
      setActing(null);
    }
  };

  return (
    <Stack gap="sm">
      {detail.decideBlockedBecause && (
        <Alert role="alert" color="orange" variant="light" icon={<IconShieldLock size={18} />} title="Segregation of duties applies to you here">
          <Text size="sm">{detail.decideBlockedBecause}</Text>
        </Alert>
      )}
      {refusal && <RefusalAlert error={refusal} title="Your decision was refused" />}
      <Textarea
        label="Comment"
        description="Required to reject or to request changes; kept with your decision."
        autosize
        minRows={2}
        maxRows={8}
        value={comment}
        error={commentError}
        onChange={(e) => setComment(e.currentTarget.value)}
      />
      <Group gap="xs">
        <Button
          color="teal"
          leftSection={<IconCheck size={16} />}
          loading={acting === 'approve'}
          disabled={acting !== null}
          onClick={() => void submit('approve')}
        >
          Approve
        </Button>
        <Button
          color="red"
          variant="light"
          leftSection={<IconX size={16} />}
          loading={acting === 'reject'}
          disabled={acting !== null}
          onClick={() => void submit('reject')}
        >
          Reject
        </Button>
        <Button
          variant="default"
          leftSection={<IconArrowBackUp size={16} />}
          loading={acting === 'request-changes'}
          disabled={acting !== null}
          onClick={() => void submit('request-changes')}
        >
          Request changes
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        Your decision is bound to the data shown (hash <span className="mono">{approval.dataHash.slice(0, 16)}</span>); if it changes before you decide, the
        core refuses and you review it again.
      </Text>
    </Stack>
  );
}
