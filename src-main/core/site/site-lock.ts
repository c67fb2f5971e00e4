import { existsSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import type { SitePaths } from './data-dir';

/**
 * A cross-process reader/writer lock on a data folder, built on SQLite's own file locking
 * of a tiny, empty, unencrypted database (clearline.lock), so it works the same on Linux,
 * macOS and Windows and is released by the OS when a process dies.
 *
 * Every process that uses the site holds it shared for as long as it runs. Maintenance that
 * replaces the database file (rekey, restore) needs it exclusive: a process still holding
 * the old file open would otherwise keep writing into a file nobody reads any more.
 */
export class SiteInUseError extends Error {
  constructor(what: string) {
    super(what);
    this.name = 'SiteInUseError';
  }
}

export interface SiteLock {
  release(): void;
}

function open(paths: SitePaths): Database.Database {
  if (!existsSync(paths.lock)) writeFileSync(paths.lock, '', { mode: 0o600, flag: 'a' });
  const db = new Database(paths.lock);
  db.pragma('busy_timeout=0');
  db.pragma('journal_mode=DELETE');
  db.exec('CREATE TABLE IF NOT EXISTS lock (id INTEGER PRIMARY KEY)');
  return db;
}

export function acquireShared(paths: SitePaths): SiteLock {
  const db = open(paths);
  try {
    db.exec('BEGIN');
    db.prepare('SELECT count(*) FROM lock').get();
  } catch {
    db.close();
    throw new SiteInUseError(`maintenance (rekey or restore) is running on ${paths.dataDir}; wait for it to finish and try again`);
  }
  return {
    release() {
      if (db.open) {
        db.exec('COMMIT');
        db.close();
      }
    },
  };
}

export function acquireExclusive(paths: SitePaths, operation: string): SiteLock {
  const db = open(paths);
  try {
    db.exec('BEGIN EXCLUSIVE');
  } catch {
    db.close();
    throw new SiteInUseError(
      `cannot ${operation} while the site in ${paths.dataDir} is in use: close the desktop console, stop \`clearline serve\` and any other clearline command on this data folder, then try again`,
    );
  }
  return {
    release() {
      if (db.open) {
        db.exec('COMMIT');
        db.close();
      }
    },
  };
}
