import { useState } from 'react';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import type { TaskDetail } from '@shared/contract/work';
import type { ApiError } from '../../api/api-error';
import { useOpMutation } from '../../api/hooks';
import { sentence } from '../../forms/messages';
import { formatTime } from '../../ui/format';

/** A task's comments, oldest first, and a box to add one (kept in the audit trail too). */
export function Comments({ detail }: { detail: Pick<TaskDetail, 'comments' | 'task'> }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const comment = useOpMutation('tasks.comment', { invalidates: ['tasks.get'] });
  const submit = async () => {
    if (!text.trim()) return setError('Write the comment first');
    try {
      await comment.mutateAsync({ taskId: detail.task.id, text });
      setText('');
      setError(null);
    } catch (e) {
      setError(sentence((e as ApiError).issues?.[0]?.message ?? (e as ApiError).message));
    }
  };
  return (
    <Stack gap="xs">
      {detail.comments.length === 0 ? (
        <Text size="sm" c="dimmed">
          No comments yet.
        </Text>
      ) : (
        <ol aria-label="Comments" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {detail.comments.map((c, i) => (
            <li key={i} style={{ padding: '4px 0', borderBottom: '1px solid var(--mantine-color-default-border)' }}>
              <Text size="xs" c="dimmed">
                <Text span size="xs" fw={600} c="var(--mantine-color-text)">
                  {c.by}
                </Text>{' '}
                · <span className="tabular">{formatTime(c.at)}</span>
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {c.text}
              </Text>
            </li>
          ))}
        </ol>
      )}
      <form
        aria-label="Add a comment"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Textarea label="Comment" autosize minRows={2} maxRows={8} value={text} error={error} onChange={(e) => setText(e.currentTarget.value)} />
        <Group justify="flex-end" mt={6}>
          <Button type="submit" size="xs" variant="default" loading={comment.isPending}>
            Add comment
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
