import type { Clock } from '@shared/domain/time';
import type { Store } from '../store/store';
import { unauthenticated } from '../dispatch/app-error';
import { hashToken } from './secret-tokens';
import { principalFor, type Principal } from './principal';
import type { SecurityPolicy } from './security-policy';

export type Credential = { kind: 'session'; token: string } | { kind: 'access-token'; token: string };

/** A session's last-seen time is written at most this often: a read should not cost a durable commit. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Turns a credential into a principal, or refuses with the reason: unknown, ended, expired
 * (idle or absolute), revoked, or the user disabled. Permissions are recomputed from the
 * user's roles on every call, so a role change takes effect at once.
 */
export class Authenticator {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly policy: SecurityPolicy,
  ) {}

  async authenticate(credential: Credential): Promise<Principal> {
    return credential.kind === 'session' ? this.session(credential.token) : this.accessToken(credential.token);
  }

  private async session(token: string): Promise<Principal> {
    const now = this.clock.now();
    const found = await this.store.read(async (tx) => {
      const session = await tx.sessions.findByTokenHash(hashToken(token));
      return session ? { session, user: await tx.users.findById(session.userId) } : null;
    });
    if (!found || !found.user) throw unauthenticated('unauthenticated', 'Sign in to continue.');
    const { session, user } = found;
    if (session.endedAt !== null) throw unauthenticated('session_ended', 'Your session has ended. Sign in again.');
    if (now >= session.expiresAt || now >= session.idleExpiresAt) {
      await this.store.unit((tx) => tx.sessions.end(session.id, now, now >= session.expiresAt ? 'expired' : 'idle-expired'));
      throw unauthenticated('session_expired', 'Your session expired. Sign in again.');
    }
    if (user.status !== 'active') throw unauthenticated('account_disabled', 'This account is disabled. Ask an administrator.');
    if (now - session.lastSeenAt >= TOUCH_EVERY_MS) {
      await this.store.unit((tx) => tx.sessions.touch(session.id, now, now + this.policy.sessionIdleMinutes * 60_000));
    }
    return principalFor(user, { kind: 'session', sessionId: session.id, expiresAt: session.expiresAt, locked: session.locked });
  }

  private async accessToken(token: string): Promise<Principal> {
    const now = this.clock.now();
    const found = await this.store.read(async (tx) => {
      const row = await tx.accessTokens.findByTokenHash(hashToken(token));
      return row ? { row, user: await tx.users.findById(row.userId) } : null;
    });
    if (!found || !found.user) throw unauthenticated('unauthenticated', 'The access token is not valid.');
    if (found.row.revokedAt !== null) throw unauthenticated('token_revoked', 'The access token was revoked.');
    if (now >= found.row.expiresAt) throw unauthenticated('token_expired', 'The access token expired; ask an administrator for a new one.');
    if (found.user.status !== 'active') throw unauthenticated('account_disabled', 'This account is disabled. Ask an administrator.');
    if (found.row.lastUsedAt === null || now - found.row.lastUsedAt >= TOUCH_EVERY_MS) await this.store.unit((tx) => tx.accessTokens.touch(found.row.id, now));
    return principalFor(found.user, { kind: 'access-token', tokenId: found.row.id, expiresAt: found.row.expiresAt });
  }
}
