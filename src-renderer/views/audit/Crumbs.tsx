import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { Link } from 'react-router';
import { AUDIT_PATH } from './paths';

/** Audit › where one is: the way back to the search from a page under it. */
export function Crumbs({ here }: { here: string }) {
  return (
    <Breadcrumbs mb={4} fz="xs">
      <Anchor component={Link} to={AUDIT_PATH} size="xs">
        Audit
      </Anchor>
      <Text size="xs">{here}</Text>
    </Breadcrumbs>
  );
}
