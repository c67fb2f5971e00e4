import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { asApiError } from '../../api/api-error';
import { client } from '../../api/client';
import { notifyError } from '../../ui/notify';

/** The contract takes at most this many tasks per call. */
const PER_CALL = 500;

export interface BulkOutcome {
  action: 'claim' | 'release';
  done: string[];
  refused: { taskId: string; reason: string }[];
}

async function inChunks(action: BulkOutcome['action'], taskIds: readonly string[]): Promise<BulkOutcome> {
  const outcome: BulkOutcome = { action, done: [], refused: [] };
  for (let i = 0; i < taskIds.length; i += PER_CALL) {
    const chunk = taskIds.slice(i, i + PER_CALL);
    if (action === 'claim') {
      const r = await client.call('tasks.claim', { taskIds: chunk });
      outcome.done.push(...r.claimed);
      outcome.refused.push(...r.refused);
    } else {
      const r = await client.call('tasks.release', { taskIds: chunk });
      outcome.done.push(...r.released);
      outcome.refused.push(...r.refused);
    }
  }
  return outcome;
}

/**
 * Claiming and releasing one task or many. The core answers per task (claimed, or refused
 * with a reason: someone else was faster, not a candidate…); the caller shows that summary.
 * Lists and open task pages refetch afterwards.
 */
export function useClaimRelease(): { run(action: BulkOutcome['action'], taskIds: readonly string[]): Promise<BulkOutcome | null>; pending: boolean } {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  return {
    pending,
    async run(action, taskIds) {
      setPending(true);
      try {
        return await inChunks(action, taskIds);
      } catch (error) {
        notifyError(asApiError(error));
        return null;
      } finally {
        setPending(false);
        await Promise.all([queryClient.invalidateQueries({ queryKey: ['tasks.list'] }), queryClient.invalidateQueries({ queryKey: ['tasks.get'] })]);
      }
    },
  };
}
