import { z } from 'zod';
import { op, page } from './op';
import { Timestamp } from '../domain/time';
import { Problem } from '../domain/problems';
import { IsoDateText, ScheduleSpecShape, TimeOfDay } from '../domain/schedule';
import { RoleName } from '../permissions';

const Reason = z.string().trim().min(3, { message: 'give a reason (at least 3 characters); it is kept in the audit trail' }).max(2000);
const ScheduleId = z.string().min(1).max(100);
const CalendarName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.+-]{0,63}$/, { message: 'letters, digits and . _ + - (up to 64), e.g. TARGET2 or GB-ENG' });
/** ISO weekdays 1 = Monday … 7 = Sunday. */
const Weekend = z
  .array(z.number().int().min(1).max(7))
  .max(6, { message: 'a weekend of all seven days leaves no business day' })
  .refine((days) => new Set(days).size === days.length, { message: 'each weekday once' });

// ── calendars ──────────────────────────────────────────────────────────────────────────

export const CalendarSummary = z.object({
  name: z.string(),
  description: z.string(),
  /** The IANA zone a business day of this calendar is counted in (waits and SLAs default to it). */
  zone: z.string(),
  weekend: z.array(z.number().int()),
  /** For a combined calendar, the calendars it requires to be open (all of them); else empty. */
  members: z.array(z.string()),
  holidayCount: z.number().int(),
  firstHoliday: z.string().nullable(),
  lastHoliday: z.string().nullable(),
  updatedAt: Timestamp,
  updatedBy: z.string(),
});
export type CalendarSummary = z.infer<typeof CalendarSummary>;

export const Holiday = z.object({ date: z.string(), name: z.string() });

export const CalendarImportResult = z.object({
  /** preview: nothing was written (dryRun); applied or pending-approval (four-eyes, see changes.list). */
  status: z.enum(['preview', 'applied', 'pending-approval']),
  changeId: z.string().nullable(),
  holidays: z.array(Holiday),
  problems: z.array(Problem),
});
export type CalendarImportResult = z.infer<typeof CalendarImportResult>;

export const CalendarDay = z.object({
  date: z.string(),
  weekday: z.number().int(),
  business: z.boolean(),
  weekend: z.boolean(),
  holiday: z.string().nullable(),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

const CalendarFields = {
  name: CalendarName,
  description: z.string().trim().max(500).default(''),
  zone: z.string().min(1, { message: 'an IANA time zone such as Europe/Berlin' }),
  weekend: Weekend.default([6, 7]),
};

// ── schedules ──────────────────────────────────────────────────────────────────────────

/** What to do with fire times that passed while no engine owner was running (app closed, machine asleep, owner down, clock jump). */
export const MisfirePolicy = z
  .object({
    policy: z.enum(['run-once', 'run-all', 'skip']),
    /** run-all: at most this many catch-up runs; the rest are skipped (and audited). */
    cap: z.number().int().min(1).max(1000).default(10),
  })
  .strict();
export type MisfirePolicy = z.infer<typeof MisfirePolicy>;

/** What to do when a fire time comes while the previous run is still going. */
export const OverlapPolicy = z.enum(['skip', 'queue-one', 'allow', 'cancel-previous']);
export type OverlapPolicy = z.infer<typeof OverlapPolicy>;

/**
 * A deadline on each run, e.g. the bank's payment cut-off at 15:00 on the fire date: when the
 * run has not finished `alertMinutesBefore` minutes before it, the owner role is alerted.
 */
export const Cutoff = z
  .object({
    time: TimeOfDay,
    /** Days after the fire date (local) the deadline falls on; 0 = the same day. */
    dayOffset: z.number().int().min(0).max(31).default(0),
    alertMinutesBefore: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .default(30),
  })
  .strict();
export type Cutoff = z.infer<typeof Cutoff>;

export const ScheduleInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(1000).default(''),
    /** The deployed workflow each run starts (its latest version at fire time). */
    workflow: z.string().min(1).max(200),
    /**
     * The run's input: field name → FEEL expression, evaluated at each fire with `fireTime`
     * (the scheduled instant, ISO), `businessDate` (its local date), `scheduleName` and `trigger`.
     */
    input: z.record(z.string().min(1), z.string().min(1)).default({}),
    spec: ScheduleSpecShape,
    misfire: MisfirePolicy.default({ policy: 'run-once', cap: 10 }),
    overlap: OverlapPolicy.default('skip'),
    cutoff: Cutoff.nullable().default(null),
    /** Who is alerted when a run is at risk of missing its cut-off or cannot start. */
    ownerRole: RoleName.default('admin'),
  })
  .strict();
