import type { TaskSummary } from '@shared/contract/work';
import { useCan } from '../../session/session-context';
import { approvalPath, taskPath } from './paths';

/**
 * Where a task opens: approvals in Approvals for those who decide them; for everyone else
 * (supervisors, auditors) on the task page in Queues, read-only.
 */
export function usePathOfTask(): (task: Pick<TaskSummary, 'id' | 'kind'>) => string {
  const can = useCan();
  const decides = can('approval.decide');
  return (task) => (task.kind === 'approval' && decides ? approvalPath(task.id) : taskPath(task.id));
}
