import { describe, expect, it } from 'vitest';
import type { QueueFilters } from '../../../src-renderer/views/queues/queue-filters';
import {
  readSavedFilters,
  savedFiltersKey,
  withoutSaved,
  withSaved,
  type KeyValueStore,
  type SavedFilter,
} from '../../../src-renderer/views/queues/saved-filter-list';

/** Storage kept in memory, as the browser's localStorage answers getItem. */
function memoryStorage(entries: Record<string, string> = {}): KeyValueStore {
  const map = new Map(Object.entries(entries));
  return { getItem: (key) => map.get(key) ?? null };
}

describe('saved filter sets', () => {
  const overdueInvoices: SavedFilter = {
    name: 'Overdue invoices',
    filters: { scope: 'all', kind: 'task', workflow: 'invoice-approval', text: 'INV', overdue: true, sort: 'due' },
  };
  const myApprovals: SavedFilter = {
    name: 'My approvals',
    filters: { scope: 'mine', kind: 'approval', workflow: null, text: '', overdue: false, sort: 'priority' },
  };

  it('keeps one set per person on a shared workstation', () => {
    expect(savedFiltersKey('clerk.jones')).toBe('clearline.queues.saved-filters.clerk.jones');
    const storage = memoryStorage({ [savedFiltersKey('clerk.jones')]: JSON.stringify([overdueInvoices, myApprovals]) });
    expect(readSavedFilters(storage, 'clerk.jones')).toEqual([overdueInvoices, myApprovals]);
    expect(readSavedFilters(storage, 'approver.bea')).toEqual([]);
  });

  it('reads a hand-edited or outdated entry as no saved sets rather than breaking the view', () => {
    const key = savedFiltersKey('clerk.jones');
    expect(readSavedFilters(memoryStorage({ [key]: '{not json' }), 'clerk.jones')).toEqual([]);
    expect(readSavedFilters(memoryStorage({ [key]: JSON.stringify({ name: 'x' }) }), 'clerk.jones')).toEqual([]);
    const unknownScope = { ...overdueInvoices, filters: { ...overdueInvoices.filters, scope: 'team' } };
    expect(readSavedFilters(memoryStorage({ [key]: JSON.stringify([myApprovals, unknownScope]) }), 'clerk.jones')).toEqual([]);
    const unnamed = { ...overdueInvoices, name: '' };
    expect(readSavedFilters(memoryStorage({ [key]: JSON.stringify([unnamed]) }), 'clerk.jones')).toEqual([]);
    const tooLong = { ...overdueInvoices, name: 'x'.repeat(61) };
    expect(readSavedFilters(memoryStorage({ [key]: JSON.stringify([tooLong]) }), 'clerk.jones')).toEqual([]);
  });

  it('reads no saved sets when the browser refuses access to storage', () => {
    const blocked: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError: access to storage is denied');
      },
    };
    expect(readSavedFilters(blocked, 'clerk.jones')).toEqual([]);
  });

  it('saves a new set in name order, replaces one saved under the same name, and removes by name', () => {
    const rush: QueueFilters = { scope: 'available', kind: null, workflow: null, text: '', overdue: true, sort: 'priority' };
    const saved = withSaved([myApprovals, overdueInvoices], 'Morning rush', rush);
    expect(saved.map((s) => s.name)).toEqual(['Morning rush', 'My approvals', 'Overdue invoices']);
    const replaced = withSaved(saved, 'My approvals', rush);
    expect(replaced).toHaveLength(3);
    expect(replaced.find((s) => s.name === 'My approvals')?.filters).toEqual(rush);
    expect(withoutSaved(replaced, 'Morning rush').map((s) => s.name)).toEqual(['My approvals', 'Overdue invoices']);
    expect(withoutSaved(replaced, 'Nothing by that name')).toEqual(replaced);
  });
});
