import { describe, expect, it } from 'vitest';
import { ftsQuery } from '../../../src-main/core/store/sqlite/repos/audit-sql';

describe('the full-text query built from a search box', () => {
  it('requires every word, the last also as a prefix', () => {
    expect(ftsQuery('müller rechn')).toBe('"müller" AND "rechn"*');
  });

  it('quotes each word so that no FTS5 operator or column filter can be injected', () => {
    expect(ftsQuery('payload: NEAR(a b) OR "x')).toBe('"payload:" AND "NEAR(a" AND "b)" AND "OR" AND """x"*');
    expect(ftsQuery('INV-2026-0042')).toBe('"INV-2026-0042"*');
  });

  it('is null when no word has a letter or digit', () => {
    expect(ftsQuery('  -- ** ')).toBeNull();
  });
});
