import type { TaskSummary } from '@shared/contract/work';

/** How a task is named in messages: its title and business key. */
export function taskLabel(task: Pick<TaskSummary, 'title' | 'businessKey'>): string {
  return `${task.title}${task.businessKey ? ` (${task.businessKey})` : ''}`;
}
