import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { JsonValue } from '@shared/domain/audit';
import type { CalendarDay, CalendarImportResult, CalendarSummary } from '@shared/contract/schedules';
import type { Problem } from '@shared/domain/problems';
import type { Clock, Timestamp } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import type { Store } from '../store/store';
import type { Repositories } from '../store/repositories';
import type { CalendarRow } from '../store/schedule-repositories';
import type { EventBus } from '../events/event-bus';
import { AppError, conflict, invalid, notFound } from '../dispatch/app-error';
import type { ChangeControl } from '../governance/change-control';
import { isTimeZone, makeCalendar, parseHolidayCsv, parseIcs, type HolidayEntry } from '../calendar';
import type { CalendarRegistry } from './calendar-registry';
import { monthDays } from './calendar-views';

type Requester = { kind: 'user'; userId: string; username: string };

/** What an approved calendar change writes: the whole calendar. */
const CalendarPayload = z.object({
  name: z.string(),
  description: z.string(),
  zone: z.string(),
  weekend: z.array(z.number().int()),
  members: z.array(z.string()),
  holidays: z.array(z.object({ date: z.string(), name: z.string() })),
});
type CalendarPayload = z.infer<typeof CalendarPayload>;

export interface ImportRequest {
  name: string;
  description: string;
  zone: string;
  weekend: number[];
  format: 'ics' | 'csv';
  fileName: string;
  content: string;
  mode: 'replace' | 'merge';
  dryRun: boolean;
  skipInvalid: boolean;
}

export interface CombineRequest {
  name: string;
  description: string;
  zone: string;
  weekend: number[];
  members: string[];
}

const DIFF_LIST_LIMIT = 50;

/** Added, removed and renamed holidays, for the approver and the audit trail. */
function holidayDiff(before: readonly HolidayEntry[], after: readonly HolidayEntry[]): { [key: string]: JsonValue } {
  const old = new Map(before.map((h) => [h.date, h.name]));
  const now = new Map(after.map((h) => [h.date, h.name]));
  const added = after.filter((h) => !old.has(h.date));
  const removed = before.filter((h) => !now.has(h.date));
  const renamed = after.filter((h) => old.has(h.date) && old.get(h.date) !== h.name);
  const list = (entries: HolidayEntry[]) => entries.slice(0, DIFF_LIST_LIMIT).map((h) => `${h.date} ${h.name}`);
  return {
    added: added.length,
    removed: removed.length,
    renamed: renamed.length,
    addedDates: list(added),
    removedDates: list(removed),
    renamedDates: list(renamed),
  };
}

/**
 * Business calendars as admins manage them: holiday lists imported from iCalendar or CSV,
 * combined calendars, and views for the Schedules page. A calendar moves payment dates, so
 * every change goes through four-eyes change control (a second admin approves it once the
 * site has two), with the holiday diff for the approver to check.
 */
