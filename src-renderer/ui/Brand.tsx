import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';

/** The product mark: an icon from the bundled set and the name, no image asset to load. */
export function Brand({ siteName }: { siteName?: string }) {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={26} radius="sm" variant="filled" aria-hidden>
        <IconShieldCheck size={17} stroke={2} />
      </ThemeIcon>
      <Text fw={700} size="md" lh={1}>
        Clearline
      </Text>
      {siteName && (
        <Text size="sm" c="dimmed" lh={1} truncate>
          {siteName}
        </Text>
      )}
    </Group>
  );
}