export type ScheduleInput = z.infer<typeof ScheduleInput>;

export const ScheduleStatus = z.enum(['active', 'paused', 'ended']);

export const RunStatus = z.enum(['started', 'queued', 'skipped', 'not-started']);
export const RunTrigger = z.enum(['scheduled', 'misfire', 'manual']);

export const ScheduleRun = z.object({
  id: z.string(),
  scheduleId: z.string(),
  /** The fire time this run is for (manual runs: when it was asked for). */
  scheduledFor: Timestamp,
  firedAt: Timestamp,
  trigger: RunTrigger,
  status: RunStatus,
  /** Why it was skipped or could not start, or the misfire decision. */
  reason: z.string().nullable(),
  requestedBy: z.string().nullable(),
  instanceId: z.string().nullable(),
  /** The instance's status (running, waiting, incident, suspended, completed, failed, cancelled), for started runs. */
  outcome: z.string().nullable(),
  endedAt: Timestamp.nullable(),
  cutoffAt: Timestamp.nullable(),
  atRisk: z.boolean(),
  /** The run finished after its cut-off, or has not finished and the cut-off has passed. */
  missedCutoff: z.boolean(),
});
export type ScheduleRun = z.infer<typeof ScheduleRun>;

export const ScheduleSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  workflow: z.string(),
  /** In words, e.g. "the last business day of each month at 18:00 Europe/Berlin (TARGET2)". */
  describe: z.string(),
  definition: ScheduleInput,
  status: ScheduleStatus,
  pausedReason: z.string().nullable(),
  nextFireAt: Timestamp.nullable(),
  lastRun: ScheduleRun.nullable(),
  /** A run of this schedule is at risk of missing its cut-off right now. */
  atRisk: z.boolean(),
  revision: z.number().int(),
  updatedAt: Timestamp,
  updatedBy: z.string(),
});
export type ScheduleSummary = z.infer<typeof ScheduleSummary>;

export const FireTime = z.object({
  at: Timestamp,
  /** The local date and time in the schedule's zone. */
  localDate: z.string(),
  localTime: z.string(),
  /** When a convention moved the date off a closed day: the rule's date, and why it was closed. */
  movedFrom: z.object({ date: z.string(), closed: z.string() }).nullable(),
});
export type FireTime = z.infer<typeof FireTime>;

const BySchedule = z.object({ scheduleId: ScheduleId }).strict();

