import { Badge, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle } from '@tabler/icons-react';
import type { Problem } from '@shared/domain/problems';

/** "file:line:column message", one per problem; choosing one shows its line in the source. */
export function ProblemList({ problems, active, onPick }: { problems: readonly Problem[]; active: Problem | null; onPick: (problem: Problem) => void }) {
  return (
    <Stack gap={2} role="list" aria-label="Problems">
      {problems.map((p, i) => (
        <UnstyledButton key={i} role="listitem" className="cl-problem" data-active={active === p ? 'true' : undefined} onClick={() => onPick(p)}>
          {p.severity === 'error' ? (
            <IconAlertCircle size={16} color="var(--mantine-color-red-6)" aria-label="error" style={{ flex: 'none', marginTop: 2 }} />
          ) : (
            <IconAlertTriangle size={16} color="var(--mantine-color-yellow-7)" aria-label="warning" style={{ flex: 'none', marginTop: 2 }} />
          )}
          <span className="cl-problem__where">
            {p.file}:{p.line}:{p.column}
          </span>
          <Text span size="sm" style={{ flex: 1 }}>
            {p.message}
          </Text>
          <Badge variant="outline" color="gray" size="xs" style={{ flex: 'none', marginTop: 2 }}>
            {p.code}
          </Badge>
        </UnstyledButton>
      ))}
    </Stack>
  );
}
