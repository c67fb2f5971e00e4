import { useEffect, useRef } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { EventPayload, EventTopic } from '@shared/contract/events';
import { useEvent } from '../api/hooks';

/**
 * Refetches queries when the core pushes an event, at most once per `intervalMs`: the engine
 * announces every transition, and a busy site must not turn that into a refetch storm. The
 * first event refreshes at once; those within the interval after it are folded into one
 * trailing refresh.
 */
export function useThrottledRefetch<T extends EventTopic>(
  topic: T,
  keys: (payload: EventPayload<T>) => readonly QueryKey[] | null,
  intervalMs = 750,
  enabled = true,
): void {
  const queryClient = useQueryClient();
  const pending = useRef(new Map<string, QueryKey>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const last = useRef(0);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  useEvent(
    topic,
    (payload) => {
      const wanted = keys(payload);
      if (!wanted) return;
      for (const key of wanted) pending.current.set(JSON.stringify(key), key);
      const flush = () => {
        timer.current = null;
        last.current = Date.now();
        const batch = [...pending.current.values()];
        pending.current.clear();
        for (const queryKey of batch) void queryClient.invalidateQueries({ queryKey });
      };
      if (timer.current) return;
      const wait = last.current + intervalMs - Date.now();
      if (wait <= 0) flush();
      else timer.current = setTimeout(flush, wait);
    },
    enabled,
  );
}
