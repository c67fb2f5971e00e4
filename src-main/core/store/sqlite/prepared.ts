import type Database from 'better-sqlite3-multiple-ciphers';
import type { SqliteDb } from './connection';

const caches = new WeakMap<SqliteDb, Map<string, Database.Statement>>();

/** Prepares each SQL text once per connection; repositories call this on every use. */
export function prepared(db: SqliteDb, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
