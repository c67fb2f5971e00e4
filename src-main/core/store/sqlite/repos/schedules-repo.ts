import { randomUUID } from 'node:crypto';
import type { SqliteDb } from '../connection';
import { prepared } from '../prepared';
import type {
  CalendarRow,
  CalendarStats,
  CalendarsRepository,
  ScheduleRow,
  ScheduleRunRow,
  ScheduleRunView,
  ScheduleRunsRepository,
  SchedulesRepository,
} from '../../schedule-repositories';

const GENERATION_KEY = 'calendars.generation';

interface CalendarDbRow {
  name: string;
  description: string;
  zone: string;
  weekend: string;
  members: string;
  updated_at: string;
  updated_by: string;
}

function toCalendar(r: CalendarDbRow): CalendarRow {
  return {
    name: r.name,
    description: r.description,
    zone: r.zone,
    weekend: JSON.parse(r.weekend),
    members: JSON.parse(r.members),
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

export class SqliteCalendarsRepository implements CalendarsRepository {
  constructor(private readonly db: SqliteDb) {}

  async list(): Promise<(CalendarRow & CalendarStats)[]> {
    const rows = prepared(
      this.db,
      `SELECT c.*, count(h.date) AS holiday_count, min(h.date) AS first_holiday, max(h.date) AS last_holiday
       FROM calendars c LEFT JOIN calendar_holidays h ON h.calendar = c.name GROUP BY c.name ORDER BY c.name`,
    ).all() as (CalendarDbRow & { holiday_count: number; first_holiday: string | null; last_holiday: string | null })[];
    return rows.map((r) => ({ ...toCalendar(r), holidayCount: r.holiday_count, firstHoliday: r.first_holiday, lastHoliday: r.last_holiday }));
  }

  async get(name: string): Promise<CalendarRow | null> {
    const r = prepared(this.db, 'SELECT * FROM calendars WHERE name = ?').get(name) as CalendarDbRow | undefined;
    return r ? toCalendar(r) : null;
  }

  async put(row: CalendarRow, holidays: readonly { date: string; name: string }[]): Promise<void> {
    prepared(
      this.db,
      `INSERT INTO calendars (name, description, zone, weekend, members, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET description = excluded.description, zone = excluded.zone, weekend = excluded.weekend,
         members = excluded.members, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ).run(row.name, row.description, row.zone, JSON.stringify(row.weekend), JSON.stringify(row.members), row.updatedAt, row.updatedBy);
    prepared(this.db, 'DELETE FROM calendar_holidays WHERE calendar = ?').run(row.name);
    const insert = prepared(this.db, 'INSERT INTO calendar_holidays (calendar, date, name) VALUES (?, ?, ?)');
    for (const h of holidays) insert.run(row.name, h.date, h.name);
    prepared(
      this.db,
      `INSERT INTO settings (key, value, updated_by, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    ).run(GENERATION_KEY, JSON.stringify(randomUUID()), row.updatedBy, row.updatedAt);
  }

  async holidays(name: string, from = '0000-01-01', to = '9999-12-31'): Promise<{ date: string; name: string }[]> {
    return prepared(this.db, 'SELECT date, name FROM calendar_holidays WHERE calendar = ? AND date BETWEEN ? AND ? ORDER BY date').all(name, from, to) as {
      date: string;
      name: string;
    }[];
  }

  async generation(): Promise<string> {
    const r = prepared(this.db, 'SELECT value FROM settings WHERE key = ?').get(GENERATION_KEY) as { value: string } | undefined;
    return r?.value ?? 'none';
  }
}

interface ScheduleDbRow {
  id: string;
  name: string;
  definition: string;
  status: ScheduleRow['status'];
  paused_reason: string | null;
  next_fire_at: number | null;
  last_fire_at: number | null;
  revision: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

function toSchedule(r: ScheduleDbRow): ScheduleRow {
  return {
    id: r.id,
    name: r.name,
    definition: JSON.parse(r.definition),
    status: r.status,
    pausedReason: r.paused_reason,
    nextFireAt: r.next_fire_at,
    lastFireAt: r.last_fire_at,
    revision: r.revision,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

export class SqliteSchedulesRepository implements SchedulesRepository {
  constructor(private readonly db: SqliteDb) {}

  async insert(row: ScheduleRow): Promise<void> {
    prepared(
      this.db,
      `INSERT INTO schedules (id, name, definition, status, paused_reason, next_fire_at, last_fire_at, revision, created_at, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      row.id,
      row.name,
      JSON.stringify(row.definition),
      row.status,
      row.pausedReason,
      row.nextFireAt,
      row.lastFireAt,
      row.revision,
      row.createdAt,
      row.updatedAt,
      row.updatedBy,
    );
  }

  async get(id: string): Promise<ScheduleRow | null> {
    const r = prepared(this.db, 'SELECT * FROM schedules WHERE id = ?').get(id) as ScheduleDbRow | undefined;
    return r ? toSchedule(r) : null;
  }

  async byName(name: string): Promise<ScheduleRow | null> {
    const r = prepared(this.db, 'SELECT * FROM schedules WHERE name = ?').get(name) as ScheduleDbRow | undefined;
    return r ? toSchedule(r) : null;
  }

  async list(): Promise<ScheduleRow[]> {
    return (prepared(this.db, 'SELECT * FROM schedules ORDER BY name').all() as ScheduleDbRow[]).map(toSchedule);
  }

  async save(row: ScheduleRow, expectedRevision: number): Promise<boolean> {
    const result = prepared(
      this.db,
      `UPDATE schedules SET name = ?, definition = ?, status = ?, paused_reason = ?, next_fire_at = ?, last_fire_at = ?, revision = revision + 1,
         updated_at = ?, updated_by = ? WHERE id = ? AND revision = ?`,
    ).run(
      row.name,
      JSON.stringify(row.definition),
      row.status,
      row.pausedReason,
      row.nextFireAt,
      row.lastFireAt,
      row.updatedAt,
      row.updatedBy,
      row.id,
      expectedRevision,
    );
    return result.changes === 1;
  }

  async due(now: number, limit: number): Promise<ScheduleRow[]> {
    return (
      prepared(this.db, "SELECT * FROM schedules WHERE status = 'active' AND next_fire_at <= ? ORDER BY next_fire_at LIMIT ?").all(
        now,
        limit,
      ) as ScheduleDbRow[]
    ).map(toSchedule);
  }

  async nextFireAt(): Promise<number | null> {
    return (prepared(this.db, "SELECT min(next_fire_at) AS due FROM schedules WHERE status = 'active'").get() as { due: number | null }).due;
  }
}

interface RunDbRow {
  id: string;
  schedule_id: string;
  scheduled_for: number;
  fired_at: number;
  trigger: ScheduleRunRow['trigger'];
  status: ScheduleRunRow['status'];
  reason: string | null;
  requested_by: string | null;
  instance_id: string | null;
  cutoff_at: number | null;
  at_risk_at: number | null;
  at_risk: number;
  alert_due: number;
  seq: number;
  instance_status: string | null;
  ended_at: string | null;
}

function toRun(r: RunDbRow): ScheduleRunView {
  return {
    id: r.id,
    scheduleId: r.schedule_id,
    scheduledFor: r.scheduled_for,
    firedAt: r.fired_at,
    trigger: r.trigger,
    status: r.status,
    reason: r.reason,
    requestedBy: r.requested_by,
    instanceId: r.instance_id,
    cutoffAt: r.cutoff_at,
    atRiskAt: r.at_risk_at,
    atRisk: r.at_risk === 1,
    alertDue: r.alert_due === 1,
    seq: r.seq,
    instanceStatus: r.instance_status,
    endedAt: r.ended_at,
  };
}

const RUN_VIEW =
  'SELECT r.rowid AS seq, r.*, i.status AS instance_status, i.ended_at AS ended_at FROM schedule_runs r LEFT JOIN instances i ON i.id = r.instance_id';
const UNFINISHED = "(r.status = 'queued' OR (r.status = 'started' AND i.status NOT IN ('completed', 'failed', 'cancelled')))";

export class SqliteScheduleRunsRepository implements ScheduleRunsRepository {
  constructor(private readonly db: SqliteDb) {}

  async insert(row: ScheduleRunRow): Promise<void> {
    prepared(
      this.db,
      `INSERT INTO schedule_runs (id, schedule_id, scheduled_for, fired_at, trigger, status, reason, requested_by, instance_id, cutoff_at, at_risk_at, at_risk, alert_due)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      row.id,
      row.scheduleId,
      row.scheduledFor,
      row.firedAt,
      row.trigger,
      row.status,
      row.reason,
      row.requestedBy,
      row.instanceId,
      row.cutoffAt,
      row.atRiskAt,
      row.atRisk ? 1 : 0,
      row.alertDue ? 1 : 0,
    );
  }

  async get(id: string): Promise<ScheduleRunView | null> {
    const r = prepared(this.db, `${RUN_VIEW} WHERE r.id = ?`).get(id) as RunDbRow | undefined;
    return r ? toRun(r) : null;
  }

  async history(scheduleId: string, limit: number, before?: number): Promise<ScheduleRunView[]> {
    const rows =
      before !== undefined
        ? prepared(this.db, `${RUN_VIEW} WHERE r.schedule_id = ? AND r.rowid < ? ORDER BY r.rowid DESC LIMIT ?`).all(scheduleId, before, limit)
        : prepared(this.db, `${RUN_VIEW} WHERE r.schedule_id = ? ORDER BY r.rowid DESC LIMIT ?`).all(scheduleId, limit);
    return (rows as RunDbRow[]).map(toRun);
  }

  async latest(scheduleId: string): Promise<ScheduleRunView | null> {
    return (await this.history(scheduleId, 1))[0] ?? null;
  }

  async active(scheduleId: string): Promise<ScheduleRunView[]> {
    return (
      prepared(
        this.db,
        `${RUN_VIEW} WHERE r.schedule_id = ? AND r.status = 'started' AND i.status NOT IN ('completed', 'failed', 'cancelled') ORDER BY r.id`,
      ).all(scheduleId) as RunDbRow[]
    ).map(toRun);
  }

  async queued(scheduleId: string): Promise<ScheduleRunView | null> {
    const r = prepared(this.db, `${RUN_VIEW} WHERE r.schedule_id = ? AND r.status = 'queued' ORDER BY r.id LIMIT 1`).get(scheduleId) as RunDbRow | undefined;
    return r ? toRun(r) : null;
  }

  async schedulesWithQueued(): Promise<string[]> {
    return (prepared(this.db, "SELECT DISTINCT schedule_id FROM schedule_runs WHERE status = 'queued'").all() as { schedule_id: string }[]).map(
      (r) => r.schedule_id,
    );
  }

  async update(id: string, patch: Partial<Pick<ScheduleRunRow, 'status' | 'reason' | 'instanceId' | 'atRisk' | 'alertDue'>>): Promise<void> {
    const current = await this.get(id);
    if (!current) return;
    const next = { ...current, ...patch };
    prepared(this.db, 'UPDATE schedule_runs SET status = ?, reason = ?, instance_id = ?, at_risk = ?, alert_due = ? WHERE id = ?').run(
      next.status,
      next.reason,
      next.instanceId,
      next.atRisk ? 1 : 0,
      next.alertDue ? 1 : 0,
      id,
    );
  }

  async alertsDue(now: number, limit: number): Promise<ScheduleRunView[]> {
    return (prepared(this.db, `${RUN_VIEW} WHERE r.alert_due = 1 AND r.at_risk_at <= ? ORDER BY r.at_risk_at LIMIT ?`).all(now, limit) as RunDbRow[]).map(
      toRun,
    );
  }

  async nextAlertAt(): Promise<number | null> {
    return (prepared(this.db, 'SELECT min(at_risk_at) AS due FROM schedule_runs WHERE alert_due = 1').get() as { due: number | null }).due;
  }

  async atRiskSchedules(): Promise<string[]> {
    return (
      prepared(
        this.db,
        `SELECT DISTINCT r.schedule_id FROM schedule_runs r LEFT JOIN instances i ON i.id = r.instance_id WHERE r.at_risk = 1 AND ${UNFINISHED}`,
      ).all() as {
        schedule_id: string;
      }[]
    ).map((r) => r.schedule_id);
  }
}
