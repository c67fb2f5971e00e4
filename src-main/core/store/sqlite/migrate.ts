import type { SqliteDb } from './connection';
import { MIGRATIONS, type Migration } from './migrations';

/**
 * Numbered migrations, applied in order at open, each in its own transaction together with
 * its row in schema_migrations. A database newer than this build is refused: running old
 * code on a newer schema could corrupt it.
 */
export class SchemaTooNewError extends Error {
  constructor(found: number, known: number) {
    super(`the database is at schema version ${found} but this Clearline knows only up to ${known}: install the newer Clearline that wrote it`);
    this.name = 'SchemaTooNewError';
  }
}

export function appliedVersion(db: SqliteDb): number {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_migrations'").get();
  if (!exists) return 0;
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.at(-1)?.version ?? 0;
}

export function pendingMigrations(db: SqliteDb, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  const current = appliedVersion(db);
  if (current > latestVersion(migrations)) throw new SchemaTooNewError(current, latestVersion(migrations));
  return migrations.filter((m) => m.version > current);
}

export function migrate(db: SqliteDb, appliedAt: string, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied: number[] = [];
  for (const migration of pendingMigrations(db, migrations)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, appliedAt);
    }).immediate();
    applied.push(migration.version);
  }
  return applied;
}
