import { useQueryClient } from '@tanstack/react-query';
import { ReportPhase, type ReportJob } from '@shared/contract/evidence';
import { opKey, useEvent, useOp } from '../../api/hooks';

/** A poll while the export runs covers a dropped event stream; the `reports.progress` event is what moves the bar. */
const POLL_MS = 2_000;

/**
 * An export, kept current: each `reports.progress` event moves the cached job on at once,
 * and the last one refetches it for its files and checkpoint (and the list of exports).
 */
export function useReportJob(jobId: string) {
  const queryClient = useQueryClient();
  const job = useOp('reports.get', { jobId }, { refetchInterval: (q) => (q.state.data && q.state.data.status !== 'running' ? false : POLL_MS) });
  useEvent('reports.progress', (progress) => {
    if (progress.jobId !== jobId) return;
    if (progress.status !== 'running') {
      // The end: the job now has its files and checkpoint, which the event does not carry.
      void queryClient.invalidateQueries({ queryKey: opKey('reports.get', { jobId }) });
      void queryClient.invalidateQueries({ queryKey: ['reports.list'] });
      return;
    }
    const phase = ReportPhase.safeParse(progress.phase);
    queryClient.setQueryData<ReportJob>(opKey('reports.get', { jobId }), (old) =>
      old && old.status === 'running' ? { ...old, phase: phase.success ? phase.data : old.phase, done: progress.done, total: progress.total } : old,
    );
  });
  return job;
}
