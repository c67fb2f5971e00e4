/**
 * Schedule rules: when a schedule fires, as a pure function of the rule, its calendar and an
 * instant supplied by the caller (the scheduler's injected clock). The scheduler runtime keeps
 * the next fire time in the store and applies misfire policies; this module only computes.
 * See docs/calendars-and-schedules.md.
 */
export { DateRule } from './date-rule';
export { effectiveConvention, ScheduleSpec, type ResolvedSpec } from './schedule-spec';
export { fireInstants, fireTimesBetween, nextFireTimes } from './fire-times';
export { describeDateRule, describeRule } from './describe-rule';
export { validateCron } from './cron';
