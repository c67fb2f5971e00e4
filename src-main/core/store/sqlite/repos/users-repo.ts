import type { RoleName } from '@shared/permissions';
import type { SqliteDb } from '../connection';
import { prepared } from '../prepared';
import type { UserPatch, UserRecord, UsersRepository } from '../../repositories';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  must_change_password: number;
  status: 'active' | 'disabled';
  failed_sign_ins: number;
  locked_at: string | null;
  last_sign_in_at: string | null;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
  roles: string | null;
}

const SELECT = `SELECT u.*, (SELECT group_concat(role, ',') FROM (SELECT role FROM user_roles r WHERE r.user_id = u.id ORDER BY role)) AS roles FROM users u`;

const COLUMNS: Record<Exclude<keyof UserPatch, never>, string> = {
  displayName: 'display_name',
  passwordHash: 'password_hash',
  mustChangePassword: 'must_change_password',
  status: 'status',
  failedSignIns: 'failed_sign_ins',
  lockedAt: 'locked_at',
  lastSignInAt: 'last_sign_in_at',
  passwordChangedAt: 'password_changed_at',
  updatedAt: 'updated_at',
};

/** Usernames compare without regard to case or Unicode normalisation form. */
export function usernameKey(username: string): string {
  return username.normalize('NFKC').toLowerCase();
}

function toRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    mustChangePassword: row.must_change_password === 1,
    status: row.status,
    failedSignIns: row.failed_sign_ins,
    lockedAt: row.locked_at,
    lastSignInAt: row.last_sign_in_at,
    passwordChangedAt: row.password_changed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    roles: row.roles ? (row.roles.split(',') as RoleName[]) : [],
  };
}

export class SqliteUsersRepository implements UsersRepository {
  constructor(private readonly db: SqliteDb) {}

  async findById(id: string): Promise<UserRecord | null> {
    const row = prepared(this.db, `${SELECT} WHERE u.id = ?`).get(id) as UserRow | undefined;
    return row ? toRecord(row) : null;
  }

  async findByUsername(username: string): Promise<UserRecord | null> {
    const row = prepared(this.db, `${SELECT} WHERE u.username_key = ?`).get(usernameKey(username)) as UserRow | undefined;
    return row ? toRecord(row) : null;
  }

  async list(): Promise<UserRecord[]> {
    return (prepared(this.db, `${SELECT} ORDER BY u.username_key`).all() as UserRow[]).map(toRecord);
  }

  async insert(user: UserRecord, grantedBy: string | null): Promise<void> {
    prepared(
      this.db,
      `INSERT INTO users (id, username, username_key, display_name, password_hash, must_change_password, status, failed_sign_ins, locked_at, last_sign_in_at, password_changed_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      user.id,
      user.username,
      usernameKey(user.username),
      user.displayName,
      user.passwordHash,
      user.mustChangePassword ? 1 : 0,
      user.status,
      user.failedSignIns,
      user.lockedAt,
      user.lastSignInAt,
      user.passwordChangedAt,
      user.createdAt,
      user.updatedAt,
    );
    for (const role of user.roles) {
      prepared(this.db, 'INSERT INTO user_roles (user_id, role, granted_by, granted_at) VALUES (?, ?, ?, ?)').run(user.id, role, grantedBy, user.createdAt);
    }
  }

  async update(id: string, patch: UserPatch): Promise<void> {
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [keyof UserPatch, unknown][];
    const sql = `UPDATE users SET ${entries.map(([k]) => `${COLUMNS[k]} = ?`).join(', ')} WHERE id = ?`;
    prepared(this.db, sql).run(...entries.map(([, v]) => (typeof v === 'boolean' ? (v ? 1 : 0) : v)), id);
  }

  async setRoles(id: string, roles: readonly RoleName[], grantedBy: string, at: string): Promise<void> {
    prepared(this.db, 'DELETE FROM user_roles WHERE user_id = ?').run(id);
    for (const role of roles)
      prepared(this.db, 'INSERT INTO user_roles (user_id, role, granted_by, granted_at) VALUES (?, ?, ?, ?)').run(id, role, grantedBy, at);
  }

  async countActiveWithRole(role: RoleName): Promise<number> {
    const row = prepared(this.db, "SELECT count(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = ? AND u.status = 'active'").get(
      role,
    ) as { n: number };
    return row.n;
  }

  async count(): Promise<number> {
    return (prepared(this.db, 'SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }

  async recentPasswordHashes(id: string, limit: number): Promise<string[]> {
    const rows = prepared(this.db, 'SELECT password_hash FROM password_history WHERE user_id = ? ORDER BY changed_at DESC LIMIT ?').all(id, limit) as {
      password_hash: string;
    }[];
    return rows.map((r) => r.password_hash);
  }

  async addPasswordHistory(id: string, passwordHash: string, at: string): Promise<void> {
    prepared(this.db, 'INSERT INTO password_history (user_id, password_hash, changed_at) VALUES (?, ?, ?)').run(id, passwordHash, at);
  }
}
