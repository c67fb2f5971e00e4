import type { ConfigChange } from '@shared/contract/work';
import { rolesChangeSubject } from './change-details';

/**
 * Why the signed-in admin may not decide a pending change, or null when they may. The same
 * two rules the core enforces (it refuses anyway): nobody decides their own change, and
 * nobody decides roles for themselves. Saying so up front spares a refused click.
 */
export function decisionBlockedBecause(change: ConfigChange, me: { username: string }): string | null {
  if (change.requestedBy === me.username) return 'You requested this change: it is waiting for another admin. Nobody approves their own change.';
  if (rolesChangeSubject(change) === me.username) return 'This change sets your own roles: another admin must decide it.';
  return null;
}
