import type { ReactNode } from 'react';
import { Paper, Title } from '@mantine/core';

/** A titled block of a task or approval page, named for assistive technology by its heading. */
export function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <Paper withBorder radius="sm" p="sm" mb="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h5" mb="xs" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}
