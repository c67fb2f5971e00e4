import { Button, Group, Paper, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';

/** Shown while the draft differs from the matrix in force: nothing changes until it is submitted. */
export function MatrixDraftBar({
  draft,
  current,
  submitting,
  onDiscard,
  onSubmit,
}: {
  draft: number;
  current: number;
  submitting: boolean;
  onDiscard: () => void;
  onSubmit: () => void;
}) {
  return (
    <Paper withBorder radius="sm" p="sm" mb="md" role="region" aria-label="Unsubmitted edits" bg="var(--mantine-primary-color-light)">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm">
          <b>Draft:</b> {draft} rule{draft === 1 ? '' : 's'} (in force: {current}). Nothing changes until you submit; on a site with two or more admins, another
          admin must approve the new matrix.
        </Text>
        <Group gap="xs">
          <Button variant="default" onClick={onDiscard} disabled={submitting}>
            Discard edits
          </Button>
          <Button leftSection={<IconSend size={16} />} onClick={onSubmit} loading={submitting}>
            Submit matrix
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
