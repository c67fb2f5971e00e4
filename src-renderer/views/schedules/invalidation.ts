import type { OpName } from '@shared/contract';

/** What a schedule action changes: the schedule, its list and its history. */
export const AFTER_SCHEDULE_CHANGE: readonly OpName[] = ['schedules.get', 'schedules.list', 'schedules.history'];

/** A calendar moves fire dates: everything that shows them is fetched again, and the changes waiting for approval. */
export const AFTER_CALENDAR_CHANGE: readonly OpName[] = [
  'changes.list',
  'calendars.list',
  'calendars.get',
  'calendars.month',
  'schedules.list',
  'schedules.get',
  'schedules.preview',
];
