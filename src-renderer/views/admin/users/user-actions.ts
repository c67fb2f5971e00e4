import type { UserSummary } from '@shared/domain/users';

export type UserAction = 'roles' | 'reset' | 'unlock' | 'disable' | 'enable';

/** An action on one row, or the reason the core would refuse it (shown disabled, with that reason). */
export interface RowAction {
  action: UserAction;
  blockedBecause: string | null;
}

/** The core's own words for a self-grant (user-service), so the menu says what a forced call would get. */
export const SELF_GRANT = 'Nobody changes their own roles: ask another administrator.';

/**
 * The actions this admin may take on one row. Only permitted ones are listed. Changing one's
 * own roles is listed disabled with the reason (segregation of duties: roles are granted by
 * another admin); disabling oneself is not offered at all.
 */
export function availableActions(user: UserSummary, me: string, can: { manage: boolean; grant: boolean }): RowAction[] {
  const actions: RowAction[] = [];
  const self = user.id === me;
  const allow = (action: UserAction) => actions.push({ action, blockedBecause: null });
  if (can.grant) actions.push({ action: 'roles', blockedBecause: self ? SELF_GRANT : null });
  if (can.manage) {
    allow('reset');
    if (user.locked) allow('unlock');
    if (user.status === 'active' && !self) allow('disable');
    if (user.status === 'disabled') allow('enable');
  }
  return actions;
}
