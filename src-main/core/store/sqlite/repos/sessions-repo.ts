import type { SqliteDb } from '../connection';
import { prepared } from '../prepared';
import type { AccessTokenRow, AccessTokensRepository, SessionRow, SessionsRepository, SetupTokensRepository } from '../../repositories';

const SESSION_COLUMNS = `id, token_hash AS tokenHash, user_id AS userId, host, origin, created_at AS createdAt, last_seen_at AS lastSeenAt,
  idle_expires_at AS idleExpiresAt, expires_at AS expiresAt, locked, ended_at AS endedAt, end_reason AS endReason`;

export class SqliteSessionsRepository implements SessionsRepository {
  constructor(private readonly db: SqliteDb) {}

  async insert(row: SessionRow): Promise<void> {
    prepared(
      this.db,
      `INSERT INTO sessions (id, token_hash, user_id, host, origin, created_at, last_seen_at, idle_expires_at, expires_at, locked, ended_at, end_reason)
       VALUES (@id, @tokenHash, @userId, @host, @origin, @createdAt, @lastSeenAt, @idleExpiresAt, @expiresAt, @locked, @endedAt, @endReason)`,
    ).run({ ...row, locked: row.locked ? 1 : 0 });
  }

  async findByTokenHash(tokenHash: string): Promise<SessionRow | null> {
    const row = prepared(this.db, `SELECT ${SESSION_COLUMNS} FROM sessions WHERE token_hash = ?`).get(tokenHash) as
      (Omit<SessionRow, 'locked'> & { locked: number }) | undefined;
    return row ? { ...row, locked: row.locked === 1 } : null;
  }

  async touch(id: string, lastSeenAt: number, idleExpiresAt: number): Promise<void> {
    prepared(this.db, 'UPDATE sessions SET last_seen_at = ?, idle_expires_at = ? WHERE id = ?').run(lastSeenAt, idleExpiresAt, id);
  }

  async setLocked(id: string, locked: boolean): Promise<void> {
    prepared(this.db, 'UPDATE sessions SET locked = ? WHERE id = ?').run(locked ? 1 : 0, id);
  }

  async end(id: string, at: number, reason: string): Promise<void> {
    prepared(this.db, 'UPDATE sessions SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL').run(at, reason, id);
  }

  async endAllForUser(userId: string, at: number, reason: string, except: string | null = null): Promise<string[]> {
    const ids = (
      prepared(this.db, 'SELECT id FROM sessions WHERE user_id = ? AND ended_at IS NULL AND id IS NOT ?').all(userId, except) as { id: string }[]
    ).map((r) => r.id);
    prepared(this.db, 'UPDATE sessions SET ended_at = ?, end_reason = ? WHERE user_id = ? AND ended_at IS NULL AND id IS NOT ?').run(
      at,
      reason,
      userId,
      except,
    );
    return ids;
  }
}

const TOKEN_COLUMNS = `id, token_hash AS tokenHash, user_id AS userId, name, created_by AS createdBy, created_at AS createdAt, expires_at AS expiresAt,
  last_used_at AS lastUsedAt, revoked_at AS revokedAt`;

export class SqliteAccessTokensRepository implements AccessTokensRepository {
  constructor(private readonly db: SqliteDb) {}

  async insert(row: AccessTokenRow): Promise<void> {
    prepared(
      this.db,
      `INSERT INTO access_tokens (id, token_hash, user_id, name, created_by, created_at, expires_at, last_used_at, revoked_at)
       VALUES (@id, @tokenHash, @userId, @name, @createdBy, @createdAt, @expiresAt, @lastUsedAt, @revokedAt)`,
    ).run(row);
  }

  async findByTokenHash(tokenHash: string): Promise<AccessTokenRow | null> {
    return (prepared(this.db, `SELECT ${TOKEN_COLUMNS} FROM access_tokens WHERE token_hash = ?`).get(tokenHash) as AccessTokenRow | undefined) ?? null;
  }

  async list(): Promise<AccessTokenRow[]> {
    return prepared(this.db, `SELECT ${TOKEN_COLUMNS} FROM access_tokens ORDER BY created_at DESC`).all() as AccessTokenRow[];
  }

  async revoke(id: string, at: number): Promise<boolean> {
    return prepared(this.db, 'UPDATE access_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
  }

  async touch(id: string, at: number): Promise<void> {
    prepared(this.db, 'UPDATE access_tokens SET last_used_at = ? WHERE id = ?').run(at, id);
  }
}

export class SqliteSetupTokensRepository implements SetupTokensRepository {
  constructor(private readonly db: SqliteDb) {}

  async insert(tokenHash: string, createdAt: number, expiresAt: number): Promise<void> {
    prepared(this.db, 'INSERT INTO setup_tokens (token_hash, created_at, expires_at) VALUES (?, ?, ?)').run(tokenHash, createdAt, expiresAt);
  }

  async isValid(tokenHash: string, now: number): Promise<boolean> {
    return prepared(this.db, 'SELECT 1 FROM setup_tokens WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?').get(tokenHash, now) !== undefined;
  }

  async markUsed(tokenHash: string, at: number): Promise<void> {
    prepared(this.db, 'UPDATE setup_tokens SET used_at = ? WHERE token_hash = ?').run(at, tokenHash);
  }

  async retireAll(at: number): Promise<void> {
    prepared(this.db, 'UPDATE setup_tokens SET used_at = ? WHERE used_at IS NULL').run(at);
  }
}