export class CalendarService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly changes: ChangeControl,
    private readonly registry: CalendarRegistry,
  ) {
    changes.register(
      'calendar',
      async (tx, change, requester, approver, now) => {
        const by = approver?.username ?? (requester.kind === 'user' ? requester.username : 'system');
        await this.apply(tx, CalendarPayload.parse(change.payload), by, now);
      },
      (change) => this.changedCalendar(CalendarPayload.parse(change.payload).name),
    );
  }

  async list(): Promise<{ items: CalendarSummary[] }> {
    await this.registry.refresh(true);
    const rows = await this.store.read((tx) => tx.calendars.list());
    return { items: rows.map((row) => this.summary(row)) };
  }

  async get(name: string, from?: string, to?: string): Promise<{ calendar: CalendarSummary; holidays: { date: string; name: string }[] }> {
    await this.registry.refresh(true);
    const row = await this.store.read((tx) => tx.calendars.get(name));
    const site = this.registry.lookup(name);
    if (!row || !site) throw notFound(`calendar ${name}`);
    const holidays = [...site.calendar.holidays]
      .map(([date, holiday]) => ({ date, name: holiday }))
      .filter((h) => (from === undefined || h.date >= from) && (to === undefined || h.date <= to))
      .sort((a, b) => a.date.localeCompare(b.date));
    return { calendar: this.summary({ ...row, holidayCount: 0, firstHoliday: null, lastHoliday: null }), holidays };
  }

  async month(name: string, year: number, month: number): Promise<{ days: CalendarDay[] }> {
    await this.registry.refresh(true);
    const site = this.registry.lookup(name);
    if (!site) throw notFound(`calendar ${name}`);
    return { days: monthDays(site.calendar, year, month) };
  }

  async import(requester: Requester, request: ImportRequest): Promise<CalendarImportResult> {
    this.checkCommon(request);
    const parsed = request.format === 'ics' ? parseIcs(request.content, request.fileName) : parseHolidayCsv(request.content, request.fileName);
    const errors = parsed.problems.filter((p) => p.severity === 'error');
    const now = this.clock.now();
    const result = await this.store.unit(async (tx) => {
      const existing = await tx.calendars.get(request.name);
      if (existing && existing.members.length > 0) {
        throw conflict(
          'combined_calendar',
          `${request.name} is a combined calendar (${existing.members.join(', ')}); import holidays into its members instead.`,
        );
      }
      const stored = existing ? await tx.calendars.holidays(request.name) : [];
      const holidays = this.normalise(request.mode === 'merge' ? [...stored, ...parsed.holidays] : parsed.holidays, request.name, request.weekend);
      if (request.dryRun) return { status: 'preview' as const, changeId: null, holidays, problems: parsed.problems };
      if (errors.length > 0 && !request.skipInvalid) throw rejectedFile(request.fileName, errors);
      if (holidays.length === 0 && request.mode === 'replace') throw invalid('content', `${request.fileName} holds no holidays; nothing to import`);
      const payload: CalendarPayload = {
        name: request.name,
        description: request.description,
        zone: request.zone,
        weekend: request.weekend,
        members: [],
        holidays,
      };
      const submitted = await this.changes.submit(
        tx,
        requester,
        {
          kind: 'calendar',
          target: request.name,
          summary: `${existing ? 'update' : 'create'} calendar ${request.name} from ${request.fileName} (${holidays.length} holidays, ${request.mode})`,
          details: {
            file: request.fileName,
            sha256: createHash('sha256').update(request.content).digest('hex'),
            mode: request.mode,
            zone: request.zone,
            weekend: request.weekend,
            skippedProblems: errors.map((p) => `line ${p.line}: ${p.message}`),
            ...holidayDiff(stored, holidays),
          },
          payload: payload as unknown as JsonValue,
        },
        now,
      );
      return { ...submittedView(submitted), holidays, problems: parsed.problems };
    });
    if (result.status !== 'preview') this.changedCalendar(request.name);
    return result;
  }

  async combine(requester: Requester, request: CombineRequest): Promise<CalendarImportResult> {
    this.checkCommon(request);
    const now = this.clock.now();
    const result = await this.store.unit(async (tx) => {
      const existing = await tx.calendars.get(request.name);
      if (existing && existing.members.length === 0) {
        throw conflict('calendar_exists', `${request.name} is a calendar with its own holidays; choose another name for the combination.`);
      }
      for (const member of request.members) {
        if (member === request.name) throw invalid('members', `${request.name} cannot be one of its own members`);
        if (!(await tx.calendars.get(member))) throw invalid('members', `there is no calendar "${member}" to combine; import it first`);
        if (await this.reaches(tx, member, request.name)) throw invalid('members', `${member} already includes ${request.name}: combining would make a cycle`);
      }
      const payload: CalendarPayload = { ...request, holidays: [] };
      return this.changes.submit(
        tx,
        requester,
        {
          kind: 'calendar',
          target: request.name,
          summary: `${existing ? 'update' : 'create'} combined calendar ${request.name} = ${request.members.join(' + ')}`,
          details: { members: request.members, zone: request.zone, weekend: request.weekend },
          payload: payload as unknown as JsonValue,
        },
        now,
      );
    });
    this.changedCalendar(request.name);
    await this.registry.refresh(true);
    const site = this.registry.lookup(request.name);
    const holidays = site ? [...site.calendar.holidays].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date)) : [];
    return { ...submittedView(result), holidays, problems: [] };
  }

  private async apply(tx: Repositories, payload: CalendarPayload, by: string, now: number): Promise<void> {
    const at = toTimestamp(now);
    const row: CalendarRow = {
      name: payload.name,
      description: payload.description,
      zone: payload.zone,
      weekend: payload.weekend,
      members: payload.members,
      updatedAt: at,
      updatedBy: by,
    };
    await tx.calendars.put(row, payload.holidays);
    await tx.audit.append(
      {
        actor: { kind: 'system', component: 'change-control' },
        action: 'calendar.updated',
        subject: { type: 'calendar', id: payload.name },
        payload: { zone: payload.zone, weekend: payload.weekend, members: payload.members, holidays: payload.holidays.length },
      },
      at,
    );
  }

  private changedCalendar(name: string): void {
    this.events.publish('calendars.changed', { name }, { kind: 'permission', permission: 'schedule.read' });
  }

  private checkCommon(request: { zone: string; weekend: number[] }): void {
    if (!isTimeZone(request.zone)) throw invalid('zone', `${request.zone} is not an IANA time zone; use e.g. Europe/Berlin, America/New_York or UTC`);
  }

  /** Sorted, one entry per date (names of the same date joined), each date checked. */
  private normalise(holidays: readonly HolidayEntry[], name: string, weekend: readonly number[]): HolidayEntry[] {
    try {
      const calendar = makeCalendar(name, holidays, weekend);
      return [...calendar.holidays].map(([date, holiday]) => ({ date, name: holiday })).sort((a, b) => a.date.localeCompare(b.date));
    } catch (error) {
      throw invalid('weekend', (error as Error).message);
    }
  }

  /** Whether `from` is, or combines (at any depth), `target`. */
  private async reaches(tx: Repositories, from: string, target: string): Promise<boolean> {
    if (from === target) return true;
    const row = await tx.calendars.get(from);
    for (const member of row?.members ?? []) if (await this.reaches(tx, member, target)) return true;
    return false;
  }

  private summary(row: CalendarRow & { holidayCount: number; firstHoliday: string | null; lastHoliday: string | null }): CalendarSummary {
    // Combined calendars have no holidays of their own: count those of the union.
    const site = this.registry.lookup(row.name);
    const dates = row.members.length > 0 && site ? [...site.calendar.holidays.keys()].sort() : null;
    return {
      name: row.name,
      description: row.description,
      zone: row.zone,
      weekend: site ? [...site.calendar.weekend] : row.weekend,
      members: row.members,
      holidayCount: dates ? dates.length : row.holidayCount,
      firstHoliday: dates ? (dates[0] ?? null) : row.firstHoliday,
      lastHoliday: dates ? (dates.at(-1) ?? null) : row.lastHoliday,
      updatedAt: row.updatedAt as Timestamp,
      updatedBy: row.updatedBy,
    };
  }
}

function submittedView(submitted: { status: 'applied' } | { status: 'pending-approval'; changeId: string }) {
  return submitted.status === 'applied'
    ? { status: 'applied' as const, changeId: null }
    : { status: 'pending-approval' as const, changeId: submitted.changeId };
}

/** A file with bad lines is rejected as a whole unless the admin chose to skip them: each line is named. */
function rejectedFile(file: string, errors: readonly Problem[]): AppError {
  const issues = errors.slice(0, 100).map((p) => ({ path: `content:${p.line}:${p.column}`, message: `${p.message} [${p.code}]` }));
  const more = errors.length > issues.length ? ` (and ${errors.length - issues.length} more)` : '';
  return new AppError(
    400,
    'rejected_file',
    `${file} was rejected: ${errors.length} line${errors.length === 1 ? '' : 's'} cannot be read${more}. Fix them, or import with skipInvalid to leave them out.`,
    { issues },
  );
}
