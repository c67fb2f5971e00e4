import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER_FORM, filtersFromForm, formFromFilters } from '../../../src-renderer/views/audit/filter-form';
import { EMPTY_REPORT_FORM, requestFromForm } from '../../../src-renderer/views/audit/report-request';
import { FILTER_KEYS, filtersFromParams, paramsFromFilters } from '../../../src-renderer/views/audit/search-params';

/*
 * The "from" and "to" fields hold datetime-local values in the viewer's zone. The expected UTC
 * timestamps are built with Date's local-time constructor, so these tests hold in any TZ.
 */
const localIso = (year: number, month: number, day: number, hour: number, minute: number) => new Date(year, month - 1, day, hour, minute).toISOString();

describe('audit search address', () => {
  it('lists the filters in one fixed order, so the same search has the same address', () => {
    expect(FILTER_KEYS).toEqual(['from', 'to', 'actor', 'action', 'subjectType', 'subjectId', 'workflow', 'outcome', 'text']);
    expect(paramsFromFilters({ text: 'ACME', workflow: 'payment-check' }).toString()).toBe('workflow=payment-check&text=ACME');
    expect(paramsFromFilters({}).toString()).toBe('');
  });

  it('reads the filters of a bookmarked address back, trimmed', () => {
    const params = new URLSearchParams('workflow=payment-check&text=%20ACME%20&from=2026-05-01T08:00:00.000Z&outcome=refused');
    expect(filtersFromParams(params)).toEqual({ from: '2026-05-01T08:00:00.000Z', workflow: 'payment-check', text: 'ACME', outcome: 'refused' });
    const filters = { from: '2026-05-01T08:00:00.000Z', to: '2026-06-01T08:00:00.000Z', actor: 'cli:ops', action: 'user.', text: 'INV-2026' };
    expect(filtersFromParams(paramsFromFilters(filters))).toEqual(filters);
  });

  it('drops a hand-edited value the contract would refuse, keeping the rest of the search', () => {
    const params = new URLSearchParams('from=yesterday&outcome=maybe&text=A&actor=%20%20&subjectType=invoice&unknown=1');
    expect(filtersFromParams(params)).toEqual({ subjectType: 'invoice' });
  });
});

describe('audit filter form', () => {
  it('starts empty, and shows stored UTC times in the viewer’s zone', () => {
    expect(Object.values(EMPTY_FILTER_FORM).every((v) => v === '')).toBe(true);
    expect(Object.keys(EMPTY_FILTER_FORM)).toEqual(FILTER_KEYS);
    expect(formFromFilters({ from: localIso(2026, 5, 1, 10, 0), workflow: 'payment-check' })).toEqual({
      ...EMPTY_FILTER_FORM,
      from: '2026-05-01T10:00',
      workflow: 'payment-check',
    });
  });

  it('turns typed local times into UTC timestamps and drops empty fields', () => {
    const values = { ...EMPTY_FILTER_FORM, from: '2026-05-01T10:00', to: '2026-05-31T18:30', actor: ' clerk.jones ', outcome: 'refused', text: '   ' };
    expect(filtersFromForm(values)).toEqual({
      ok: true,
      filters: { from: localIso(2026, 5, 1, 10, 0), to: localIso(2026, 5, 31, 18, 30), actor: 'clerk.jones', outcome: 'refused' },
    });
    expect(filtersFromForm(EMPTY_FILTER_FORM)).toEqual({ ok: true, filters: {} });
  });

  it('names the field and the fix before any round trip', () => {
    expect(filtersFromForm({ ...EMPTY_FILTER_FORM, from: '1 May 2026', text: 'A' })).toEqual({
      ok: false,
      errors: { from: 'Give a date and a time', text: 'Search for at least 2 characters' },
    });
    expect(filtersFromForm({ ...EMPTY_FILTER_FORM, from: '2026-05-31T18:30', to: '2026-05-01T10:00' })).toEqual({
      ok: false,
      errors: { to: 'Must be after “From”' },
    });
    expect(filtersFromForm({ ...EMPTY_FILTER_FORM, from: '2026-05-01T10:00', to: '2026-05-01T10:00' })).toMatchObject({
      ok: false,
      errors: { to: 'Must be after “From”' },
    });
    const outcome = filtersFromForm({ ...EMPTY_FILTER_FORM, outcome: 'maybe' });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? null : Object.keys(outcome.errors)).toEqual(['outcome']);
  });
});

describe('report export request', () => {
  const from = '2026-04-01T00:00';
  const to = '2026-07-01T00:00';

  it('asks for an instance report by the instance id alone, ignoring the period fields', () => {
    const values = {
      ...EMPTY_REPORT_FORM,
      instanceId: ' inst-2026-0042 ',
      from: 'not a time',
      text: 'A',
      workflow: 'payment-check',
      targetDir: '/srv/clearline/reports/inv-42',
    };
    expect(requestFromForm(values)).toEqual({
      ok: true,
      request: { kind: 'instance', instanceId: 'inst-2026-0042', targetDir: '/srv/clearline/reports/inv-42' },
    });
    expect(requestFromForm(EMPTY_REPORT_FORM)).toEqual({ ok: false, errors: { instanceId: 'An instance report needs the instance id' } });
  });

  it('asks for a period report with its period and the filters that narrow it', () => {
    const values = { ...EMPTY_REPORT_FORM, kind: 'period' as const, from, to, workflow: 'payment-check', outcome: 'refused', instanceId: 'ignored' };
    expect(requestFromForm(values)).toEqual({
      ok: true,
      request: { kind: 'period', from: localIso(2026, 4, 1, 0, 0), to: localIso(2026, 7, 1, 0, 0), filters: { workflow: 'payment-check', outcome: 'refused' } },
    });
    expect(requestFromForm({ ...values, workflow: '', outcome: '' })).toEqual({
      ok: true,
      request: { kind: 'period', from: localIso(2026, 4, 1, 0, 0), to: localIso(2026, 7, 1, 0, 0) },
    });
  });

  it('asks for a control report with its control and period, without filters', () => {
    const values = { ...EMPTY_REPORT_FORM, kind: 'control' as const, from, to, control: 'sod-refusals' as const, workflow: 'payment-check' };
    expect(requestFromForm(values)).toEqual({
      ok: true,
      request: { kind: 'control', from: localIso(2026, 4, 1, 0, 0), to: localIso(2026, 7, 1, 0, 0), control: 'sod-refusals' },
    });
  });

  it('names the missing or wrong fields of a period or control report under the form’s fields', () => {
    expect(requestFromForm({ ...EMPTY_REPORT_FORM, kind: 'period', to })).toEqual({
      ok: false,
      errors: { from: 'A period report needs the start of its period (UTC timestamp)' },
    });
    expect(requestFromForm({ ...EMPTY_REPORT_FORM, kind: 'control', from, to })).toEqual({
      ok: false,
      errors: { control: 'Name the control: sod-refusals, break-glass, config-changes, sla-breaches, incidents, unmasked-views' },
    });
    expect(requestFromForm({ ...EMPTY_REPORT_FORM, kind: 'period', from, to, targetDir: 'reports/q2' })).toEqual({
      ok: false,
      errors: { targetDir: 'Give an absolute path of the server machine, e.g. /srv/clearline/reports/2026-q1 or D:\\Reports\\2026-q1' },
    });
    expect(requestFromForm({ ...EMPTY_REPORT_FORM, kind: 'period', from, to, text: 'A' })).toEqual({
      ok: false,
      errors: { text: 'Search for at least 2 characters' },
    });
  });
});
