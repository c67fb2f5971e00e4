import { z } from 'zod';
import { TaskKind, TaskQuery } from '@shared/contract/work';
import type { QueueFilters } from './queue-filters';

/** Stored filters are read back through a schema: an older console version or a hand edit must not break the view. */
const Stored = z.array(
  z.object({
    name: z.string().min(1).max(60),
    filters: z.object({
      scope: TaskQuery.shape.scope.unwrap(),
      kind: TaskKind.nullable(),
      workflow: z.string().nullable(),
      text: z.string(),
      overdue: z.boolean(),
      sort: TaskQuery.shape.sort.unwrap(),
    }),
  }),
);
export type SavedFilter = z.infer<typeof Stored>[number];

/** What the list needs of Web Storage (localStorage in the console). */
export interface KeyValueStore {
  getItem(key: string): string | null;
}

/** One key per person: people sharing a workstation keep their own filter sets. */
export function savedFiltersKey(username: string): string {
  return `clearline.queues.saved-filters.${username}`;
}

export function readSavedFilters(storage: KeyValueStore, username: string): SavedFilter[] {
  try {
    const parsed = Stored.safeParse(JSON.parse(storage.getItem(savedFiltersKey(username)) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** The list with `filters` saved under `name`: an existing set of that name is replaced; sorted by name. */
export function withSaved(saved: readonly SavedFilter[], name: string, filters: QueueFilters): SavedFilter[] {
  return [...saved.filter((s) => s.name !== name), { name, filters }].sort((a, b) => a.name.localeCompare(b.name));
}

export function withoutSaved(saved: readonly SavedFilter[], name: string): SavedFilter[] {
  return saved.filter((s) => s.name !== name);
}
