import type { MisfirePolicy } from '@shared/contract/schedules';
import { fireInstants, type ResolvedSpec } from '../schedule-rules';

/**
 * Which runs a due schedule starts now: a pure function of the stored next fire time, the
 * clock and the misfire policy, so that start-up, takeover and a clock jump are all decided
 * by the same tested rule.
 *
 * A fire time is late when it passed more than `graceMs` ago (the owner was not running,
 * the machine slept, the clock jumped); those are decided by the misfire policy. Fire times
 * within the grace are on time and fire as usual. Run once collapses everything that is due
 * (late and on time) into one run, for the latest time; run all fires the earliest `cap`
 * late times and then the on-time ones; skip fires only the on-time ones.
 */

/** Counting stops here: a rule that fired more often than this while the app was closed is reported as "at least". */
export const MAX_COUNTED_MISSED = 100_000;

export interface Fire {
  at: number;
  trigger: 'scheduled' | 'misfire';
}

export interface MisfireFacts {
  policy: MisfirePolicy['policy'];
  cap: number;
  /** How many fire times were late, and whether counting stopped at MAX_COUNTED_MISSED. */
  missed: number;
  countIsLowerBound: boolean;
  first: number;
  last: number;
  /** Late fire times that start no run. */
  skipped: number;
  /** The latest late time that starts no run (for the history row that shows the skip). */
  lastSkipped: number | null;
}

export interface FireDecision {
  fires: Fire[];
  misfire: MisfireFacts | null;
  /** The next fire time after now, or null when the rule has no more (end date passed). */
  next: number | null;
}

export function decideFires(spec: ResolvedSpec, nextFireAt: number, now: number, misfire: MisfirePolicy, graceMs: number): FireDecision {
  const late: number[] = [];
  const onTime: number[] = [];
  let missed = 0;
  let lastLate = Number.NEGATIVE_INFINITY;
  let countIsLowerBound = false;
  let next: number | null = null;
  const keepLate = misfire.policy === 'run-all' ? misfire.cap : 0;
  const consider = (at: number) => {
    if (now - at > graceMs) {
      missed += 1;
      lastLate = at;
      if (late.length < keepLate || late.length === 0) late.push(at);
    } else onTime.push(at);
  };
  consider(nextFireAt);
  for (const at of fireInstants(spec, nextFireAt)) {
    if (at > now) {
      next = at;
      break;
    }
    if (missed >= MAX_COUNTED_MISSED && now - at > graceMs) {
      countIsLowerBound = true;
      lastLate = at;
      continue;
    }
    consider(at);
  }
  if (missed === 0) return { fires: onTime.map((at) => ({ at, trigger: 'scheduled' })), misfire: null, next };

  const first = late[0] as number;
  const facts = { policy: misfire.policy, cap: misfire.cap, missed, countIsLowerBound, first, last: lastLate };
  switch (misfire.policy) {
    case 'run-once': {
      const at = onTime.at(-1) ?? lastLate;
      return {
        fires: [{ at, trigger: onTime.length > 0 ? 'scheduled' : 'misfire' }],
        misfire: { ...facts, skipped: onTime.length > 0 ? missed : missed - 1, lastSkipped: null },
        next,
      };
    }
    case 'run-all': {
      const fired = late.slice(0, misfire.cap);
      const skipped = missed - fired.length;
      return {
        fires: [...fired.map((at) => ({ at, trigger: 'misfire' as const })), ...onTime.map((at) => ({ at, trigger: 'scheduled' as const }))],
        misfire: { ...facts, skipped, lastSkipped: skipped > 0 ? lastLate : null },
        next,
      };
    }
    case 'skip':
      return { fires: onTime.map((at) => ({ at, trigger: 'scheduled' })), misfire: { ...facts, skipped: missed, lastSkipped: lastLate }, next };
  }
}
