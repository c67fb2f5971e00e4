import type { ScheduleRun } from '@shared/contract/schedules';
import { ENDED } from '../instances/status';

/** A run whose instance may still change (queued, or started and not ended): its row must follow the instance. */
export function isRunGoing(run: Pick<ScheduleRun, 'status' | 'outcome'>): boolean {
  return run.status === 'queued' || (run.status === 'started' && !(ENDED as ReadonlySet<string>).has(run.outcome ?? ''));
}
