import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { Link } from 'react-router';

/** The trail above a page of this view: linked ancestors, then where one is. */
export function Crumbs({ trail, here }: { trail: readonly { label: string; to: string }[]; here: string }) {
  return (
    <Breadcrumbs mb={4} fz="xs">
      {trail.map((t) => (
        <Anchor key={t.to} component={Link} to={t.to} size="xs">
          {t.label}
        </Anchor>
      ))}
      <Text size="xs">{here}</Text>
    </Breadcrumbs>
  );
}
