import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditEvent } from '@shared/domain/audit';
import type { SqliteDb } from '../../src-main/core/store/sqlite/connection';
import type { SqliteStore } from '../../src-main/core/store/sqlite/sqlite-store';

/** One committed unit of work: the tables its statements changed and the audit events it appended. */
export interface RecordedUnit {
  /** The label of the `during` call that submitted the unit (null: background work such as the engine). */
  label: string | null;
  tables: string[];
  events: AuditEvent[];
}

export interface UnitRecorder {
  readonly units: RecordedUnit[];
  /** Runs `work`, labelling every unit submitted from its async context; returns its result and those units. */
  during<T>(label: string, work: () => Promise<T>): Promise<{ value: T; units: RecordedUnit[] }>;
}

/**
 * Watches every unit of work of a store, for tests that must prove what one unit did.
 * Temporary triggers on the writer connection (the only connection that writes, and one
 * that sees its own uncommitted rows) log each changed row's table; the store's `unit` is
 * wrapped to read that log and the audit head at the unit's start and end. Only units that
 * committed are recorded. Test-only: it reaches the store's private writer connection.
 */
export function recordUnits(store: SqliteStore): UnitRecorder {
  // The writer is private to the store: only this test instrument reads it.
  const writer: SqliteDb = store['writer'];
  installChangeLog(writer);
  const lastChange = writer.prepare('SELECT coalesce(max(id), 0) AS id FROM temp.unit_changes');
  const changedSince = writer.prepare('SELECT DISTINCT tbl FROM temp.unit_changes WHERE id > ? ORDER BY tbl');
  const context = new AsyncLocalStorage<string>();
  const units: RecordedUnit[] = [];
  const original = store.unit.bind(store);
  store.unit = <T>(work: Parameters<SqliteStore['unit']>[0], options?: Parameters<SqliteStore['unit']>[1]): Promise<T> => {
    const label = context.getStore() ?? null;
    let seen: RecordedUnit | null = null;
    const watched = original(async (tx) => {
      const mark = (lastChange.get() as { id: number }).id;
      const head = (await tx.audit.head())?.seq ?? 0;
      const value = await work(tx);
      const tables = (changedSince.all(mark) as { tbl: string }[]).map((r) => r.tbl);
      const after = (await tx.audit.head())?.seq ?? 0;
      seen = { label, tables, events: after > head ? await tx.audit.range(head + 1, after - head) : [] };
      return value;
    }, options);
    return watched.then((value) => {
      if (seen) units.push(seen);
      return value as T;
    });
  };
  return {
    units,
    async during(label, work) {
      const from = units.length;
      const value = await context.run(label, work);
      return { value, units: units.slice(from).filter((u) => u.label === label) };
    },
  };
}

/** A temp table and AFTER triggers on every ordinary table of the main schema, on this connection only. */
function installChangeLog(db: SqliteDb): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS unit_changes (id INTEGER PRIMARY KEY, tbl TEXT NOT NULL)');
  const virtual = (db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'").all() as { name: string }[]).map(
    (r) => r.name,
  );
  const tables = (db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[])
    .map((r) => r.name)
    // Full-text tables and their shadow tables are written by SQLite itself, not by statements.
    .filter((name) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)));
  for (const table of tables) {
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      db.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS "log_${table}_${event.toLowerCase()}" AFTER ${event} ON main."${table}" BEGIN INSERT INTO temp.unit_changes (tbl) VALUES ('${table}'); END`,
      );
    }
  }
}
