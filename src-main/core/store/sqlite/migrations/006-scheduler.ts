export default {
  version: 6,
  name: 'scheduler',
  sql: `
    -- Business calendars. A combined calendar has members and no holidays of its own.
    CREATE TABLE calendars (
      name TEXT PRIMARY KEY,
      description TEXT NOT NULL,
      zone TEXT NOT NULL,
      weekend TEXT NOT NULL,
      members TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL
    );
    CREATE TABLE calendar_holidays (
      calendar TEXT NOT NULL REFERENCES calendars (name) ON DELETE CASCADE,
      date TEXT NOT NULL,
      name TEXT NOT NULL,
      PRIMARY KEY (calendar, date)
    ) WITHOUT ROWID;

    -- Schedules: the definition (JSON, as validated) and the stored next fire time, which is
    -- the source of truth: a fire is claimed by moving it with a conditional update.
    CREATE TABLE schedules (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      definition TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('active', 'paused', 'ended')),
      paused_reason TEXT,
      next_fire_at INTEGER,
      last_fire_at INTEGER,
      revision INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL
    );
    CREATE INDEX schedules_due ON schedules (next_fire_at) WHERE status = 'active';

    CREATE TABLE schedule_runs (
      id TEXT PRIMARY KEY,
      schedule_id TEXT NOT NULL REFERENCES schedules (id),
      scheduled_for INTEGER NOT NULL,
      fired_at INTEGER NOT NULL,
      trigger TEXT NOT NULL CHECK (trigger IN ('scheduled', 'misfire', 'manual')),
      status TEXT NOT NULL CHECK (status IN ('started', 'queued', 'skipped', 'not-started')),
      reason TEXT,
      requested_by TEXT,
      instance_id TEXT REFERENCES instances (id),
      cutoff_at INTEGER,
      at_risk_at INTEGER,
      at_risk INTEGER NOT NULL DEFAULT 0,
      alert_due INTEGER NOT NULL DEFAULT 0
    );
    -- A fire time of a schedule starts at most one run, whatever happens (crash, takeover).
    CREATE UNIQUE INDEX schedule_runs_once ON schedule_runs (schedule_id, scheduled_for) WHERE trigger <> 'manual';
    -- History is in insertion order: the index's rowid tail orders a schedule's runs.
    CREATE INDEX schedule_runs_history ON schedule_runs (schedule_id);
    CREATE INDEX schedule_runs_queued ON schedule_runs (schedule_id) WHERE status = 'queued';
    CREATE INDEX schedule_runs_alerts ON schedule_runs (at_risk_at) WHERE alert_due = 1;
    CREATE INDEX schedule_runs_instance ON schedule_runs (instance_id) WHERE instance_id IS NOT NULL;
  `,
};
