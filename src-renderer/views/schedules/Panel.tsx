import type { ReactNode } from 'react';
import { Paper, Title } from '@mantine/core';

/** A bordered section of a page, named by its heading (so it is a landmark screen readers can jump to). */
export function Panel({ title, children }: { title: string; children: ReactNode }) {
  const id = `panel-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <Paper withBorder radius="sm" p="sm" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" mb="xs" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}
