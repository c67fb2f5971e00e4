import type { Convention } from '../calendar';
import type { DateRule } from './date-rule';
import { effectiveConvention, type ScheduleSpec } from './schedule-spec';

/**
 * One sentence for the Schedules view, the audit trail and `clearline schedules list`, e.g.
 * "the last business day of each month at 18:00 Europe/Berlin (TARGET2)". The convention is
 * named when it can move a date: always for day-of-month and weekly rules, for the others
 * only when it was given.
 */

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const CONVENTION_WORDS: Record<Convention, string> = {
  following: 'following',
  'modified-following': 'modified following',
  preceding: 'preceding',
  'modified-preceding': 'modified preceding',
  none: 'no adjustment',
};

function ordinalNumber(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function ordinal(n: number): string {
  return ORDINAL_WORDS[n - 1] ?? ordinalNumber(n);
}

function list(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export function describeDateRule(rule: DateRule): string {
  switch (rule.kind) {
    case 'cron':
      return `cron "${rule.expression}"`;
    case 'every-business-day':
      return 'every business day';
    case 'business-day-of-month':
      if (rule.n === -1) return 'the last business day of each month';
      if (rule.n < 0) return `the ${ordinal(-rule.n)}-to-last business day of each month`;
      return `the ${ordinal(rule.n)} business day of each month`;
    case 'day-of-month':
      return rule.day > 28 ? `the ${ordinalNumber(rule.day)} of each month (or its last day)` : `the ${ordinalNumber(rule.day)} of each month`;
    case 'weekly':
      return `every ${list([...rule.weekdays].sort((a, b) => a - b).map((d) => WEEKDAYS[d - 1]!))}`;
  }
}

export function describeRule(spec: ScheduleSpec): string {
  const when = spec.time === undefined ? `in ${spec.zone}` : `at ${spec.time} ${spec.zone}`;
  const named = spec.convention !== undefined || spec.rule.kind === 'day-of-month' || spec.rule.kind === 'weekly';
  const details = named ? `${spec.calendar}, ${CONVENTION_WORDS[effectiveConvention(spec)]}` : spec.calendar;
  return `${describeDateRule(spec.rule)} ${when} (${details})`;
}
