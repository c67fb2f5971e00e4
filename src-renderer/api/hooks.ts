import { useEffect, useLayoutEffect, useRef } from 'react';
import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { OpInput, OpName, OpOutput } from '@shared/contract';
import type { EventPayload, EventTopic } from '@shared/contract/events';
import type { ApiError } from './api-error';
import { client } from './client';

/** Query keys start with the operation name, so a change can invalidate every query of one op. */
export function opKey<K extends OpName>(op: K, input?: OpInput<K>): readonly unknown[] {
  return input === undefined ? [op] : [op, input];
}

/** A read operation as a cached query. */
export function useOp<K extends OpName>(op: K, input: OpInput<K>, options: Omit<UseQueryOptions<OpOutput<K>, ApiError>, 'queryKey' | 'queryFn'> = {}) {
  return useQuery<OpOutput<K>, ApiError>({ queryKey: opKey(op, input), queryFn: () => client.call(op, input), ...options });
}

/** A mutation; on success the queries of the listed operations are refetched. */
export function useOpMutation<K extends OpName>(op: K, options: { invalidates?: readonly OpName[] } = {}) {
  const queryClient = useQueryClient();
  return useMutation<OpOutput<K>, ApiError, OpInput<K>>({
    mutationFn: (input) => client.call(op, input),
    onSuccess: async () => {
      await Promise.all((options.invalidates ?? []).map((name) => queryClient.invalidateQueries({ queryKey: [name] })));
    },
  });
}

/** Subscribes to a pushed event for the lifetime of the component; the latest listener is always called. */
export function useEvent<T extends EventTopic>(topic: T, listener: (payload: EventPayload<T>) => void, enabled = true): void {
  const latest = useRef(listener);
  useLayoutEffect(() => {
    latest.current = listener;
  });
  useEffect(() => {
    if (!enabled) return;
    return client.subscribe(topic, (payload) => latest.current(payload));
  }, [topic, enabled]);
}

/** Refetches an operation's queries whenever an event arrives (e.g. users.changed → users.list). */
export function useRefetchOn(topic: EventTopic, ops: readonly OpName[]): void {
  const queryClient = useQueryClient();
  useEvent(topic, () => {
    for (const op of ops) void queryClient.invalidateQueries({ queryKey: [op] });
  });
}
