import { useMemo, useState } from 'react';
import type { FireTime } from '@shared/contract/schedules';
import type { ScheduleSpecShape } from '@shared/domain/schedule';
import { toTimestamp } from '@shared/domain/time';
import { useOp } from '../../api/hooks';
import { QueryError } from '../../ui/QueryError';
import { CalendarMonth } from './CalendarMonth';
import { monthPrefix, thisMonth, type Month } from './month';

const DAY_MS = 86_400_000;

/**
 * How many fire times cover a month: a day-based rule fires at most once a day; a cron may
 * fire many times a day, and then the first 500 (the most one preview gives) are marked.
 */
function countFor(spec: ScheduleSpecShape): number {
  return spec.rule.kind === 'cron' ? 500 : 40;
}

/** The fire times whose local date (in the schedule's zone) falls in the month, by date. */
function useMonthFires(spec: ScheduleSpecShape, month: Month) {
  const prefix = monthPrefix(month);
  // From two days before the 1st: in zones ahead of UTC the 1st begins the evening before.
  const after = toTimestamp(Date.UTC(month.year, month.month - 1, 1) - 2 * DAY_MS);
  const count = countFor(spec);
  const preview = useOp('schedules.preview', { spec, after, count });
  return useMemo(() => {
    const byDate = new Map<string, FireTime[]>();
    const next = preview.data?.next ?? [];
    for (const fire of next) if (fire.localDate.startsWith(prefix)) byDate.set(fire.localDate, [...(byDate.get(fire.localDate) ?? []), fire]);
    const last = next.at(-1);
    const truncated = next.length >= count && last !== undefined && last.localDate.startsWith(prefix);
    return { byDate, truncated, error: preview.error };
  }, [preview.data, preview.error, prefix, count]);
}

/** A schedule's calendar a month at a time, its fire dates marked (also those a convention moved). */
export function ScheduleMonth({ spec }: { spec: ScheduleSpecShape }) {
  const [month, setMonth] = useState(thisMonth);
  const fires = useMonthFires(spec, month);
  return (
    <>
      {fires.error && <QueryError error={fires.error} />}
      <CalendarMonth
        calendar={spec.calendar}
        month={month}
        onMonthChange={setMonth}
        fires={fires.byDate}
        zone={spec.zone}
        note={fires.truncated ? `This rule fires more often than can be marked at once: only the days of its first ${countFor(spec)} fire times are.` : null}
      />
    </>
  );
}
