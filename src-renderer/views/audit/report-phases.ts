import type { ReportJob, ReportPhase } from '@shared/contract/evidence';

/** The phases of an export in the order the core runs them, in words. */
const PHASES: readonly { phase: ReportPhase; label: string }[] = [
  { phase: 'queued', label: 'Waiting to start' },
  { phase: 'checkpoint', label: 'Signing a checkpoint' },
  { phase: 'events', label: 'Writing the events' },
  { phase: 'timeline', label: 'Building the timeline' },
  { phase: 'pdf', label: 'Writing and signing the PDF' },
  { phase: 'manifest', label: 'Signing the manifest' },
  { phase: 'done', label: 'Done' },
];

export function phaseLabel(phase: ReportPhase): string {
  return PHASES.find((p) => p.phase === phase)?.label ?? phase;
}

/**
 * How far an export is, 0–100, over all its phases: each phase an equal share, the current
 * one filled by its own done/total. A bar per phase would run to the end and start again five
 * times; this one only moves forward.
 */
export function overallPercent(job: Pick<ReportJob, 'status' | 'phase' | 'done' | 'total'>): number {
  if (job.status === 'done' || job.phase === 'done') return 100;
  const index = PHASES.findIndex((p) => p.phase === job.phase);
  if (index <= 0) return 0;
  const within = job.total && job.total > 0 ? Math.min(1, job.done / job.total) : 0;
  return Math.round((100 * (index - 1 + within)) / (PHASES.length - 2));
}

/** "Phase 2 of 5", counting the phases that do work (not waiting, not done). */
export function phaseStep(phase: ReportPhase): string | null {
  const index = PHASES.findIndex((p) => p.phase === phase);
  return index > 0 && index < PHASES.length - 1 ? `step ${index} of ${PHASES.length - 2}` : null;
}
