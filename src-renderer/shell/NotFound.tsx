import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ViewHeader } from '../ui/ViewHeader';

export function NotFound({ home }: { home: string | null }) {
  return (
    <>
      <ViewHeader title="Page not found" />
      <Text size="sm">
        There is no page at this address.{' '}
        {home && (
          <Anchor component={Link} to={home}>
            Go to the start page
          </Anchor>
        )}
      </Text>
    </>
  );
}
