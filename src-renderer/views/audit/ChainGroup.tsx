import { Text, ThemeIcon } from '@mantine/core';
import { ChainEntry } from './ChainEntry';
import { KIND, type KindRun } from './timeline-kinds';

/**
 * A run of one kind in the chain under its icon. The first run of an instance is its
 * originating input and the last its final state: they say so.
 */
export function ChainGroup({ run, role }: { run: KindRun; role: 'input' | 'final' | null }) {
  const kind = KIND[run.kind];
  const Icon = kind.icon;
  const title = role === 'input' ? 'Originating input' : role === 'final' ? 'Final state' : kind.label;
  return (
    <li className="cl-chain__group" data-kind={run.kind} aria-label={title}>
      <ThemeIcon variant="light" color={kind.color} size={28} radius="xl" aria-hidden>
        <Icon size={16} />
      </ThemeIcon>
      <div>
        <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={2}>
          {title}
          {run.entries.length > 1 && ` · ${run.entries.length}`}
        </Text>
        <ol className="cl-chain__entries">
          {run.entries.map((entry) => (
            <ChainEntry key={entry.event.seq} entry={entry} initiallyOpen={role === 'input'} />
          ))}
        </ol>
      </div>
    </li>
  );
}
