import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { client } from '../../api/client';
import { useOp, useOpMutation } from '../../api/hooks';
import { useThrottledRefetch } from '../../ui/use-live-refresh';

const SHOWN = 30;
/** notifications.list returns at most this many at once. */
const MARK_BATCH = 200;
/** A bound on the batches, should the core keep returning notifications it was asked to mark. */
const MAX_BATCHES = 25;

/**
 * The signed-in person's notifications and unread count, kept live: the core announces each
 * new one to its recipient (`notifications.new`) once it is committed. A slow poll is the
 * safety net for an event lost while the connection to the core was re-established.
 */
export function useNotifications() {
  const list = useOp('notifications.list', { limit: SHOWN }, { refetchInterval: 60_000 });
  useThrottledRefetch('notifications.new', () => [['notifications.list']], 300);
  return list;
}

export function useMarkRead() {
  return useOpMutation('notifications.markRead', { invalidates: ['notifications.list'] });
}

/**
 * Marks every unread notification read, including those beyond the shown page: the contract
 * marks by id, so unread ones are fetched and marked in batches until none is left.
 */
export function useMarkAllRead(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const unread = await client.call('notifications.list', { unreadOnly: true, limit: MARK_BATCH });
      if (unread.items.length > 0) await client.call('notifications.markRead', { ids: unread.items.map((n) => n.id) });
      if (unread.items.length < MARK_BATCH) break;
    }
    await queryClient.invalidateQueries({ queryKey: ['notifications.list'] });
  }, [queryClient]);
}
