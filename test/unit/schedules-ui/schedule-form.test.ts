import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScheduleInput } from '../../../src-shared/contract/schedules';
import {
  emptyValues,
  fieldOf,
  placeIssues,
  specFieldLabel,
  takesConvention,
  toDefinition,
  toSpec,
  validateValues,
  valuesFrom,
  type ScheduleFormValues,
} from '../../../src-renderer/views/schedules/schedule-form';

/** The start date defaults to today in the viewer's zone: the clock is fixed at a local time. */
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date(2026, 4, 4, 8, 15));
});
afterEach(() => {
  vi.useRealTimers();
});

function monthEndClose(over: Partial<ScheduleFormValues> = {}): ScheduleFormValues {
  return { ...emptyValues('Europe/Berlin'), name: ' Month-end close ', workflow: 'invoice-approval', calendar: 'TARGET2', ...over };
}

describe('a new schedule', () => {
  it('starts as every business day at 09:00 from today, with fire time and business date as input', () => {
    const values = emptyValues('Europe/Berlin');
    expect(values).toMatchObject({
      ruleKind: 'every-business-day',
      time: '09:00',
      zone: 'Europe/Berlin',
      startDate: '2026-05-04',
      endDate: '',
      convention: 'default',
    });
    expect(values.input).toEqual([
      { field: 'fireTime', expression: 'fireTime' },
      { field: 'businessDate', expression: 'businessDate' },
    ]);
  });

  it('sends exactly what schedules.create takes, and the contract accepts it', () => {
    const definition = toDefinition(monthEndClose());
    expect(definition).toEqual({
      name: 'Month-end close',
      description: '',
      workflow: 'invoice-approval',
      input: { fireTime: 'fireTime', businessDate: 'businessDate' },
      spec: { rule: { kind: 'every-business-day' }, time: '09:00', zone: 'Europe/Berlin', calendar: 'TARGET2', startDate: '2026-05-04' },
      misfire: { policy: 'run-once' },
      overlap: 'skip',
      cutoff: null,
      ownerRole: 'admin',
    });
    expect(ScheduleInput.safeParse(definition).success).toBe(true);
    expect(validateValues(monthEndClose())).toEqual({});
  });
});

describe('the rule and its timing', () => {
  it('applies a convention only to rules whose dates can fall on a closed day', () => {
    expect(['day-of-month', 'weekly', 'cron'].map((k) => takesConvention(k as ScheduleFormValues['ruleKind']))).toEqual([true, true, true]);
    expect(takesConvention('every-business-day')).toBe(false);
    expect(takesConvention('business-day-of-month')).toBe(false);
    expect(toSpec(monthEndClose({ ruleKind: 'business-day-of-month', n: '-1', convention: 'following' }))).toEqual({
      rule: { kind: 'business-day-of-month', n: -1 },
      time: '09:00',
      zone: 'Europe/Berlin',
      calendar: 'TARGET2',
      startDate: '2026-05-04',
    });
    expect(toSpec(monthEndClose({ ruleKind: 'day-of-month', day: 25, convention: 'modified-following', endDate: '2026-12-31' }))).toEqual({
      rule: { kind: 'day-of-month', day: 25 },
      time: '09:00',
      zone: 'Europe/Berlin',
      calendar: 'TARGET2',
      convention: 'modified-following',
      startDate: '2026-05-04',
      endDate: '2026-12-31',
    });
  });

  it('takes a cron rule’s times from the expression, not from the time field', () => {
    const spec = toSpec(monthEndClose({ ruleKind: 'cron', cron: ' 30 17 * * 1-5 ', time: '09:00' }));
    expect(spec).toEqual({ rule: { kind: 'cron', expression: '30 17 * * 1-5' }, zone: 'Europe/Berlin', calendar: 'TARGET2', startDate: '2026-05-04' });
  });

  it('sends weekly weekdays as sorted numbers', () => {
    expect(toSpec(monthEndClose({ ruleKind: 'weekly', weekdays: ['5', '1', '3'] })).rule).toEqual({ kind: 'weekly', weekdays: [1, 3, 5] });
  });
});

