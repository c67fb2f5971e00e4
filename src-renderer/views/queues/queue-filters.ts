import type { TaskQuery, TaskSummary } from '@shared/contract/work';

/** What the person chose in the filter bar; `toTaskQuery` turns it into the contract's query. */
export interface QueueFilters {
  scope: TaskQuery['scope'];
  kind: TaskSummary['kind'] | null;
  workflow: string | null;
  text: string;
  overdue: boolean;
  sort: TaskQuery['sort'];
}

export const DEFAULT_FILTERS: QueueFilters = { scope: 'available', kind: null, workflow: null, text: '', overdue: false, sort: 'due' };

/**
 * The query of one page. Text shorter than two characters is left out rather than refused:
 * the contract only searches from two, and a single typed letter should not show an error.
 */
export function toTaskQuery(filters: QueueFilters, limit: number, cursor?: string): TaskQuery {
  const text = filters.text.trim();
  return {
    scope: filters.scope,
    status: 'active',
    sort: filters.sort,
    limit,
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.workflow ? { workflow: filters.workflow } : {}),
    ...(text.length >= 2 ? { text } : {}),
    ...(filters.overdue ? { overdue: true } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

/** Whether anything narrows the list beyond the scope (for the empty state's advice). */
export function isNarrowed(filters: QueueFilters): boolean {
  return filters.kind !== null || filters.workflow !== null || filters.text.trim().length >= 2 || filters.overdue;
}
