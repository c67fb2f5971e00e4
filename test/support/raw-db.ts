import Database from 'better-sqlite3-multiple-ciphers';
import type { DataKey } from '../../src-main/core/keys/data-key';

/** Opens a site's database directly with its key, as an attacker holding the key would (for tamper tests). */
export function openRaw(path: string, key: DataKey): Database.Database {
  const db = new Database(path);
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="${key.sqlcipherRawKey()}"`);
  return db;
}
