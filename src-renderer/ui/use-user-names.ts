import { useMemo } from 'react';
import { useOp } from '../api/hooks';
import { useCan, useSession } from '../session/session-context';

/**
 * Names for the user ids tasks carry (assignee). Those who may read users see names; others
 * see "you" for themselves and a short id for anyone else; no user reads as `none`.
 */
export function useUserNames(none = '—'): (userId: string | null) => string {
  const can = useCan();
  const me = useSession().user;
  const users = useOp('users.list', { includeDisabled: true }, { enabled: can('user.read'), staleTime: 60_000 });
  return useMemo(() => {
    const names = new Map<string, string>((users.data?.items ?? []).map((u) => [u.id, u.username]));
    return (userId) => {
      if (userId === null) return none;
      if (userId === me.id) return `${me.username} (you)`;
      return names.get(userId) ?? `user …${userId.slice(-6)}`;
    };
  }, [users.data, me.id, me.username, none]);
}
