import { performance } from 'node:perf_hooks';
import type { Store } from '../store/store';
import type { CalendarRow } from '../store/schedule-repositories';
import { combineCalendars, makeCalendar, type CalendarLookup, type SiteCalendar } from '../calendar';

/**
 * The site's business calendars in memory, so that the engine's waits, SLA deadlines and the
 * scheduler look them up synchronously. The store is the source of truth: `refresh` reloads
 * when any calendar changed, in this process or another (the CLI imports calendars too),
 * checking the store's calendar generation at most once per `maxAgeMs` unless forced.
 */
export class CalendarRegistry {
  private calendars = new Map<string, SiteCalendar>();
  private generation: string | null = null;
  private checkedAt = Number.NEGATIVE_INFINITY;
  /** Incremented on every reload, so that users of the calendars (fire times) know to recompute. */
  private loads = 0;

  constructor(
    private readonly store: Store,
    private readonly log: (message: string) => void,
    private readonly maxAgeMs = 1_000,
  ) {}

  readonly lookup: CalendarLookup = (name) => this.calendars.get(name) ?? null;

  get version(): number {
    return this.loads;
  }

  names(): string[] {
    return [...this.calendars.keys()].sort();
  }

  async refresh(force = false): Promise<void> {
    const at = performance.now();
    if (!force && at - this.checkedAt < this.maxAgeMs) return;
    this.checkedAt = at;
    const loaded = await this.store.read(async (tx) => {
      const generation = await tx.calendars.generation();
      if (generation === this.generation) return null;
      const rows = await tx.calendars.list();
      const holidays = new Map<string, { date: string; name: string }[]>();
      for (const row of rows) if (row.members.length === 0) holidays.set(row.name, await tx.calendars.holidays(row.name));
      return { generation, rows, holidays };
    });
    if (!loaded) return;
    this.calendars = buildSiteCalendars(loaded.rows, loaded.holidays, this.log);
    this.generation = loaded.generation;
    this.loads += 1;
  }
}

/**
 * Builds every calendar: base calendars from their holidays, combined ones from their members
 * (which may themselves be combined). A calendar whose members are missing or form a cycle
 * is left out and logged: whatever refers to it fails loudly, naming it.
 */
export function buildSiteCalendars(
  rows: readonly CalendarRow[],
  holidays: ReadonlyMap<string, readonly { date: string; name: string }[]>,
  log: (message: string) => void,
): Map<string, SiteCalendar> {
  const byName = new Map(rows.map((r) => [r.name, r]));
  const built = new Map<string, SiteCalendar>();
  const build = (name: string, path: readonly string[]): SiteCalendar | null => {
    const done = built.get(name);
    if (done) return done;
    const row = byName.get(name);
    if (!row) return null;
    if (path.includes(name)) {
      log(`calendars: ${[...path, name].join(' → ')} is a cycle; ${name} is unavailable`);
      return null;
    }
    let site: SiteCalendar;
    if (row.members.length === 0) {
      site = { calendar: makeCalendar(name, holidays.get(name) ?? [], row.weekend), zone: row.zone };
    } else {
      const members = row.members.map((m) => build(m, [...path, name]));
      if (members.some((m) => m === null)) {
        log(`calendars: ${name} combines ${row.members.join(', ')}, which are not all available; ${name} is unavailable`);
        return null;
      }
      const combined = combineCalendars(name, [...members.map((m) => (m as SiteCalendar).calendar), makeCalendar(name, [], row.weekend)]);
      site = { calendar: combined, zone: row.zone };
    }
    built.set(name, site);
    return site;
  };
  for (const row of rows) build(row.name, []);
  return built;
}
