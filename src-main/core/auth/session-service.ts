import type { SessionInfo } from '@shared/domain/users';
import { permissionsOf } from '@shared/permissions';
import type { Clock } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import { newUuidV7 } from '@shared/domain/ids';
import type { Store } from '../store/store';
import type { Repositories, UserRecord } from '../store/repositories';
import type { EventBus } from '../events/event-bus';
import { AppError, invalid, unauthenticated } from '../dispatch/app-error';
import { hashPassword, UNKNOWN_USER_HASH, verifyPassword } from './passwords';
import { PASSWORD_HISTORY, policyProblems, reusesRecent } from './password-policy';
import { anonymousActor, describeOrigin, userActor, type Origin, type Principal } from './principal';
import { newBearerToken } from './secret-tokens';
import type { SecurityPolicy } from './security-policy';

export interface SignedIn {
  info: SessionInfo;
  /** For the host only (cookie, main-process memory); never returned to a page. */
  token: string;
}

const WRONG_CREDENTIALS = 'Wrong username or password.';

export class SessionService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly policy: SecurityPolicy,
  ) {}

  info(user: UserRecord, sessionId: string | null, expiresAt: number, locked: boolean): SessionInfo {
    return {
      sessionId,
      user: {
        id: user.id as SessionInfo['user']['id'],
        username: user.username,
        displayName: user.displayName,
        roles: user.roles,
        permissions: [...permissionsOf(user.roles)],
        mustChangePassword: user.mustChangePassword,
      },
      expiresAt: toTimestamp(expiresAt),
      idleLockMinutes: this.policy.idleLockMinutes,
      locked,
    };
  }

  me(principal: Principal): SessionInfo {
    const session = principal.via.kind === 'session' ? principal.via : null;
    return this.info(principal.user, session?.sessionId ?? null, principal.via.expiresAt, session?.locked ?? false);
  }

  async signIn(username: string, password: string, origin: Origin): Promise<SignedIn> {
    const user = await this.store.read((tx) => tx.users.findByUsername(username));
    const passwordOk = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    const now = this.clock.now();
    const at = toTimestamp(now);
    const outcome = await this.store.unit(async (tx): Promise<SignedIn | AppError> => {
      const fail = async (reason: string, error: AppError) => {
        await tx.audit.append(
          {
            actor: anonymousActor(origin),
            action: 'session.sign-in.failed',
            outcome: 'refused',
            subject: user ? { type: 'user', id: user.id } : null,
            payload: { username, reason, origin: describeOrigin(origin) },
          },
          at,
        );
        return error;
      };
      if (!user) return fail('unknown username', unauthenticated('invalid_credentials', WRONG_CREDENTIALS, true));
      // Re-read inside the transaction: another sign-in may have counted a failure meanwhile.
      const current = (await tx.users.findById(user.id)) as UserRecord;
      if (current.status !== 'active')
        return fail('account disabled', unauthenticated('account_disabled', 'This account is disabled. Ask an administrator.', true));
      if (current.lockedAt) return fail('account locked', lockedError(this.policy));
      if (!passwordOk) {
        const failures = current.failedSignIns + 1;
        const locks = failures >= this.policy.maxFailedSignIns;
        await tx.users.update(current.id, { failedSignIns: failures, ...(locks ? { lockedAt: at } : {}), updatedAt: at });
        if (locks) {
          await tx.audit.append(
            {
              actor: { kind: 'system', component: 'sign-in' },
              action: 'user.locked-out',
              subject: { type: 'user', id: current.id },
              payload: { failedSignIns: failures },
            },
            at,
          );
          return fail('wrong password; account now locked', lockedError(this.policy));
        }
        return fail(`wrong password (${failures} of ${this.policy.maxFailedSignIns})`, unauthenticated('invalid_credentials', WRONG_CREDENTIALS, true));
      }
      const { token, hash } = newBearerToken('cls_');
      const sessionId = newUuidV7(now);
      const expiresAt = now + this.policy.sessionMaxHours * 3_600_000;
      await tx.sessions.insert({
        id: sessionId,
        tokenHash: hash,
        userId: current.id,
        host: origin.host,
        origin: origin.detail ?? null,
        createdAt: now,
        lastSeenAt: now,
        idleExpiresAt: now + this.policy.sessionIdleMinutes * 60_000,
        expiresAt,
        locked: false,
        endedAt: null,
        endReason: null,
      });
      await tx.users.update(current.id, { failedSignIns: 0, lastSignInAt: at, updatedAt: at });
      await tx.audit.append(
        {
          actor: userActor(current),
          action: 'session.signed-in',
          subject: { type: 'session', id: sessionId },
          payload: { origin: describeOrigin(origin), mustChangePassword: current.mustChangePassword },
        },
        at,
      );
      return { token, info: this.info({ ...current, failedSignIns: 0, lastSignInAt: at }, sessionId, expiresAt, false) };
    });
    if (outcome instanceof AppError) throw outcome;
    return outcome;
  }

  async signOut(principal: Principal): Promise<void> {
    if (principal.via.kind !== 'session') return;
    const { sessionId } = principal.via;
    const now = this.clock.now();
    await this.store.unit(async (tx) => {
      await tx.sessions.end(sessionId, now, 'signed-out');
      await tx.audit.append({ actor: userActor(principal.user), action: 'session.signed-out', subject: { type: 'session', id: sessionId } }, toTimestamp(now));
    });
    this.events.publish('session.ended', { reason: 'signed-out' }, { kind: 'session', sessionId });
  }

  async changePassword(principal: Principal, currentPassword: string, newPassword: string): Promise<SessionInfo> {
    const user = principal.user;
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      throw new AppError(400, 'invalid_input', 'currentPassword: is not your current password', {
        issues: [{ path: 'currentPassword', message: 'is not your current password' }],
      });
    }
    await this.assertAcceptable(newPassword, user, (tx) => tx.users.recentPasswordHashes(user.id, PASSWORD_HISTORY), 'newPassword');
    const passwordHash = await hashPassword(newPassword);
    const now = this.clock.now();
    const at = toTimestamp(now);
    const keep = principal.via.kind === 'session' ? principal.via.sessionId : null;
    const ended = await this.store.unit(async (tx) => {
      await tx.users.addPasswordHistory(user.id, user.passwordHash, at);
      await tx.users.update(user.id, { passwordHash, mustChangePassword: false, passwordChangedAt: at, updatedAt: at });
      const others = await tx.sessions.endAllForUser(user.id, now, 'password-changed', keep);
      await tx.audit.append(
        {
          actor: userActor(user),
          action: 'user.password.changed',
          subject: { type: 'user', id: user.id },
          payload: { endedOtherSessions: others.length, wasTemporary: user.mustChangePassword },
        },
        at,
      );
      return others;
    });
    for (const sessionId of ended) this.events.publish('session.ended', { reason: 'password-changed' }, { kind: 'session', sessionId });
    return this.info({ ...user, passwordHash, mustChangePassword: false }, keep, principal.via.expiresAt, false);
  }

  /** Rejects passwords the policy forbids, naming the field for the form. */
  async assertAcceptable(
    password: string,
    user: { username: string; displayName: string },
    recent: (tx: Repositories) => Promise<string[]>,
    field: string,
  ): Promise<void> {
    const problems = policyProblems(password, user);
    if (problems.length === 0 && (await reusesRecent(password, await this.store.read(recent))))
      problems.push(`must differ from your last ${PASSWORD_HISTORY} passwords`);
    if (problems.length > 0) throw invalid(field, problems.join('; '));
  }

  async lock(principal: Principal): Promise<void> {
    if (principal.via.kind !== 'session') return;
    const { sessionId } = principal.via;
    await this.store.unit(async (tx) => {
      await tx.sessions.setLocked(sessionId, true);
      await tx.audit.append(
        { actor: userActor(principal.user), action: 'session.locked', subject: { type: 'session', id: sessionId } },
        toTimestamp(this.clock.now()),
      );
    });
  }

  /** Unlocking is a sign-in in all but name: a wrong password counts toward the lockout. */
  async unlock(principal: Principal, password: string, origin: Origin): Promise<SessionInfo> {
    if (principal.via.kind !== 'session') return this.me(principal);
    const { sessionId } = principal.via;
    const ok = await verifyPassword(password, principal.user.passwordHash);
    const now = this.clock.now();
    const at = toTimestamp(now);
    const error = await this.store.unit(async (tx): Promise<AppError | null> => {
      const user = (await tx.users.findById(principal.user.id)) as UserRecord;
      if (ok) {
        await tx.sessions.setLocked(sessionId, false);
        await tx.users.update(user.id, { failedSignIns: 0, updatedAt: at });
        await tx.audit.append({ actor: userActor(user), action: 'session.unlocked', subject: { type: 'session', id: sessionId } }, at);
        return null;
      }
      const failures = user.failedSignIns + 1;
      const locks = failures >= this.policy.maxFailedSignIns;
      await tx.users.update(user.id, { failedSignIns: failures, ...(locks ? { lockedAt: at } : {}), updatedAt: at });
      await tx.audit.append(
        {
          actor: userActor(user),
          action: 'session.unlock.failed',
          outcome: 'refused',
          subject: { type: 'session', id: sessionId },
          payload: { failedSignIns: failures, origin: describeOrigin(origin) },
        },
        at,
      );
      if (!locks) return invalid('password', 'is not your password');
      await tx.sessions.endAllForUser(user.id, now, 'locked-out');
      await tx.audit.append(
        {
          actor: { kind: 'system', component: 'sign-in' },
          action: 'user.locked-out',
          subject: { type: 'user', id: user.id },
          payload: { failedSignIns: failures },
        },
        at,
      );
      return lockedError(this.policy);
    });
    if (error) throw error;
    return this.info({ ...principal.user, failedSignIns: 0 }, sessionId, principal.via.expiresAt, false);
  }
}

/** Always audited by the caller (sign-in or unlock) with its reason. */
function lockedError(policy: SecurityPolicy): AppError {
  return unauthenticated('account_locked', `This account is locked after ${policy.maxFailedSignIns} failed sign-ins. Ask an administrator to unlock it.`, true);
}
