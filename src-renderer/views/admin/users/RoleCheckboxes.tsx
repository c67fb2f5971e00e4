import type { ReactNode } from 'react';
import { Checkbox, Stack } from '@mantine/core';
import { ROLE_DESCRIPTIONS, ROLE_NAMES } from '@shared/permissions';

/**
 * Roles as a group of checkboxes, each with what it is for: there are few roles and the
 * description matters more than compactness when granting access.
 */
export function RoleCheckboxes(props: { value?: string[]; onChange?: (value: string[]) => void; error?: ReactNode }) {
  return (
    <Checkbox.Group label="Roles" value={props.value} onChange={props.onChange} error={props.error}>
      <Stack gap={8} mt={6}>
        {ROLE_NAMES.map((role) => (
          <Checkbox key={role} value={role} label={role} description={ROLE_DESCRIPTIONS[role]} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
