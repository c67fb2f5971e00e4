import { Group, Text } from '@mantine/core';
import { LEGEND } from './step-states';

/** What the colours of an instance's diagram mean, in words. */
export function DiagramLegend() {
  return (
    <Group gap="sm" px={8} py={4} className="cl-legend" aria-label="Legend of step states">
      {LEGEND.map((entry) => (
        <Group key={entry.key} gap={5} wrap="nowrap">
          <span className="cl-legend__swatch" data-state={entry.key} aria-hidden />
          <Text span size="xs" c="dimmed">
            {entry.label}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
