import { describe, expect, it } from 'vitest';
import { feel } from './feel-helpers';

describe('list built-ins', () => {
  it('list contains, count, min, max', () => {
    expect(feel('list contains([1, 2, null], null)')).toBe(true);
    expect(feel('list contains([1, 2], 3)')).toBe(false);
    expect(feel('count([1, 2, 3])')).toBe(3);
    expect(feel('min([3, 1, 2])')).toBe(1);
    expect(feel('max(3, 1, 2)')).toBe(3);
    expect(feel('max(["a", "c", "b"])')).toBe('c');
    expect(feel('min([date("2026-01-02"), date("2026-01-01")])')).toBe('2026-01-01');
    expect(feel('min([])')).toBeNull();
    expect(feel('min([1, "a"])')).toBeNull();
    expect(feel('min(list: [2, 1])')).toBe(1);
  });

  it('sum, mean, product, median, stddev, mode: exact decimals', () => {
    expect(feel('sum([0.1, 0.2, 0.3])')).toBe(0.6);
    expect(feel('sum(1, 2, 3)')).toBe(6);
    expect(feel('sum([])')).toBeNull();
    expect(feel('sum([1, "a"])')).toBeNull();
    expect(feel('mean([1, 2, 3, 4])')).toBe(2.5);
    expect(feel('product([2, 3, 4])')).toBe(24);
    expect(feel('median([8, 2, 5, 3, 4])')).toBe(4);
    expect(feel('median([6, 1, 2, 3])')).toBe(2.5);
    expect(feel('stddev([2, 4, 7, 5])')).toEqual({ $decimal: '2.081665999466132735282297706979931' });
    expect(feel('stddev([1])')).toBeNull();
    expect(feel('mode([6, 3, 9, 6, 6])')).toEqual([6]);
    expect(feel('mode([6, 1, 9, 6, 1])')).toEqual([1, 6]);
    expect(feel('mode([])')).toEqual([]);
  });

  it('all and any in three-valued logic', () => {
    expect(feel('all([true, true])')).toBe(true);
    expect(feel('all([true, false, null])')).toBe(false);
    expect(feel('all([true, null])')).toBeNull();
    expect(feel('all([])')).toBe(true);
    expect(feel('any([false, true])')).toBe(true);
    expect(feel('any([false, null])')).toBeNull();
    expect(feel('any([])')).toBe(false);
  });

  it('sublist, append, concatenate, insert before, remove, reverse, index of', () => {
    expect(feel('sublist([4, 5, 6], 1, 2)')).toEqual([4, 5]);
    expect(feel('sublist([4, 5, 6], -1)')).toEqual([6]);
    expect(feel('append([1], 2, 3)')).toEqual([1, 2, 3]);
    expect(feel('concatenate([1, 2], [3])')).toEqual([1, 2, 3]);
    expect(feel('insert before([1, 3], 2, 2)')).toEqual([1, 2, 3]);
    expect(feel('remove([1, 2, 3], 2)')).toEqual([1, 3]);
    expect(feel('remove([1, 2, 3], 5)')).toBeNull();
    expect(feel('reverse([1, 2, 3])')).toEqual([3, 2, 1]);
    expect(feel('index of([1, 2, 3, 2], 2)')).toEqual([2, 4]);
  });

  it('union, distinct values, flatten, sort, list replace', () => {
    expect(feel('union([1, 2], [2, 3])')).toEqual([1, 2, 3]);
    expect(feel('distinct values([1, 2, 3, 2, 1.0])')).toEqual([1, 2, 3]);
    expect(feel('flatten([[1, 2], [[3]], 4])')).toEqual([1, 2, 3, 4]);
    expect(feel('sort([3, 1, 4, 2], function(x, y) x < y)')).toEqual([1, 2, 3, 4]);
    expect(feel('sort(list: [3, 1, 2], precedes: function(x, y) x > y)')).toEqual([3, 2, 1]);
    expect(feel('sort([3, 1, 2])')).toEqual([1, 2, 3]);
    expect(
      feel('sort(invoices, function(a, b) a.due < b.due).id', {
        invoices: [
          { id: 2, due: '2026-02-01' },
          { id: 1, due: '2026-01-01' },
        ],
      }),
    ).toEqual([1, 2]);
    expect(feel('list replace([1, 2, 3], 2, 9)')).toEqual([1, 9, 3]);
    expect(feel('list replace([1, 2, 3], function(item, newItem) item > 1, 0)')).toEqual([1, 0, 0]);
  });

  it('treats a single value as a one-item list where a list is expected', () => {
    expect(feel('count(5)')).toBe(1);
    expect(feel('sum(5)')).toBe(5);
  });
});
