import type { StepRunState } from '@shared/contract/engine';

/** A step's latest run, as `instances.get` reports it per step id. */
export interface StepRun {
  state: StepRunState;
  attempt: number;
  activation: string;
  runs: number;
}

/**
 * How a state reads and which colour marks it: green done, blue running, amber waiting,
 * red failed or held by an incident, purple in doubt, grey cancelled. The colour is never
 * the only sign: the legend names each, and every node states its state in words.
 */
export const STATE_STYLE: Readonly<Record<StepRunState, { label: string; color: string }>> = {
  done: { label: 'Done', color: 'teal' },
  running: { label: 'Running', color: 'blue' },
  waiting: { label: 'Waiting', color: 'yellow' },
  failed: { label: 'Failed', color: 'red' },
  incident: { label: 'Incident', color: 'red' },
  'in-doubt': { label: 'In doubt', color: 'violet' },
  cancelled: { label: 'Cancelled', color: 'gray' },
};

/** The legend's entries, in the order a step usually passes through them. */
export const LEGEND: readonly { key: StepRunState | 'not-run'; label: string; color: string }[] = [
  { key: 'done', label: 'Done', color: 'teal' },
  { key: 'running', label: 'Running', color: 'blue' },
  { key: 'waiting', label: 'Waiting', color: 'yellow' },
  { key: 'incident', label: 'Incident / failed', color: 'red' },
  { key: 'in-doubt', label: 'In doubt', color: 'violet' },
  { key: 'cancelled', label: 'Cancelled', color: 'gray' },
  { key: 'not-run', label: 'Not run', color: 'gray' },
];
