import type { ReactNode } from 'react';
import { Button, Group, type MantineSpacing, type MantineColor } from '@mantine/core';

/** A dialog form's last row: go back without doing anything, or submit the form. */
export function FormFooter({
  onBack,
  back = 'Back',
  submit,
  color,
  loading,
  disabled,
  mt,
}: {
  onBack: () => void;
  back?: string;
  submit: ReactNode;
  color?: MantineColor;
  loading?: boolean;
  disabled?: boolean;
  mt?: MantineSpacing;
}) {
  return (
    <Group justify="flex-end" gap="xs" mt={mt}>
      <Button variant="default" onClick={onBack}>
        {back}
      </Button>
      <Button type="submit" color={color} loading={loading} disabled={disabled}>
        {submit}
      </Button>
    </Group>
  );
}
