import type { z } from 'zod';
import type { AuditActor, JsonValue } from '@shared/domain/audit';
import type { UserSummary } from '@shared/domain/users';
import type { Clock } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import { newUuidV7 } from '@shared/domain/ids';
import type { RoleName } from '@shared/permissions';
import type { Store } from '../store/store';
import type { Repositories, UserRecord } from '../store/repositories';
import type { EventBus } from '../events/event-bus';
import { conflict, notFound, refused } from '../dispatch/app-error';
import { hashPassword } from './passwords';
import { userActor, type Principal } from './principal';
import type { SessionService } from './session-service';
import type { ChangeControl } from '../governance/change-control';
import type { ChangeRow } from '../store/work-repositories';
import type { RoleChangeResult as RoleChangeResultSchema } from '@shared/contract/users';

type RoleChangeResult = z.infer<typeof RoleChangeResultSchema>;

export function toSummary(user: UserRecord): UserSummary {
  return {
    id: user.id as UserSummary['id'],
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    status: user.status,
    locked: user.lockedAt !== null,
    mustChangePassword: user.mustChangePassword,
    createdAt: user.createdAt as UserSummary['createdAt'],
    lastSignInAt: user.lastSignInAt as UserSummary['lastSignInAt'],
  };
}

/**
 * User administration. Every change is one unit of work with its audit event (before and
 * after); sessions of a user who is disabled or whose password is reset end at once. Two
 * rules protect the site from its own admins: nobody changes their own roles or disables
 * themselves, and the last active admin cannot be disabled or lose the admin role.
 */
