export default {
  version: 3,
  name: 'identity',
  sql: `
    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      username TEXT NOT NULL,
      username_key TEXT NOT NULL UNIQUE,
      display_name TEXT NOT NULL,
      password_hash TEXT NOT NULL,
      must_change_password INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('active', 'disabled')),
      failed_sign_ins INTEGER NOT NULL DEFAULT 0,
      locked_at TEXT,
      last_sign_in_at TEXT,
      password_changed_at TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE user_roles (
      user_id TEXT NOT NULL REFERENCES users (id),
      role TEXT NOT NULL,
      granted_by TEXT,
      granted_at TEXT NOT NULL,
      PRIMARY KEY (user_id, role)
    );

    -- Earlier password hashes, so a user cannot cycle back to a recent password.
    CREATE TABLE password_history (
      user_id TEXT NOT NULL REFERENCES users (id),
      password_hash TEXT NOT NULL,
      changed_at TEXT NOT NULL
    );
    CREATE INDEX password_history_user ON password_history (user_id, changed_at);

    -- Tokens are stored as SHA-256 hashes: reading the database does not yield a usable session.
    CREATE TABLE sessions (
      id TEXT PRIMARY KEY,
      token_hash TEXT NOT NULL UNIQUE,
      user_id TEXT NOT NULL REFERENCES users (id),
      host TEXT NOT NULL,
      origin TEXT,
      created_at INTEGER NOT NULL,
      last_seen_at INTEGER NOT NULL,
      idle_expires_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      locked INTEGER NOT NULL DEFAULT 0,
      ended_at INTEGER,
      end_reason TEXT
    );
    CREATE INDEX sessions_user ON sessions (user_id, ended_at);

    CREATE TABLE access_tokens (
      id TEXT PRIMARY KEY,
      token_hash TEXT NOT NULL UNIQUE,
      user_id TEXT NOT NULL REFERENCES users (id),
      name TEXT NOT NULL,
      created_by TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      last_used_at INTEGER,
      revoked_at INTEGER
    );

    CREATE TABLE setup_tokens (
      token_hash TEXT PRIMARY KEY,
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      used_at INTEGER
    );
  `,
};
