import type { ScheduleInput } from '@shared/contract/schedules';

/** Repositories of the scheduler and its business calendars. */
export interface ScheduleRepositories {
  readonly calendars: CalendarsRepository;
  readonly schedules: SchedulesRepository;
  readonly scheduleRuns: ScheduleRunsRepository;
}

export interface CalendarRow {
  name: string;
  description: string;
  zone: string;
  /** ISO weekdays. */
  weekend: number[];
  /** A combined calendar's members; empty for a calendar with its own holidays. */
  members: string[];
  updatedAt: string;
  updatedBy: string;
}

export interface CalendarStats {
  holidayCount: number;
  firstHoliday: string | null;
  lastHoliday: string | null;
}

export interface CalendarsRepository {
  list(): Promise<(CalendarRow & CalendarStats)[]>;
  get(name: string): Promise<CalendarRow | null>;
  /** Replaces the calendar and its whole holiday list. */
  put(row: CalendarRow, holidays: readonly { date: string; name: string }[]): Promise<void>;
  holidays(name: string, from?: string, to?: string): Promise<{ date: string; name: string }[]>;
  /** Changes whenever any calendar changes (also in another process): caches compare it. */
  generation(): Promise<string>;
}

export interface ScheduleRow {
  id: string;
  name: string;
  definition: ScheduleInput;
  status: 'active' | 'paused' | 'ended';
  pausedReason: string | null;
  nextFireAt: number | null;
  lastFireAt: number | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

export interface SchedulesRepository {
  insert(row: ScheduleRow): Promise<void>;
  get(id: string): Promise<ScheduleRow | null>;
  byName(name: string): Promise<ScheduleRow | null>;
  list(): Promise<ScheduleRow[]>;
  /** Writes the row if its revision is still `expectedRevision` (the revision is then incremented); false when another writer was first. */
  save(row: ScheduleRow, expectedRevision: number): Promise<boolean>;
  /** Active schedules whose next fire time is at or before `now`, oldest first. */
  due(now: number, limit: number): Promise<ScheduleRow[]>;
  nextFireAt(): Promise<number | null>;
}

export interface ScheduleRunRow {
  id: string;
  scheduleId: string;
  scheduledFor: number;
  firedAt: number;
  trigger: 'scheduled' | 'misfire' | 'manual';
  status: 'started' | 'queued' | 'skipped' | 'not-started';
  reason: string | null;
  requestedBy: string | null;
  instanceId: string | null;
  cutoffAt: number | null;
  atRiskAt: number | null;
  atRisk: boolean;
  /** The at-risk check is still to be made at atRiskAt. */
  alertDue: boolean;
}

/** A run with its instance's status and end, for views and policies. */
export interface ScheduleRunView extends ScheduleRunRow {
  /** Insertion order: history is newest first by it, and pages continue below it. */
  seq: number;
  instanceStatus: string | null;
  endedAt: string | null;
}

export interface ScheduleRunsRepository {
  insert(row: ScheduleRunRow): Promise<void>;
  get(id: string): Promise<ScheduleRunView | null>;
  /** Newest first; `before` is the seq of the last row of the previous page. */
  history(scheduleId: string, limit: number, before?: number): Promise<ScheduleRunView[]>;
  latest(scheduleId: string): Promise<ScheduleRunView | null>;
  /** Started runs of the schedule whose instance has not ended. */
  active(scheduleId: string): Promise<ScheduleRunView[]>;
  queued(scheduleId: string): Promise<ScheduleRunView | null>;
  /** Schedules that have a queued run, for starting it when the run before it ends. */
  schedulesWithQueued(): Promise<string[]>;
  update(id: string, patch: Partial<Pick<ScheduleRunRow, 'status' | 'reason' | 'instanceId' | 'atRisk' | 'alertDue'>>): Promise<void>;
  /** Runs whose at-risk check is due. */
  alertsDue(now: number, limit: number): Promise<ScheduleRunView[]>;
  nextAlertAt(): Promise<number | null>;
  /** Schedules with a run at risk now (alerted and not yet ended). */
  atRiskSchedules(): Promise<string[]>;
}
