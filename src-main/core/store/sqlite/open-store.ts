import type { DataKey } from '../../keys/data-key';
import { openEncrypted } from './connection';
import { migrate } from './migrate';
import { SqliteStore } from './sqlite-store';

/**
 * Opens a site's database for use: the writer connection applies pending migrations, then
 * a reader connection is opened beside it.
 */
export function openSqliteStore(path: string, key: DataKey, nowIso: string, options: { create?: boolean } = {}): SqliteStore {
  const writer = openEncrypted(path, key, { create: options.create ?? false });
  try {
    migrate(writer, nowIso);
    // The planner needs statistics to prefer the work queue's ordered indexes over sorting
    // every open task; a bounded ANALYZE keeps this cheap on large tables (see SqliteStore).
    writer.pragma('analysis_limit = 1000');
    writer.pragma('optimize = 0x10002');
    const reader = openEncrypted(path, key, { readonly: true });
    return new SqliteStore(writer, reader);
  } catch (error) {
    writer.close();
    throw error;
  }
}