describe('policies and input', () => {
  it('sends a catch-up cap only with run-all, and a cut-off only when ticked', () => {
    const definition = toDefinition(
      monthEndClose({ misfire: 'run-all', misfireCap: '25', cutoff: true, cutoffTime: '15:00', cutoffDayOffset: '1', cutoffAlert: 45 }),
    );
    expect(definition.misfire).toEqual({ policy: 'run-all', cap: 25 });
    expect(definition.cutoff).toEqual({ time: '15:00', dayOffset: 1, alertMinutesBefore: 45 });
    expect(toDefinition(monthEndClose({ misfire: 'skip', misfireCap: '25', cutoffTime: '15:00' }))).toMatchObject({
      misfire: { policy: 'skip' },
      cutoff: null,
    });
  });

  it('leaves out input rows left empty and trims the rest', () => {
    const input = [
      { field: ' currency ', expression: ' "EUR" ' },
      { field: '', expression: '  ' },
      { field: 'businessDate', expression: 'businessDate' },
    ];
    expect(toDefinition(monthEndClose({ input })).input).toEqual({ currency: '"EUR"', businessDate: 'businessDate' });
    expect(validateValues(monthEndClose({ input }))).toEqual({});
  });
});

describe('editing a stored schedule', () => {
  it('reads a stored schedule back into the form and sends it unchanged', () => {
    const stored = ScheduleInput.parse({
      name: 'Payment run',
      description: 'Pay approved invoices before the bank cut-off',
      workflow: 'payment-run',
      input: { businessDate: 'businessDate', currency: '"EUR"' },
      spec: {
        rule: { kind: 'weekly', weekdays: [2, 4] },
        time: '11:30',
        zone: 'Europe/Berlin',
        calendar: 'TARGET2',
        convention: 'preceding',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
      },
      misfire: { policy: 'run-all', cap: 5 },
      overlap: 'queue-one',
      cutoff: { time: '15:00', dayOffset: 0, alertMinutesBefore: 60 },
      ownerRole: 'approver',
    });
    const values = valuesFrom(stored);
    expect(values).toMatchObject({
      ruleKind: 'weekly',
      weekdays: ['2', '4'],
      time: '11:30',
      convention: 'preceding',
      endDate: '2026-12-31',
      cutoff: true,
      misfireCap: 5,
    });
    expect(ScheduleInput.parse(toDefinition(values))).toEqual(stored);
  });

  it('keeps the other rule kinds’ defaults, so switching kinds in the form loses nothing', () => {
    const stored = ScheduleInput.parse({
      name: 'Quarter close',
      workflow: 'close',
      spec: { rule: { kind: 'cron', expression: '0 18 L * *' }, zone: 'UTC', calendar: 'TARGET2', startDate: '2026-01-01' },
    });
    const values = valuesFrom(stored);
    expect(values).toMatchObject({
      ruleKind: 'cron',
      cron: '0 18 L * *',
      n: 1,
      day: 1,
      weekdays: ['1'],
      time: '09:00',
      convention: 'default',
      endDate: '',
      cutoff: false,
      misfire: 'run-once',
    });
    expect(ScheduleInput.parse(toDefinition(values))).toEqual(stored);
  });
});

describe('issues under their fields', () => {
  it('maps contract and core paths to form fields, the nearest field for deeper paths', () => {
    const values = monthEndClose({
      input: [
        { field: 'fireTime', expression: 'fireTime' },
        { field: 'currency', expression: '"EUR' },
      ],
    });
    expect(fieldOf('spec.rule.weekdays.2', values)).toBe('weekdays');
    expect(fieldOf('definition.spec.time', values)).toBe('time');
    expect(fieldOf('cutoff', values)).toBe('cutoffTime');
    expect(fieldOf('misfire.cap', values)).toBe('misfireCap');
    expect(fieldOf('input.currency', values)).toBe('input.1.expression');
    expect(fieldOf('definition.input.fireTime', values)).toBe('input.0.expression');
    expect(fieldOf('input.amount', values)).toBeNull();
    expect(fieldOf('spec', values)).toBeNull();
    expect(fieldOf('revision', values)).toBeNull();
  });

  it('labels a rule’s issue for the preview, away from the field', () => {
    expect(specFieldLabel('spec.rule.n')).toBe('Business day of the month');
    expect(specFieldLabel('spec.rule.weekdays.0')).toBe('Weekdays');
    expect(specFieldLabel('spec.endDate')).toBe('End date');
    expect(specFieldLabel('name')).toBeNull();
    expect(specFieldLabel('spec')).toBeNull();
  });

  it('places the core’s issues under their fields and hands back those that name none', () => {
    const placed: [string, string][] = [];
    const unplaced = placeIssues(
      [
        { path: 'definition.spec.rule.expression', message: 'the cron expression has 4 fields; it needs 5' },
        { path: 'spec.calendar', message: 'no calendar named TARGET3' },
        { path: '', message: 'the schedule was changed by admin.bea meanwhile' },
      ],
      monthEndClose(),
      (field, message) => placed.push([field, message]),
    );
    expect(placed).toEqual([
      ['cron', 'The cron expression has 4 fields; it needs 5'],
      ['calendar', 'No calendar named TARGET3'],
    ]);
    expect(unplaced).toEqual([{ path: '', message: 'the schedule was changed by admin.bea meanwhile' }]);
  });
});

