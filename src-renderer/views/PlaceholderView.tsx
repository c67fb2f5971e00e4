import { Text } from '@mantine/core';
import type { ViewDef } from '../shell/views';
import { ViewHeader } from '../ui/ViewHeader';

/** A view whose feature is not delivered yet: its name and what it will hold — no invented data. */
export function PlaceholderView({ view }: { view: ViewDef }) {
  return (
    <>
      <ViewHeader title={view.label} />
      <Text size="sm" c="dimmed">
        {view.purpose}
      </Text>
    </>
  );
}
