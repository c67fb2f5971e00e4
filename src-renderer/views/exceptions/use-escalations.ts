import { useOp } from '../../api/hooks';
import { useCan } from '../../session/session-context';
import { useThrottledRefetch } from '../../ui/use-live-refresh';

/**
 * Overdue tasks (escalated ones included: escalation starts at the breach), most overdue
 * first. The core shows every task only to supervisors and auditors (task.reassign or
 * audit.read); others see the overdue tasks they may take. Each breach and escalation is
 * announced as `tasks.changed`; a slow poll covers a dropped event stream.
 */
export function useEscalations() {
  const can = useCan();
  const scope = can('task.reassign') || can('audit.read') ? 'all' : 'available';
  const query = useOp('tasks.list', { scope, overdue: true, sort: 'due', limit: 500 }, { refetchInterval: 60_000 });
  useThrottledRefetch('tasks.changed', () => [['tasks.list']], 1000);
  return { query, scope };
}
