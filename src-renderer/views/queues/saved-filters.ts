import { useCallback, useState } from 'react';
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

/** One key per person: people sharing a workstation keep their own filter sets. */
export function savedFiltersKey(username: string): string {
  return `clearline.queues.saved-filters.${username}`;
}

export function readSavedFilters(storage: Storage, username: string): SavedFilter[] {
  try {
    const parsed = Stored.safeParse(JSON.parse(storage.getItem(savedFiltersKey(username)) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** The person's saved filter sets, kept in localStorage; saving under an existing name replaces it. */
export function useSavedFilters(username: string): {
  saved: SavedFilter[];
  save(name: string, filters: QueueFilters): void;
  remove(name: string): void;
} {
  const [saved, setSaved] = useState(() => readSavedFilters(window.localStorage, username));
  const write = useCallback(
    (next: SavedFilter[]) => {
      window.localStorage.setItem(savedFiltersKey(username), JSON.stringify(next));
      setSaved(next);
    },
    [username],
  );
  return {
    saved,
    save: (name, filters) => write([...saved.filter((s) => s.name !== name), { name, filters }].sort((a, b) => a.name.localeCompare(b.name))),
    remove: (name) => write(saved.filter((s) => s.name !== name)),
  };
}
