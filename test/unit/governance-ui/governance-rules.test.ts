import { describe, expect, it } from 'vitest';
import type { ConfigChange } from '../../../src-shared/contract/work';
import type { UserSummary } from '../../../src-shared/domain/users';
import { listDiff, pendingRolesByUser, readDetails } from '../../../src-renderer/views/admin/changes/change-details';
import { byUrgency } from '../../../src-renderer/views/admin/changes/change-words';
import { decisionBlockedBecause } from '../../../src-renderer/views/admin/changes/decision-block';
import { removeRule, sameMatrix, upsertRule } from '../../../src-renderer/views/admin/conflicts/matrix-draft';
import { availableActions, SELF_GRANT } from '../../../src-renderer/views/admin/users/user-actions';
import { consoleRoute } from '../../../src-renderer/shell/notifications/notification-link';
import { formatSpan } from '../../../src-renderer/ui/time-span';

function change(over: Partial<ConfigChange>): ConfigChange {
  return {
    id: 'c1',
    kind: 'roles',
    summary: 'set the roles of clerk.jones to clerk',
    details: { username: 'clerk.jones', before: ['approver'], after: ['clerk'] },
    requestedBy: 'admin',
    requestedAt: '2026-05-04T09:00:00.000Z' as ConfigChange['requestedAt'],
    status: 'pending',
    decidedBy: null,
    decidedAt: null,
    reason: null,
    ...over,
  };
}

describe('pending changes', () => {
  it('reads a role grant as before and after, and anything unknown as raw', () => {
    expect(readDetails(change({}))).toEqual({ kind: 'roles', details: { username: 'clerk.jones', before: ['approver'], after: ['clerk'] } });
    expect(readDetails(change({ details: { user: 'x' } }))).toEqual({ kind: 'unknown' });
    expect(readDetails(change({ kind: 'evidence', details: { folder: '/w' } }))).toEqual({ kind: 'unknown' });
    const evidence = {
      before: { witnessFolder: null, schedule: { everyMinutes: 60, everyEvents: 10000 } },
      after: { witnessFolder: '/mnt/worm', schedule: { everyMinutes: 60, everyEvents: 5000 } },
      reason: 'auditors asked for a WORM copy',
    };
    expect(readDetails(change({ kind: 'evidence', details: evidence }))).toEqual({
      kind: 'settings',
      details: {
        changes: [
          { path: 'witnessFolder', before: 'null', after: '"/mnt/worm"' },
          { path: 'schedule.everyEvents', before: '10000', after: '5000' },
        ],
        unchanged: 1,
        reason: 'auditors asked for a WORM copy',
      },
    });
    expect(listDiff(['a', 'b'], ['b', 'c'])).toEqual({ added: ['c'], removed: ['a'], kept: ['b'] });
  });

  it('tells the maker, and the person whose roles change, why they may not decide', () => {
    expect(decisionBlockedBecause(change({}), { username: 'admin' })).toMatch(/^You requested this change/);
    expect(decisionBlockedBecause(change({ requestedBy: 'admin.bea' }), { username: 'clerk.jones' })).toMatch(/sets your own roles/);
    expect(decisionBlockedBecause(change({ requestedBy: 'admin.bea' }), { username: 'admin' })).toBeNull();
  });

  it('knows which roles wait for approval, per user', () => {
    const decided = change({ status: 'approved', details: { username: 'old.one', before: [], after: ['admin'] } });
    expect([...pendingRolesByUser([change({}), decided, change({ kind: 'conflicts', details: { before: [], after: ['r'] } })])]).toEqual([
      ['clerk.jones', ['clerk']],
    ]);
  });

  it('lists pending changes first, then the newest', () => {
    const old = change({ id: 'old', status: 'approved', requestedAt: '2026-05-05T09:00:00.000Z' as ConfigChange['requestedAt'] });
    const pending = change({ id: 'pending', requestedAt: '2026-05-01T09:00:00.000Z' as ConfigChange['requestedAt'] });
    const newer = change({ id: 'newer', status: 'rejected', requestedAt: '2026-05-06T09:00:00.000Z' as ConfigChange['requestedAt'] });
    expect([old, newer, pending].sort(byUrgency).map((c) => c.id)).toEqual(['pending', 'newer', 'old']);
  });
});

describe('conflict matrix draft', () => {
  const rule = (id: string) => ({
    id,
    description: 'a rule here',
    approval: { workflow: '*', key: 'p.v' },
    maker: { workflow: 'w', key: 'v.id', fields: ['v.b'] },
  });
  it('adds, replaces and removes rules by id, keeping the order', () => {
    const draft = upsertRule([rule('a'), rule('b')], rule('c'), null);
    expect(draft.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(upsertRule(draft, rule('z'), 'b').map((r) => r.id)).toEqual(['a', 'z', 'c']);
    expect(removeRule(draft, 'a').map((r) => r.id)).toEqual(['b', 'c']);
    expect(sameMatrix(draft, [rule('a'), rule('b'), rule('c')])).toBe(true);
    expect(sameMatrix(draft, [rule('b'), rule('a'), rule('c')])).toBe(false);
  });
});

describe('users', () => {
  const user = (id: string): UserSummary =>
    ({ id, username: id, displayName: id, roles: ['admin'], status: 'active', locked: false, mustChangePassword: false, lastSignInAt: null }) as UserSummary;
  it('shows editing one’s own roles disabled with the core’s reason, and never offers disabling oneself', () => {
    const mine = availableActions(user('me'), 'me', { manage: true, grant: true });
    expect(mine).toEqual([
      { action: 'roles', blockedBecause: SELF_GRANT },
      { action: 'reset', blockedBecause: null },
    ]);
    expect(availableActions(user('other'), 'me', { manage: false, grant: true })).toEqual([{ action: 'roles', blockedBecause: null }]);
  });
});

describe('notifications and escalations', () => {
  it('follows only routes of this console', () => {
    expect(consoleRoute('#/admin/changes')).toBe('/admin/changes');
    expect(consoleRoute('#//evil.example/')).toBeNull();
    expect(consoleRoute('https://evil.example/')).toBeNull();
    expect(consoleRoute(null)).toBeNull();
  });

  it('says how late a task is, as precise as useful', () => {
    expect(formatSpan(45_000)).toBe('45 s');
    expect(formatSpan(9 * 60_000 + 5_000)).toBe('9 min 05 s');
    expect(formatSpan(2 * 3_600_000 + 5 * 60_000)).toBe('2 h 05 min');
    expect(formatSpan(76 * 3_600_000)).toBe('3 d 4 h');
  });
});