export const scheduleOps = {
  'calendars.list': op({
    input: z.object({}).strict(),
    output: z.object({ items: z.array(CalendarSummary) }),
    access: 'schedule.read',
    mutation: false,
    summary: 'business calendars of this site',
  }),
  'calendars.get': op({
    input: z.object({ name: CalendarName, from: IsoDateText.optional(), to: IsoDateText.optional() }).strict(),
    output: z.object({ calendar: CalendarSummary, holidays: z.array(Holiday) }),
    access: 'schedule.read',
    mutation: false,
    summary: 'a calendar with its holidays (combined calendars: the union of their members)',
  }),
  'calendars.month': op({
    input: z.object({ name: CalendarName, year: z.number().int().min(1900).max(2200), month: z.number().int().min(1).max(12) }).strict(),
    output: z.object({ days: z.array(CalendarDay) }),
    access: 'schedule.read',
    mutation: false,
    summary: 'each day of a month: business day, weekend or holiday',
  }),
  'calendars.import': op({
    input: z
      .object({
        ...CalendarFields,
        format: z.enum(['ics', 'csv']),
        fileName: z.string().min(1).max(255),
        content: z.string().max(5_000_000, { message: 'a holiday file is at most 5 MB' }),
        /** replace: the file is the whole list; merge: the file's days are added to the stored ones. */
        mode: z.enum(['replace', 'merge']).default('replace'),
        /** Only parse and show what would be imported. */
        dryRun: z.boolean().default(false),
        /** Import what could be read although some lines are bad (each is named in the result and the audit trail). */
        skipInvalid: z.boolean().default(false),
      })
      .strict(),
    output: CalendarImportResult,
    access: 'schedule.manage',
    mutation: true,
    summary: 'create or update a calendar from an iCalendar or CSV holiday list (four-eyes once the site has two admins)',
  }),
  'calendars.combine': op({
    input: z.object({ ...CalendarFields, members: z.array(CalendarName).min(2, { message: 'combine at least two calendars' }).max(10) }).strict(),
    output: CalendarImportResult,
    access: 'schedule.manage',
    mutation: true,
    summary: 'a calendar open only when all of its members are (e.g. TARGET2 and England for EUR from London)',
  }),
  'schedules.list': op({
    input: z.object({}).strict(),
    output: z.object({ items: z.array(ScheduleSummary) }),
    access: 'schedule.read',
    mutation: false,
    summary: 'schedules with their next fire time and last run',
  }),
  'schedules.get': op({
    input: z.object({ scheduleId: ScheduleId, next: z.number().int().min(1).max(100).default(10) }).strict(),
    output: z.object({ schedule: ScheduleSummary, next: z.array(FireTime), runs: z.array(ScheduleRun) }),
    access: 'schedule.read',
    mutation: false,
    summary: 'a schedule, its next fire times and its latest runs',
  }),
  'schedules.preview': op({
    input: z.object({ spec: ScheduleSpecShape, count: z.number().int().min(1).max(500).default(10), after: Timestamp.optional() }).strict(),
    output: z.object({ describe: z.string(), next: z.array(FireTime) }),
    access: 'schedule.read',
    mutation: false,
    summary: 'the next fire times of a rule before saving it',
  }),
  'schedules.history': op({
    input: z
      .object({
        scheduleId: ScheduleId,
        limit: z.number().int().min(1).max(500).default(50),
        cursor: z.string().regex(/^\d+$/, { message: 'must be a cursor returned by a previous page' }).optional(),
      })
      .strict(),
    output: page(ScheduleRun),
    access: 'schedule.read',
    mutation: false,
    summary: 'the runs of a schedule, newest first',
  }),
  'schedules.create': op({
    input: ScheduleInput,
    output: ScheduleSummary,
    access: 'schedule.manage',
    mutation: true,
    summary: 'create a schedule (active from now; fire times before now are not misfires)',
  }),
  'schedules.update': op({
    input: z.object({ scheduleId: ScheduleId, revision: z.number().int().min(0), definition: ScheduleInput }).strict(),
    output: ScheduleSummary,
    access: 'schedule.manage',
    mutation: true,
    summary: 'change a schedule (its next fire time is recomputed from now)',
  }),
  'schedules.pause': op({
    input: z.object({ scheduleId: ScheduleId, reason: Reason }).strict(),
    output: ScheduleSummary,
    access: 'schedule.manage',
    mutation: true,
    summary: 'pause a schedule: nothing fires until it is resumed',
  }),
  'schedules.resume': op({
    input: BySchedule,
    output: ScheduleSummary,
    access: 'schedule.manage',
    mutation: true,
    summary: 'resume a paused schedule from now (fire times while paused are skipped, not misfires)',
  }),
  'schedules.runNow': op({
    input: z.object({ scheduleId: ScheduleId, reason: Reason }).strict(),
    output: ScheduleRun,
    access: 'schedule.manage',
    mutation: true,
    summary: 'start a run now, outside the rule (the overlap policy still applies)',
  }),
} as const;
