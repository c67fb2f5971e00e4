import type { ComponentType } from 'react';
import {
  IconAlertTriangle,
  IconArrowsSplit,
  IconDots,
  IconFileImport,
  IconFlag,
  IconGavel,
  IconHandStop,
  IconPlugConnected,
  IconScale,
  IconTool,
  IconUser,
  type IconProps,
} from '@tabler/icons-react';
import type { TimelineEntry, TimelineKind } from '@shared/contract/evidence';

/** How each kind of step in a decision chain is named and drawn. */
export const KIND: Record<TimelineKind, { label: string; icon: ComponentType<IconProps>; color: string }> = {
  input: { label: 'Input', icon: IconFileImport, color: 'blue' },
  decision: { label: 'Decision', icon: IconScale, color: 'grape' },
  flow: { label: 'Flow', icon: IconArrowsSplit, color: 'gray' },
  'human-work': { label: 'Human work', icon: IconUser, color: 'cyan' },
  approval: { label: 'Approval', icon: IconGavel, color: 'indigo' },
  control: { label: 'Control', icon: IconHandStop, color: 'red' },
  connector: { label: 'Connector', icon: IconPlugConnected, color: 'teal' },
  exception: { label: 'Exception', icon: IconAlertTriangle, color: 'orange' },
  operator: { label: 'Operator', icon: IconTool, color: 'violet' },
  state: { label: 'State', icon: IconFlag, color: 'dark' },
  other: { label: 'Other', icon: IconDots, color: 'gray' },
};

/** Refusals and overrides are what an auditor looks for first: they stand out wherever they are. */
export function standsOut(entry: TimelineEntry): boolean {
  return entry.kind === 'control' || entry.event.outcome === 'refused';
}

/** A run of consecutive entries of one kind: the chain stays in time order, grouped where one kind follows another. */
export interface KindRun {
  kind: TimelineKind;
  entries: TimelineEntry[];
}

export function runsOf(entries: readonly TimelineEntry[]): KindRun[] {
  const runs: KindRun[] = [];
  for (const entry of entries) {
    const last = runs.at(-1);
    if (last && last.kind === entry.kind) last.entries.push(entry);
    else runs.push({ kind: entry.kind, entries: [entry] });
  }
  return runs;
}
