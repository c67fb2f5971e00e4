import { z } from 'zod';
import type { ConfigChange } from '@shared/contract/work';

/**
 * The `details` the core records with each kind of change, as the approver should read them.
 * The contract types them as any JSON, so each shape is checked here: a shape this page does
 * not know (an older or newer core) falls back to the raw tree instead of a wrong rendering.
 */
const RolesDetails = z.object({ username: z.string(), before: z.array(z.string()), after: z.array(z.string()) });

const ConflictsDetails = z.object({ before: z.array(z.string()), after: z.array(z.string()) });

const DeployDetails = z.object({
  file: z.string(),
  artifacts: z.array(z.object({ kind: z.string(), key: z.string(), version: z.number(), contentHash: z.string() })),
});

const HolidayCalendarDetails = z.object({
  file: z.string(),
  sha256: z.string(),
  mode: z.string(),
  zone: z.string(),
  weekend: z.array(z.number()),
  skippedProblems: z.array(z.string()),
  added: z.number(),
  removed: z.number(),
  renamed: z.number(),
  addedDates: z.array(z.string()),
  removedDates: z.array(z.string()),
  renamedDates: z.array(z.string()),
});

const CombinedCalendarDetails = z.object({ members: z.array(z.string()), zone: z.string(), weekend: z.array(z.number()) });

/** Settings replaced as a whole (the audit-evidence settings): the values before and after, and the requester's reason. */
const SettingsDetails = z.object({ before: z.record(z.string(), z.unknown()), after: z.record(z.string(), z.unknown()), reason: z.string().optional() });

export type ChangeDetailsView =
  | { kind: 'roles'; details: z.infer<typeof RolesDetails> }
  | { kind: 'conflicts'; details: z.infer<typeof ConflictsDetails> }
  | { kind: 'deploy'; details: z.infer<typeof DeployDetails> }
  | { kind: 'holiday-calendar'; details: z.infer<typeof HolidayCalendarDetails> }
  | { kind: 'combined-calendar'; details: z.infer<typeof CombinedCalendarDetails> }
  | { kind: 'settings'; details: { changes: SettingChange[]; unchanged: number; reason: string | null } }
  | { kind: 'unknown' };

export function readDetails(change: Pick<ConfigChange, 'kind' | 'details'>): ChangeDetailsView {
  const { details } = change;
  switch (change.kind) {
    case 'roles': {
      const parsed = RolesDetails.safeParse(details);
      return parsed.success ? { kind: 'roles', details: parsed.data } : { kind: 'unknown' };
    }
    case 'conflicts': {
      const parsed = ConflictsDetails.safeParse(details);
      return parsed.success ? { kind: 'conflicts', details: parsed.data } : { kind: 'unknown' };
    }
    case 'deploy': {
      const parsed = DeployDetails.safeParse(details);
      return parsed.success ? { kind: 'deploy', details: parsed.data } : { kind: 'unknown' };
    }
    case 'calendar': {
      const holidays = HolidayCalendarDetails.safeParse(details);
      if (holidays.success) return { kind: 'holiday-calendar', details: holidays.data };
      const combined = CombinedCalendarDetails.safeParse(details);
      return combined.success ? { kind: 'combined-calendar', details: combined.data } : { kind: 'unknown' };
    }
    case 'evidence': {
      const parsed = SettingsDetails.safeParse(details);
      if (!parsed.success) return { kind: 'unknown' };
      const all = settingChanges(parsed.data.before, parsed.data.after);
      const changes = all.filter((c) => c.before !== c.after);
      return { kind: 'settings', details: { changes, unchanged: all.length - changes.length, reason: parsed.data.reason ?? null } };
    }
    default:
      return { kind: 'unknown' };
  }
}

/** One setting, by its dotted path, with its value before and after as compact JSON ("—" when absent). */
export interface SettingChange {
  path: string;
  before: string;
  after: string;
}

function leaves(value: unknown, path: string, out: Map<string, string>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) leaves(inner, path ? `${path}.${key}` : key, out);
  } else out.set(path, JSON.stringify(value));
}

/** Every setting of either side, in the order they first appear, with both values. */
export function settingChanges(before: Record<string, unknown>, after: Record<string, unknown>): SettingChange[] {
  const was = new Map<string, string>();
  const now = new Map<string, string>();
  leaves(before, '', was);
  leaves(after, '', now);
  const paths = [...new Set([...was.keys(), ...now.keys()])];
  return paths.map((path) => ({ path, before: was.get(path) ?? '—', after: now.get(path) ?? '—' }));
}

/** Whose roles a roles change sets (the core refuses that person's approval). */
export function rolesChangeSubject(change: Pick<ConfigChange, 'kind' | 'details'>): string | null {
  const view = readDetails(change);
  return view.kind === 'roles' ? view.details.username : null;
}

/** The roles each user will hold once their pending roles change is approved, by username. */
export function pendingRolesByUser(changes: readonly Pick<ConfigChange, 'kind' | 'details' | 'status'>[]): ReadonlyMap<string, readonly string[]> {
  const pending = new Map<string, readonly string[]>();
  for (const change of changes) {
    const view = change.status === 'pending' ? readDetails(change) : null;
    if (view?.kind === 'roles') pending.set(view.details.username, view.details.after);
  }
  return pending;
}

/** Items in `after` and not in `before`, and the reverse, in their own order. */
export function listDiff(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[]; kept: string[] } {
  return {
    added: after.filter((x) => !before.includes(x)),
    removed: before.filter((x) => !after.includes(x)),
    kept: after.filter((x) => before.includes(x)),
  };
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** ISO weekday numbers (1 = Monday) as names: "Sat, Sun". */
export function weekdayNames(days: readonly number[]): string {
  return days.length === 0 ? 'none' : days.map((d) => WEEKDAYS[d - 1] ?? String(d)).join(', ');
}
