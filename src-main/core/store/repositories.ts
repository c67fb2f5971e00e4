import type { AuditEvent, AuditRecord } from '@shared/domain/audit';
import type { AuditQuery } from '@shared/contract/audit';
import type { CoreEvent } from '@shared/contract/events';
import type { RoleName } from '@shared/permissions';
import type { EngineRepositories } from './engine-repositories';
import type { WorkRepositories } from './work-repositories';
import type { ScheduleRepositories } from './schedule-repositories';
import type { EvidenceRepositories } from './evidence-repositories';

/**
 * The repositories a unit of work sees. Each method is async so that a PostgreSQL
 * implementation can replace the SQLite one without touching a caller. Repositories own
 * their SQL; nothing outside ./sqlite (or a future ./postgres) writes any.
 */
export interface Repositories extends EngineRepositories, WorkRepositories, ScheduleRepositories, EvidenceRepositories {
  /**
   * An event for the hosts, published once this unit is durable, never if it rolls back:
   * for facts written deep inside units (a notification for a person) whose callers do not
   * hold the event bus. Refused in a read.
   */
  announce(event: CoreEvent): void;
  readonly site: SiteRepository;
  readonly lease: LeaseRepository;
  readonly audit: AuditRepository;
  readonly users: UsersRepository;
  readonly sessions: SessionsRepository;
  readonly accessTokens: AccessTokensRepository;
  readonly setupTokens: SetupTokensRepository;
}

export interface SiteRow {
  siteId: string;
  name: string;
  createdAt: string;
}

export interface SiteRepository {
  get(): Promise<SiteRow | null>;
  create(row: SiteRow): Promise<void>;
  getSecret(name: string): Promise<Buffer | null>;
  putSecret(name: string, value: Buffer, createdAt: string): Promise<void>;
}

export interface LeaseRow {
  holder: string;
  host: string;
  pid: number;
  fence: number;
  acquiredAt: number;
  heartbeatAt: number;
  expiresAt: number;
}

export interface LeaseRepository {
  get(): Promise<LeaseRow | null>;
  /** Takes the lease if it is free, expired or already ours; returns the new row or the current holder's. */
  tryAcquire(claim: { holder: string; host: string; pid: number; now: number; ttlMs: number }): Promise<{ acquired: boolean; lease: LeaseRow }>;
  /** Extends our lease; false when it is no longer ours (another process took over). */
  renew(holder: string, fence: number, now: number, ttlMs: number): Promise<boolean>;
  release(holder: string, fence: number): Promise<void>;
}

export interface AuditRepository {
  /** Appends one event after the current head, computing its sequence number and hash. */
  append(record: AuditRecord, at: string): Promise<AuditEvent>;
  head(): Promise<AuditEvent | null>;
  /** Events with seq ≥ fromSeq in order; for verification and export. */
  range(fromSeq: number, limit: number): Promise<AuditEvent[]>;
  /** Newest first, at most query.limit + 1 rows (the extra one tells whether there is a next page). */
  search(query: AuditQuery): Promise<AuditEvent[]>;
}

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  mustChangePassword: boolean;
  status: 'active' | 'disabled';
  failedSignIns: number;
  lockedAt: string | null;
  lastSignInAt: string | null;
  passwordChangedAt: string;
  createdAt: string;
  updatedAt: string;
  roles: RoleName[];
}

export type UserPatch = Partial<
  Pick<UserRecord, 'displayName' | 'passwordHash' | 'mustChangePassword' | 'status' | 'failedSignIns' | 'lockedAt' | 'lastSignInAt' | 'passwordChangedAt'>
> & {
  updatedAt: string;
};

export interface UsersRepository {
  findById(id: string): Promise<UserRecord | null>;
  /** Usernames are unique without regard to case. */
  findByUsername(username: string): Promise<UserRecord | null>;
  list(): Promise<UserRecord[]>;
  insert(user: UserRecord, grantedBy: string | null): Promise<void>;
  update(id: string, patch: UserPatch): Promise<void>;
  setRoles(id: string, roles: readonly RoleName[], grantedBy: string, at: string): Promise<void>;
  /** Active admins, so the last one is never disabled or demoted. */
  countActiveWithRole(role: RoleName): Promise<number>;
  count(): Promise<number>;
  recentPasswordHashes(id: string, limit: number): Promise<string[]>;
  addPasswordHistory(id: string, passwordHash: string, at: string): Promise<void>;
}

export interface SessionRow {
  id: string;
  tokenHash: string;
  userId: string;
  host: string;
  origin: string | null;
  createdAt: number;
  lastSeenAt: number;
  idleExpiresAt: number;
  expiresAt: number;
  locked: boolean;
  endedAt: number | null;
  endReason: string | null;
}

export interface SessionsRepository {
  insert(row: SessionRow): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<SessionRow | null>;
  touch(id: string, lastSeenAt: number, idleExpiresAt: number): Promise<void>;
  setLocked(id: string, locked: boolean): Promise<void>;
  end(id: string, at: number, reason: string): Promise<void>;
  /** Ends every open session of a user (but `except`, if given); returns the ids ended. */
  endAllForUser(userId: string, at: number, reason: string, except?: string | null): Promise<string[]>;
}

export interface AccessTokenRow {
  id: string;
  tokenHash: string;
  userId: string;
  name: string;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface AccessTokensRepository {
  insert(row: AccessTokenRow): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<AccessTokenRow | null>;
  list(): Promise<AccessTokenRow[]>;
  revoke(id: string, at: number): Promise<boolean>;
  touch(id: string, at: number): Promise<void>;
}

export interface SetupTokensRepository {
  insert(tokenHash: string, createdAt: number, expiresAt: number): Promise<void>;
  /** True if the token exists, is unused and not expired. */
  isValid(tokenHash: string, now: number): Promise<boolean>;
  markUsed(tokenHash: string, at: number): Promise<void>;
  /** Retires every unused token (a new one was issued, or the first admin exists). */
  retireAll(at: number): Promise<void>;
}
