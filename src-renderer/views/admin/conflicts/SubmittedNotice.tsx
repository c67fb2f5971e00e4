import { Alert, Anchor, Text } from '@mantine/core';
import { IconCircleCheck, IconHourglass } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { OpOutput } from '@shared/contract';

/** What submitting the matrix did: applied at once (single-admin site), or waiting for another admin. */
export function SubmittedNotice({ result, rules }: { result: OpOutput<'conflicts.set'>; rules: number }) {
  if (result.status === 'applied')
    return (
      <Alert role="status" color="teal" variant="light" icon={<IconCircleCheck size={18} />} title="Applied" mb="md">
        <Text size="sm">
          The conflict matrix now has {rules} rule{rules === 1 ? '' : 's'}; every approval decision is checked against it.
        </Text>
      </Alert>
    );
  return (
    <Alert role="status" color="yellow" variant="light" icon={<IconHourglass size={18} />} title="Pending approval" mb="md">
      <Text size="sm">
        The new matrix takes effect when another admin approves it in{' '}
        <Anchor component={Link} to="/admin/changes" size="sm">
          Pending changes
        </Anchor>
        . Until then the rules below stay in force.
      </Text>
    </Alert>
  );
}