describe('checking the form before sending', () => {
  it('asks for the workflow and calendar in the form’s words rather than the contract’s', () => {
    expect(validateValues(monthEndClose({ workflow: '', calendar: '' }))).toEqual({
      workflow: 'Choose the workflow each run starts',
      calendar: 'Choose the business calendar the rule counts in',
    });
  });

  it('asks for whole numbers only in the number fields in use', () => {
    expect(validateValues(monthEndClose({ ruleKind: 'day-of-month', day: '', n: '' }))).toEqual({ day: 'Enter a whole number' });
    expect(validateValues(monthEndClose({ misfire: 'run-all', misfireCap: 'ten' }))).toEqual({ misfireCap: 'Enter a whole number' });
    expect(validateValues(monthEndClose({ ruleKind: 'day-of-month', day: '1.5' }))).toEqual({ day: 'Enter a whole number' });
    expect(validateValues(monthEndClose({ cutoff: true, cutoffDayOffset: ' ', cutoffAlert: '30' }))).toEqual({ cutoffDayOffset: 'Enter a whole number' });
  });

  it('names each input row’s problem: a missing name, a name given twice, a missing expression', () => {
    const input = [
      { field: 'currency', expression: '"EUR"' },
      { field: '', expression: 'businessDate' },
      { field: 'currency', expression: '"USD"' },
      { field: 'amount', expression: '' },
    ];
    expect(validateValues(monthEndClose({ input }))).toEqual({
      'input.1.field': 'Name the field the expression fills',
      'input.2.field': 'currency is given twice',
      'input.3.expression': 'Give a FEEL expression, e.g. businessDate or "EUR"',
    });
  });

  it('puts the contract’s own rules under the field they concern', () => {
    expect(validateValues(monthEndClose({ time: '24:00' }))).toEqual({ time: 'A time of day HH:MM, 00:00–23:59' });
    expect(validateValues(monthEndClose({ ruleKind: 'business-day-of-month', n: 0 }))).toEqual({
      n: 'N counts from 1 (first) or from -1 (last); 0 is neither',
    });
    expect(validateValues(monthEndClose({ endDate: '2026-04-30' }))).toEqual({ endDate: 'The end date 2026-04-30 is before the start date 2026-05-04' });
    expect(validateValues(monthEndClose({ ruleKind: 'weekly', weekdays: ['1', '1'] }))).toEqual({ weekdays: 'Each weekday once' });
    expect(validateValues(monthEndClose({ ruleKind: 'cron', cron: '  ' }))).toEqual({ cron: 'A 5-field cron expression' });
    expect(validateValues(monthEndClose({ time: '' }))).toEqual({ time: 'The every-business-day rule needs a time of day (HH:MM)' });
    expect(validateValues(monthEndClose({ cutoff: true, cutoffTime: '' }))).toEqual({ cutoffTime: 'A time of day HH:MM, 00:00–23:59' });
    expect(validateValues(monthEndClose({ startDate: '' }))).toEqual({ startDate: 'A date that exists, written YYYY-MM-DD' });
    expect(validateValues(monthEndClose({ ruleKind: 'weekly', weekdays: [] }))).toEqual({ weekdays: expect.any(String) });
    expect(validateValues(monthEndClose({ name: '   ' }))).toEqual({ name: expect.any(String) });
  });
});
