import { useMemo } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { OpOutput } from '@shared/contract';
import type { TaskSummary } from '@shared/contract/work';
import type { ApiError } from '../../api/api-error';
import { client } from '../../api/client';
import { useThrottledRefetch } from '../../ui/use-live-refresh';
import { toTaskQuery, type QueueFilters } from './queue-filters';

/** Rows per request: a screenful many times over, small enough to answer in milliseconds at 100,000 tasks. */
export const PAGE_SIZE = 200;

/**
 * The queue's tasks, a page at a time along the core's cursor. Every `tasks.changed` refetches
 * what is loaded, at most every 1.5 s: a busy site announces every claim and completion.
 */
export function useTaskPages(filters: QueueFilters) {
  const query = useInfiniteQuery<OpOutput<'tasks.list'>, ApiError>({
    queryKey: ['tasks.list', 'pages', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => client.call('tasks.list', toTaskQuery(filters, PAGE_SIZE, pageParam as string | undefined)),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  useThrottledRefetch('tasks.changed', () => [['tasks.list']], 1500);
  const tasks = useMemo<TaskSummary[]>(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  return { query, tasks };
}
