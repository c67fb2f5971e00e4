import { describe, expect, it } from 'vitest';
import { diffRows } from '../../../src-renderer/views/audit/change-diff';

describe('the two sides of a change', () => {
  it('marks the fields that changed, were added or were removed, in the order of the old document', () => {
    const before = { limits: { daily: '5000.00', single: '1000.00' }, currency: 'EUR', approver: 'bea' };
    const after = { limits: { daily: '7500.00', single: '1000.00' }, currency: 'EUR', reason: 'year-end volume' };
    expect(diffRows(before, after)).toEqual([
      { path: 'limits.daily', before: '5000.00', after: '7500.00', status: 'changed' },
      { path: 'limits.single', before: '1000.00', after: '1000.00', status: 'same' },
      { path: 'currency', before: 'EUR', after: 'EUR', status: 'same' },
      { path: 'approver', before: 'bea', after: undefined, status: 'removed' },
      { path: 'reason', before: undefined, after: 'year-end volume', status: 'added' },
    ]);
  });

  it('keeps a list of plain values as one value, so a role added in front does not read as a rename', () => {
    expect(diffRows({ roles: ['clerk'] }, { roles: ['approver', 'clerk'] })).toEqual([
      { path: 'roles', before: ['clerk'], after: ['approver', 'clerk'], status: 'changed' },
    ]);
    expect(diffRows({ roles: ['clerk', 'approver'] }, { roles: ['clerk', 'approver'] })).toEqual([
      { path: 'roles', before: ['clerk', 'approver'], after: ['clerk', 'approver'], status: 'same' },
    ]);
  });

  it('opens a list of objects by position', () => {
    const before = { rules: [{ id: 'r1', limit: '1000.00' }] };
    const after = {
      rules: [
        { id: 'r1', limit: '2000.00' },
        { id: 'r2', limit: '50.00' },
      ],
    };
    expect(diffRows(before, after)).toEqual([
      { path: 'rules[0].id', before: 'r1', after: 'r1', status: 'same' },
      { path: 'rules[0].limit', before: '1000.00', after: '2000.00', status: 'changed' },
      { path: 'rules[1].id', before: undefined, after: 'r2', status: 'added' },
      { path: 'rules[1].limit', before: undefined, after: '50.00', status: 'added' },
    ]);
  });

  it('opens a list that holds an object among plain values', () => {
    const before = { approvers: ['bea', { level: 'Finance', min: 2 }] };
    const after = { approvers: ['bea', { level: 'Finance', min: 1 }] };
    expect(diffRows(before, after)).toEqual([
      { path: 'approvers[0]', before: 'bea', after: 'bea', status: 'same' },
      { path: 'approvers[1].level', before: 'Finance', after: 'Finance', status: 'same' },
      { path: 'approvers[1].min', before: 2, after: 1, status: 'changed' },
    ]);
  });

  it('quotes keys that are not plain names', () => {
    const before = { 'due date': '2026-05-31', vendor: { 'VAT id': 'DE123456789', 'iban-masked': true } };
    const after = { 'due date': '2026-06-30', vendor: { 'VAT id': 'DE123456789', 'iban-masked': true } };
    expect(diffRows(before, after).map((r) => [r.path, r.status])).toEqual([
      ['"due date"', 'changed'],
      ['vendor["VAT id"]', 'same'],
      ['vendor.iban-masked', 'same'],
    ]);
  });

  it('compares a bare value, an empty object and values of different types', () => {
    expect(diffRows('active', 'suspended')).toEqual([{ path: '', before: 'active', after: 'suspended', status: 'changed' }]);
    expect(diffRows({}, {})).toEqual([{ path: '', before: {}, after: {}, status: 'same' }]);
    expect(diffRows({ members: [] }, { members: ['TARGET2', 'GB-ENG'] })).toEqual([
      { path: 'members', before: [], after: ['TARGET2', 'GB-ENG'], status: 'changed' },
    ]);
    expect(diffRows({ retries: 3 }, { retries: '3' })).toEqual([{ path: 'retries', before: 3, after: '3', status: 'changed' }]);
    expect(diffRows({ witnessFolder: null }, { witnessFolder: '/mnt/worm' })).toEqual([
      { path: 'witnessFolder', before: null, after: '/mnt/worm', status: 'changed' },
    ]);
  });
});
