import { describe, expect, it } from 'vitest';
import { TaskQuery } from '../../../src-shared/contract/work';
import { approvalPath, taskPath } from '../../../src-renderer/views/queues/paths';
import { DEFAULT_FILTERS, isNarrowed, toTaskQuery } from '../../../src-renderer/views/queues/queue-filters';
import { SLA_COLOR, slaState } from '../../../src-renderer/views/queues/sla';
import { taskLabel } from '../../../src-renderer/views/queues/task-label';

describe('queue filters', () => {
  it('asks for the active tasks of the scope, sorted as chosen, and nothing narrower by default', () => {
    expect(toTaskQuery(DEFAULT_FILTERS, 50)).toEqual({ scope: 'available', status: 'active', sort: 'due', limit: 50 });
    expect(isNarrowed(DEFAULT_FILTERS)).toBe(false);
  });

  it('sends every narrowing the person chose, the search text trimmed, and the cursor of the next page', () => {
    const query = toTaskQuery(
      { scope: 'mine', kind: 'approval', workflow: 'invoice-approval', text: '  INV-2026-0042 ', overdue: true, sort: 'priority' },
      200,
      'due:2026-05-04T09:00:00.000Z|t-17',
    );
    expect(query).toEqual({
      scope: 'mine',
      status: 'active',
      sort: 'priority',
      limit: 200,
      kind: 'approval',
      workflow: 'invoice-approval',
      text: 'INV-2026-0042',
      overdue: true,
      cursor: 'due:2026-05-04T09:00:00.000Z|t-17',
    });
    expect(TaskQuery.safeParse(query).success).toBe(true);
  });

  it('leaves out a search of fewer than two characters instead of sending one the contract refuses', () => {
    const oneLetter = { ...DEFAULT_FILTERS, text: ' A ' };
    const query = toTaskQuery(oneLetter, 50);
    expect(query).not.toHaveProperty('text');
    expect(TaskQuery.safeParse(query).success).toBe(true);
    expect(isNarrowed(oneLetter)).toBe(false);
    expect(toTaskQuery({ ...DEFAULT_FILTERS, text: 'AC' }, 50)).toHaveProperty('text', 'AC');
  });

  it('leaves out an overdue filter that is off and an empty cursor', () => {
    const query = toTaskQuery({ ...DEFAULT_FILTERS, overdue: false }, 50, '');
    expect(query).not.toHaveProperty('overdue');
    expect(query).not.toHaveProperty('cursor');
  });

  it('counts each narrowing beyond the scope for the empty state’s advice', () => {
    expect(isNarrowed({ ...DEFAULT_FILTERS, kind: 'rework' })).toBe(true);
    expect(isNarrowed({ ...DEFAULT_FILTERS, workflow: 'vendor-onboarding' })).toBe(true);
    expect(isNarrowed({ ...DEFAULT_FILTERS, text: 'ACME' })).toBe(true);
    expect(isNarrowed({ ...DEFAULT_FILTERS, overdue: true })).toBe(true);
    expect(isNarrowed({ ...DEFAULT_FILTERS, scope: 'all', sort: 'created' })).toBe(false);
  });
});

describe('SLA against the due time', () => {
  const now = Date.parse('2026-05-04T09:00:00.000Z');

  it('says a task without a due date has none', () => {
    expect(slaState(null, now)).toEqual({ text: 'no due date', tone: 'none', remainingMs: null });
  });

  it('counts down to the due time, amber in its last hour', () => {
    expect(slaState('2026-05-04T11:05:00.000Z', now)).toEqual({ text: 'due in 2 h 05 min', tone: 'on-time', remainingMs: 7_500_000 });
    expect(slaState('2026-05-04T10:00:00.000Z', now)).toEqual({ text: 'due in 1 h 00 min', tone: 'on-time', remainingMs: 3_600_000 });
    expect(slaState('2026-05-04T09:59:59.000Z', now)).toEqual({ text: 'due in 59 min', tone: 'at-risk', remainingMs: 3_599_000 });
    expect(slaState('2026-05-04T09:00:00.000Z', now)).toEqual({ text: 'due in 0 s', tone: 'at-risk', remainingMs: 0 });
  });

  it('says by how much a task is overdue, in red', () => {
    expect(slaState('2026-05-04T08:48:00.000Z', now)).toEqual({ text: 'overdue by 12 min', tone: 'overdue', remainingMs: -720_000 });
    expect(slaState('2026-05-01T05:00:00.000Z', now)).toMatchObject({ text: 'overdue by 3 d 4 h', tone: 'overdue' });
    expect(SLA_COLOR).toEqual({ overdue: 'red', 'at-risk': 'orange', 'on-time': undefined, none: 'dimmed' });
  });
});

describe('task names and addresses', () => {
  it('names a task by its title and business key', () => {
    expect(taskLabel({ title: 'Approve invoice', businessKey: 'INV-2026-0042' })).toBe('Approve invoice (INV-2026-0042)');
    expect(taskLabel({ title: 'Review vendor', businessKey: null })).toBe('Review vendor');
    expect(taskLabel({ title: 'Review vendor', businessKey: '' })).toBe('Review vendor');
  });

  it('links to a task or approval page with the id escaped', () => {
    expect(taskPath('t-0042')).toBe('/queues/t-0042');
    expect(approvalPath('t-0042')).toBe('/approvals/t-0042');
    expect(taskPath('a/b?c#d')).toBe('/queues/a%2Fb%3Fc%23d');
    expect(approvalPath('a/b')).toBe('/approvals/a%2Fb');
  });
});
