import { Button, Group, Paper, Text } from '@mantine/core';

/** Appears while rows are ticked: claim or release them together, or clear the selection. */
export function BulkBar({
  count,
  pending,
  onClaim,
  onRelease,
  onClear,
}: {
  count: number;
  pending: boolean;
  onClaim: () => void;
  onRelease: () => void;
  onClear: () => void;
}) {
  return (
    <Paper withBorder radius="sm" px="sm" py={6} mb="xs" role="region" aria-label="Selected tasks">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500}>
          {count} task{count === 1 ? '' : 's'} selected
        </Text>
        <Group gap="xs">
          <Button size="xs" onClick={onClaim} loading={pending}>
            Claim selected
          </Button>
          <Button size="xs" variant="default" onClick={onRelease} disabled={pending}>
            Release selected
          </Button>
          <Button size="xs" variant="subtle" onClick={onClear} disabled={pending}>
            Clear selection
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
