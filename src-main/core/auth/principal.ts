import type { AuditActor } from '@shared/domain/audit';
import type { Permission } from '@shared/permissions';
import { permissionsOf } from '@shared/permissions';
import type { UserRecord } from '../store/repositories';

/** Which host a call came through and from where; recorded in refusals and sign-ins. */
export interface Origin {
  host: 'http' | 'ipc' | 'cli';
  /** Remote address (HTTP), window (IPC), or OS user (CLI). */
  detail?: string;
}

export function describeOrigin(origin: Origin): string {
  return origin.detail ? `${origin.host} ${origin.detail}` : origin.host;
}

/** The authenticated caller of one operation: a user through a session or a personal access token. */
export interface Principal {
  user: UserRecord;
  permissions: ReadonlySet<Permission>;
  via: { kind: 'session'; sessionId: string; expiresAt: number; locked: boolean } | { kind: 'access-token'; tokenId: string; expiresAt: number };
}

export function principalFor(user: UserRecord, via: Principal['via']): Principal {
  return { user, permissions: permissionsOf(user.roles), via };
}

export function userActor(user: Pick<UserRecord, 'id' | 'username'>): AuditActor {
  return { kind: 'user', userId: user.id, username: user.username };
}

export function anonymousActor(origin: Origin): AuditActor {
  return { kind: 'anonymous', origin: describeOrigin(origin) };
}
