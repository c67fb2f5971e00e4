import { existsSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import type { DataKey } from '../../keys/data-key';

export type SqliteDb = Database.Database;

export class KeyRejectedError extends Error {
  constructor(path: string) {
    super(`the data key does not open ${path}: it is the wrong key for this database, or the file is not a Clearline database`);
    this.name = 'KeyRejectedError';
  }
}

/**
 * Opens a SQLCipher 4 database (AES-256-CBC pages, HMAC-SHA512, 4096-byte pages) with the
 * site's raw 256-bit data key: no passphrase derivation on open, the key itself is the
 * page key. The key is checked by reading the schema before anything else touches the file,
 * so a wrong key fails here with KeyRejectedError rather than later as "not a database".
 */
export function openEncrypted(path: string, key: DataKey, options: { readonly?: boolean; create?: boolean } = {}): SqliteDb {
  // Created by us with 0600 first: SQLite gives the -wal and -shm files the same mode.
  if (options.create && !existsSync(path)) writeFileSync(path, '', { mode: 0o600 });
  const db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: !(options.create ?? false) });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="${key.sqlcipherRawKey()}"`);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw new KeyRejectedError(path);
      throw error;
    }
    if (!options.readonly) {
      db.pragma('journal_mode=WAL');
    }
    // FULL: every commit fsyncs the WAL, so an acknowledged commit survives power loss.
    db.pragma('synchronous=FULL');
    db.pragma('foreign_keys=ON');
    db.pragma('busy_timeout=5000');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** True when the error is SQLite reporting a lock held past busy_timeout. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}
