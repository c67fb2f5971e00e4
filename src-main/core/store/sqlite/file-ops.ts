import type { DataKey } from '../../keys/data-key';
import type { LeaseRow } from '../repositories';
import { KeyRejectedError, openEncrypted } from './connection';
import { appliedVersion } from './migrate';

/**
 * Whole-file operations on a SQLCipher database, for maintenance (backup, rekey, restore,
 * doctor). They are SQLite-specific by nature and so live with the dialect; a PostgreSQL
 * site uses its server's own tools for the same jobs.
 */

/** Writes a consistent, encrypted copy (same key) of a database that may be in use; returns its schema version. */
export function snapshotDatabase(path: string, key: DataKey, target: string): number {
  const db = openEncrypted(path, key, { readonly: true });
  try {
    const version = appliedVersion(db);
    db.prepare('VACUUM INTO ?').run(target);
    return version;
  } finally {
    db.close();
  }
}

/** Re-encrypts a private copy under a new key. SQLite3MultipleCiphers cannot rekey in WAL mode, so the copy leaves it for the duration. */
export function rekeyDatabaseFile(path: string, oldKey: DataKey, newKey: DataKey): void {
  const db = openEncrypted(path, oldKey);
  try {
    db.pragma('journal_mode=DELETE');
    db.pragma(`rekey="${newKey.sqlcipherRawKey()}"`);
    db.pragma('journal_mode=WAL');
  } finally {
    db.close();
  }
}

/** Moves everything from the WAL into the main file and empties the WAL, so the file alone is the database. */
export function checkpointDatabase(path: string, key: DataKey): void {
  const db = openEncrypted(path, key);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

export interface DatabaseInspection {
  cipher: string;
  schemaVersion: number;
  integrity: string;
  lease: LeaseRow | null;
}

/** What doctor reports about a database, read-only. */
export function inspectDatabase(path: string, key: DataKey): DatabaseInspection {
  const db = openEncrypted(path, key, { readonly: true });
  try {
    const hasLease = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'engine_lease'").get();
    return {
      cipher: String(db.pragma('cipher', { simple: true })),
      schemaVersion: appliedVersion(db),
      integrity: String(db.pragma('integrity_check', { simple: true })),
      lease: hasLease
        ? ((db
            .prepare(
              'SELECT holder, host, pid, fence, acquired_at AS acquiredAt, heartbeat_at AS heartbeatAt, expires_at AS expiresAt FROM engine_lease WHERE id = 1',
            )
            .get() as LeaseRow | undefined) ?? null)
        : null,
    };
  } finally {
    db.close();
  }
}

/** True when the key opens the database; false when SQLCipher rejects it. */
export function keyOpens(path: string, key: DataKey): boolean {
  try {
    openEncrypted(path, key, { readonly: true }).close();
    return true;
  } catch (error) {
    if (error instanceof KeyRejectedError) return false;
    throw error;
  }
}
