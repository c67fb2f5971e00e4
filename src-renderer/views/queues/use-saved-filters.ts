import { useCallback, useState } from 'react';
import type { QueueFilters } from './queue-filters';
import { readSavedFilters, savedFiltersKey, withoutSaved, withSaved, type SavedFilter } from './saved-filter-list';

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
    save: (name, filters) => write(withSaved(saved, name, filters)),
    remove: (name) => write(withoutSaved(saved, name)),
  };
}
