import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../../../src-main/core/calendar';
import { DateRule, describeRule, effectiveConvention, ScheduleSpec } from '../../../src-main/core/schedule-rules';
import { spec } from './specs';

const base = { zone: 'Europe/Berlin', calendar: 'TARGET2', startDate: '2026-01-01' };
const issues = (input: unknown) => {
  const result = ScheduleSpec.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('ScheduleSpec', () => {
  it('accepts each rule kind and keeps the convention as written', () => {
    for (const rule of [
      { kind: 'every-business-day' },
      { kind: 'business-day-of-month', n: -2 },
      { kind: 'day-of-month', day: 31 },
      { kind: 'weekly', weekdays: [1, 3, 5] },
    ]) {
      expect(issues({ ...base, rule, time: '18:00' })).toEqual([]);
    }
    expect(issues({ ...base, rule: { kind: 'cron', expression: '0 18 * * 1-5' } })).toEqual([]);
    expect(ScheduleSpec.parse({ ...base, rule: { kind: 'weekly', weekdays: [1] }, time: '09:00' }).convention).toBeUndefined();
  });

  it('defaults the convention by rule kind', () => {
    const of = (rule: { kind: string }, convention?: string) =>
      effectiveConvention(ScheduleSpec.parse({ ...base, rule, time: rule.kind === 'cron' ? undefined : '09:00', convention }));
    expect(of({ kind: 'day-of-month', day: 1 } as { kind: string })).toBe('modified-following');
    expect(of({ kind: 'weekly', weekdays: [1] } as { kind: string })).toBe('modified-following');
    expect(of({ kind: 'cron', expression: '0 9 * * *' } as { kind: string })).toBe('none');
    expect(of({ kind: 'every-business-day' })).toBe('none');
    expect(of({ kind: 'business-day-of-month', n: -1 } as { kind: string })).toBe('none');
    expect(of({ kind: 'cron', expression: '0 9 * * *' } as { kind: string }, 'following')).toBe('following');
  });

  it('needs a time unless the rule is cron, and refuses one for cron', () => {
    expect(issues({ ...base, rule: { kind: 'every-business-day' } })).toEqual(['time: the every-business-day rule needs a time of day (HH:MM)']);
    expect(issues({ ...base, rule: { kind: 'cron', expression: '0 9 * * *' }, time: '09:00' })).toEqual([
      'time: a cron rule takes its times from its minute and hour fields; remove time',
    ]);
    expect(issues({ ...base, rule: { kind: 'every-business-day' }, time: '9:00' })).toEqual(['time: a time of day HH:MM, 00:00–23:59']);
    expect(issues({ ...base, rule: { kind: 'every-business-day' }, time: '24:00' })).toHaveLength(1);
  });

  it('validates the zone with Temporal and refuses bare offsets', () => {
    const rule = { kind: 'every-business-day' };
    expect(issues({ ...base, rule, time: '09:00', zone: 'Europe/Frankfurt' })).toEqual(['zone: an IANA time zone such as Europe/Berlin']);
    expect(issues({ ...base, rule, time: '09:00', zone: '+01:00' })).toHaveLength(1);
    expect(issues({ ...base, rule, time: '09:00', zone: 'UTC' })).toEqual([]);
    expect(issues({ ...base, rule, time: '09:00', zone: 'Asia/Kolkata' })).toEqual([]);
  });

  it('checks dates, rule parameters and cron syntax (with the column)', () => {
    const rule = { kind: 'every-business-day' };
    expect(issues({ ...base, rule, time: '09:00', startDate: '2026-02-30' })).toEqual(['startDate: a date that exists, written YYYY-MM-DD']);
    expect(issues({ ...base, rule, time: '09:00', endDate: '2025-12-31' })).toEqual(['endDate: the end date 2025-12-31 is before the start date 2026-01-01']);
    expect(issues({ ...base, rule: { kind: 'business-day-of-month', n: 0 }, time: '09:00' })).toHaveLength(1);
    expect(issues({ ...base, rule: { kind: 'day-of-month', day: 32 }, time: '09:00' })).toHaveLength(1);
    expect(issues({ ...base, rule: { kind: 'weekly', weekdays: [1, 1] }, time: '09:00' })).toEqual(['rule.weekdays: each weekday once']);
    expect(issues({ ...base, rule: { kind: 'weekly', weekdays: [0] }, time: '09:00' })).toHaveLength(1);
    expect(issues({ ...base, rule: { kind: 'cron', expression: '0 25 * * *' } })).toEqual(['rule.expression: cron, column 3: hour 25 is out of range 0–23']);
    expect(issues({ ...base, rule: { kind: 'monthly' }, time: '09:00' })).toHaveLength(1);
    expect(issues({ ...base, rule, time: '09:00', convention: 'nearest' })).toHaveLength(1);
    expect(issues({ ...base, rule, time: '09:00', extra: true })).toHaveLength(1);
    expect(DateRule.safeParse({ kind: 'every-business-day', n: 1 }).success).toBe(false);
  });
});

describe('describeRule', () => {
  const t2 = makeCalendar('TARGET2', []);
  const say = (input: Record<string, unknown>) => describeRule(spec({ zone: 'Europe/Berlin', ...input }, t2));

  it('says each rule in one sentence', () => {
    expect(say({ rule: { kind: 'business-day-of-month', n: -1 }, time: '18:00' })).toBe('the last business day of each month at 18:00 Europe/Berlin (TARGET2)');
    expect(say({ rule: { kind: 'business-day-of-month', n: -1 }, time: '18:00', convention: 'modified-following' })).toBe(
      'the last business day of each month at 18:00 Europe/Berlin (TARGET2, modified following)',
    );
    expect(say({ rule: { kind: 'business-day-of-month', n: 3 }, time: '09:00' })).toBe('the third business day of each month at 09:00 Europe/Berlin (TARGET2)');
    expect(say({ rule: { kind: 'business-day-of-month', n: -2 }, time: '09:00' })).toBe(
      'the second-to-last business day of each month at 09:00 Europe/Berlin (TARGET2)',
    );
    expect(say({ rule: { kind: 'business-day-of-month', n: 12 }, time: '09:00' })).toBe('the 12th business day of each month at 09:00 Europe/Berlin (TARGET2)');
    expect(say({ rule: { kind: 'every-business-day' }, time: '08:00' })).toBe('every business day at 08:00 Europe/Berlin (TARGET2)');
    expect(say({ rule: { kind: 'day-of-month', day: 15 }, time: '10:00' })).toBe('the 15th of each month at 10:00 Europe/Berlin (TARGET2, modified following)');
    expect(say({ rule: { kind: 'day-of-month', day: 31 }, time: '10:00', convention: 'following' })).toBe(
      'the 31st of each month (or its last day) at 10:00 Europe/Berlin (TARGET2, following)',
    );
    expect(say({ rule: { kind: 'weekly', weekdays: [5, 1, 3] }, time: '07:30', convention: 'none' })).toBe(
      'every Monday, Wednesday and Friday at 07:30 Europe/Berlin (TARGET2, no adjustment)',
    );
    expect(say({ rule: { kind: 'cron', expression: '*/15 9-17 * * 1-5' } })).toBe('cron "*/15 9-17 * * 1-5" in Europe/Berlin (TARGET2)');
  });
});
