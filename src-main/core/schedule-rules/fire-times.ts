import { Temporal } from 'temporal-polyfill';
import { localDayResolver, parseTimeOfDay, zonedAt } from '../calendar/local-time';
import { cronTimes, isCronError, parseCron, type CronSchedule } from './cron';
import { fireDates } from './fire-dates';
import type { ResolvedSpec } from './schedule-spec';

/**
 * Fire instants of a schedule: each fire date (fire-dates.ts) at each time of day, made an
 * instant in the schedule's zone with 'compatible' disambiguation (calendar/local-time.ts):
 * a time in a spring-forward gap fires once, just after the gap (02:30 → 03:30 in
 * Europe/Berlin); a time repeated at fall-back fires once, at its first occurrence.
 * A cron's times inside a gap land on real times after it (02:15 → 03:15) and fire once.
 */

const MS_PER_DAY = 86_400_000;

function cronOf(spec: ResolvedSpec): CronSchedule | null {
  if (spec.rule.kind !== 'cron') return null;
  const cron = parseCron(spec.rule.expression);
  if (isCronError(cron)) throw new RangeError(`cron ${JSON.stringify(spec.rule.expression)}, column ${cron.column}: ${cron.message}`);
  return cron;
}

function timesOfDay(spec: ResolvedSpec, cron: CronSchedule | null): Temporal.PlainTime[] {
  if (cron) return cronTimes(cron);
  if (spec.time === undefined) throw new RangeError(`a ${spec.rule.kind} rule needs a time of day`);
  return [parseTimeOfDay(spec.time)];
}

/**
 * All fire instants strictly after `afterEpochMs`, ascending, each once.
 *
 * Instants of one date are not always in the order of their times (02:30 in a gap becomes
 * 03:30, after 03:00), and in a zone that skips a whole day they can even pass the next
 * date's. Instants are therefore held back until no later date can produce an earlier one:
 * any instant of local date D is after UTC midnight of D minus 14 hours (the largest offset),
 * so whatever is below UTC midnight of D minus 2 days when D is reached is final.
 */
export function* fireInstants(spec: ResolvedSpec, afterEpochMs: number): Generator<number> {
  const cron = cronOf(spec);
  const times = timesOfDay(spec, cron);
  // Two days back: a time in a gap near midnight of the day before can still fall after `afterEpochMs`.
  const from = zonedAt(afterEpochMs, spec.zone).toPlainDate().subtract({ days: 2 });
  const pending: number[] = [];
  let last = Number.NEGATIVE_INFINITY;
  function* release(below: number): Generator<number> {
    pending.sort((a, b) => a - b);
    while (pending.length > 0 && pending[0]! < below) {
      const instant = pending.shift()!;
      if (instant !== last) yield instant;
      last = instant;
    }
  }
  for (const date of fireDates(spec, cron, from)) {
    yield* release(date.toZonedDateTime('UTC').epochMilliseconds - 2 * MS_PER_DAY);
    const at = localDayResolver(date, spec.zone);
    for (const time of times) {
      const instant = at(time);
      if (instant > afterEpochMs) pending.push(instant);
    }
  }
  yield* release(Number.POSITIVE_INFINITY);
}

function checkCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0, not ${value}`);
}

/** The next `count` fire instants strictly after `afterEpochMs` (epoch ms, ascending, de-duplicated when adjustment makes two dates coincide). */
export function nextFireTimes(spec: ResolvedSpec, afterEpochMs: number, count: number): number[] {
  checkCount('count', count);
  const times: number[] = [];
  if (count === 0) return times;
  for (const instant of fireInstants(spec, afterEpochMs)) {
    times.push(instant);
    if (times.length === count) break;
  }
  return times;
}

/**
 * Fire instants in (fromEpochMs, toEpochMs], the earliest `cap` of them, and whether more
 * were cut: what was missed while the app was closed, for the misfire policy (run once, run
 * all up to a cap, skip) that the scheduler applies. The next regular fire after a misfire is
 * nextFireTimes(spec, toEpochMs, 1).
 */
export function fireTimesBetween(spec: ResolvedSpec, fromEpochMs: number, toEpochMs: number, cap: number): { times: number[]; truncated: boolean } {
  checkCount('cap', cap);
  const times: number[] = [];
  if (toEpochMs <= fromEpochMs) return { times, truncated: false };
  for (const instant of fireInstants(spec, fromEpochMs)) {
    if (instant > toEpochMs) break;
    if (times.length === cap) return { times, truncated: true };
    times.push(instant);
  }
  return { times, truncated: false };
}