export class UserService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly sessions: SessionService,
    private readonly changes: ChangeControl,
  ) {
    changes.register('roles', (tx, change, requester, approver, now) => this.applyRoles(tx, change, requester, approver, now));
  }

  async list(includeDisabled: boolean): Promise<UserSummary[]> {
    const users = await this.store.read((tx) => tx.users.list());
    return users.filter((u) => includeDisabled || u.status === 'active').map(toSummary);
  }

  /** Creates a user with a temporary password they must change at first sign-in. */
  /**
   * Creates a user with a temporary password they must change at first sign-in. Their roles
   * are a grant under four-eyes control (`changes`), except where `grant: 'direct'` — the
   * first admin of a new site and `clearline init --admin`, before anyone could approve.
   */
  async create(
    actor: AuditActor,
    input: { username: string; displayName: string; roles: RoleName[]; temporaryPassword: string },
    options: { passwordField?: string; within?: (tx: Repositories) => Promise<void>; grant?: 'direct' | 'four-eyes' } = {},
  ): Promise<RoleChangeResult> {
    await this.sessions.assertAcceptable(input.temporaryPassword, input, async () => [], options.passwordField ?? 'temporaryPassword');
    const passwordHash = await hashPassword(input.temporaryPassword);
    const now = this.clock.now();
    const at = toTimestamp(now);
    const roles = [...new Set(input.roles)].sort();
    const direct = options.grant === 'direct' || actor.kind !== 'user';
    const user: UserRecord = {
      id: newUuidV7(now),
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      mustChangePassword: true,
      status: 'active',
      failedSignIns: 0,
      lockedAt: null,
      lastSignInAt: null,
      passwordChangedAt: at,
      createdAt: at,
      updatedAt: at,
      roles: direct ? roles : [],
    };
    const submitted = await this.store.unit(async (tx) => {
      if (await tx.users.findByUsername(input.username)) throw conflict('username_taken', `username: "${input.username}" is already taken`);
      await options.within?.(tx);
      await tx.users.insert(user, actor.kind === 'user' ? actor.userId : null);
      await tx.audit.append(
        {
          actor,
          action: 'user.created',
          subject: { type: 'user', id: user.id },
          payload: { after: { username: user.username, displayName: user.displayName, roles: user.roles, status: 'active' }, requestedRoles: roles },
        },
        at,
      );
      if (direct || actor.kind !== 'user') return { status: 'applied' as const };
      return this.changes.submit(tx, actor, this.rolesRequest(user, roles), now);
    });
    this.events.publish('users.changed', { userId: user.id }, { kind: 'permission', permission: 'user.read' });
    const current = (await this.store.read((tx) => tx.users.findById(user.id))) as UserRecord;
    return { user: toSummary(current), status: submitted.status, changeId: submitted.status === 'pending-approval' ? submitted.changeId : null };
  }

  private rolesRequest(user: Pick<UserRecord, 'id' | 'username' | 'roles'>, roles: RoleName[]) {
    return {
      kind: 'roles' as const,
      target: user.id,
      summary: `set the roles of ${user.username} to ${roles.join(', ') || 'none'}`,
      details: { username: user.username, before: user.roles, after: roles },
      payload: { userId: user.id, roles },
    };
  }

  /** The four-eyes applier of a roles change: the same rules again, now, then the grant. */
  private async applyRoles(tx: Repositories, change: ChangeRow, requester: AuditActor, approver: { username: string } | null, now: number): Promise<void> {
    const { userId, roles } = change.payload as { userId: string; roles: RoleName[] };
    const user = await tx.users.findById(userId);
    if (!user) throw notFound('the user');
    const at = toTimestamp(now);
    if (user.roles.includes('admin') && !roles.includes('admin') && user.status === 'active' && (await tx.users.countActiveWithRole('admin')) <= 1) {
      throw conflict('last_admin', 'This is the last active administrator; make someone else an administrator first.');
    }
    await tx.users.setRoles(user.id, roles, requester.kind === 'user' ? requester.userId : 'system', at);
    await tx.audit.append(
      {
        actor: requester,
        action: 'user.roles.changed',
        subject: { type: 'user', id: user.id },
        payload: { username: user.username, before: { roles: user.roles }, after: { roles }, change: change.id, approvedBy: approver?.username ?? null },
      },
      at,
    );
  }

  async setRoles(principal: Principal, userId: string, roles: RoleName[]): Promise<RoleChangeResult> {
    if (userId === principal.user.id) throw refused('self_grant', 'Nobody changes their own roles: ask another administrator.');
    const next = [...new Set(roles)].sort();
    const now = this.clock.now();
    const submitted = await this.store.unit(async (tx) => {
      const user = await tx.users.findById(userId);
      if (!user) throw notFound('the user');
      if (user.roles.includes('admin') && !next.includes('admin') && user.status === 'active' && (await tx.users.countActiveWithRole('admin')) <= 1) {
        throw conflict('last_admin', 'This is the last active administrator; make someone else an administrator first.');
      }
      return this.changes.submit(tx, userActor(principal.user) as AuditActor & { kind: 'user' }, this.rolesRequest(user, next), now);
    });
    this.events.publish('users.changed', { userId }, { kind: 'permission', permission: 'user.read' });
    this.events.publish('users.changed', { userId }, { kind: 'user', userId });
    const current = (await this.store.read((tx) => tx.users.findById(userId))) as UserRecord;
    return { user: toSummary(current), status: submitted.status, changeId: submitted.status === 'pending-approval' ? submitted.changeId : null };
  }

  async disable(principal: Principal, userId: string): Promise<UserSummary> {
    if (userId === principal.user.id) throw conflict('cannot_disable_self', 'You cannot disable your own account.');
    const summary = await this.change(userActor(principal.user), userId, 'user.disabled', async (tx, user, at, now) => {
      if (user.roles.includes('admin') && user.status === 'active' && (await tx.users.countActiveWithRole('admin')) <= 1) {
        throw conflict('last_admin', 'This is the last active administrator and cannot be disabled.');
      }
      await tx.users.update(user.id, { status: 'disabled', updatedAt: at });
      const ended = await tx.sessions.endAllForUser(user.id, now, 'disabled');
      return {
        before: { status: user.status },
        after: { status: 'disabled', endedSessions: ended.length },
        updated: { ...user, status: 'disabled' },
        endedSessions: ended,
      };
    });
    return summary;
  }

  async enable(principal: Principal, userId: string): Promise<UserSummary> {
    return this.change(userActor(principal.user), userId, 'user.enabled', async (tx, user, at) => {
      await tx.users.update(user.id, { status: 'active', updatedAt: at });
      return { before: { status: user.status }, after: { status: 'active' }, updated: { ...user, status: 'active' } };
    });
  }

  async unlock(actor: AuditActor, userId: string): Promise<UserSummary> {
    return this.change(actor, userId, 'user.unlocked', async (tx, user, at) => {
      await tx.users.update(user.id, { lockedAt: null, failedSignIns: 0, updatedAt: at });
      return {
        before: { locked: user.lockedAt !== null, failedSignIns: user.failedSignIns },
        after: { locked: false, failedSignIns: 0 },
        updated: { ...user, lockedAt: null, failedSignIns: 0 },
      };
    });
  }

  /** A temporary password, changed at next sign-in; also unlocks the account and ends its sessions. */
  async resetPassword(actor: AuditActor, userId: string, temporaryPassword: string): Promise<UserSummary> {
    const target = await this.store.read((tx) => tx.users.findById(userId));
    if (!target) throw notFound('the user');
    await this.sessions.assertAcceptable(temporaryPassword, target, async () => [], 'temporaryPassword');
    const passwordHash = await hashPassword(temporaryPassword);
    return this.change(actor, userId, 'user.password.reset', async (tx, user, at, now) => {
      await tx.users.addPasswordHistory(user.id, user.passwordHash, at);
      await tx.users.update(user.id, { passwordHash, mustChangePassword: true, lockedAt: null, failedSignIns: 0, passwordChangedAt: at, updatedAt: at });
      const ended = await tx.sessions.endAllForUser(user.id, now, 'password-reset');
      return {
        before: { locked: user.lockedAt !== null },
        after: { temporaryPassword: true, locked: false, endedSessions: ended.length },
        updated: { ...user, mustChangePassword: true, lockedAt: null, failedSignIns: 0 },
        endedSessions: ended,
      };
    });
  }

  async findByUsername(username: string): Promise<UserRecord> {
    const user = await this.store.read((tx) => tx.users.findByUsername(username));
    if (!user) throw notFound(`user "${username}"`);
    return user;
  }

  /** One audited change to one user: the callback updates and returns before/after for the audit event. */
  private async change(
    actor: AuditActor,
    userId: string,
    action: string,
    apply: (
      tx: Repositories,
      user: UserRecord,
      at: string,
      now: number,
    ) => Promise<{ before: Record<string, JsonValue>; after: Record<string, JsonValue>; updated: UserRecord; endedSessions?: string[] }>,
  ): Promise<UserSummary> {
    const now = this.clock.now();
    const at = toTimestamp(now);
    const result = await this.store.unit(async (tx) => {
      const user = await tx.users.findById(userId);
      if (!user) throw notFound('the user');
      const change = await apply(tx, user, at, now);
      await tx.audit.append(
        { actor, action, subject: { type: 'user', id: user.id }, payload: { username: user.username, before: change.before, after: change.after } },
        at,
      );
      return change;
    });
    for (const sessionId of result.endedSessions ?? []) {
      this.events.publish('session.ended', { reason: action === 'user.disabled' ? 'disabled' : 'password-reset' }, { kind: 'session', sessionId });
    }
    this.events.publish('users.changed', { userId }, { kind: 'permission', permission: 'user.read' });
    this.events.publish('users.changed', { userId }, { kind: 'user', userId });
    return toSummary(result.updated);
  }
}
