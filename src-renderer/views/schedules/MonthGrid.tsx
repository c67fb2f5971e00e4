import type { CalendarDay, FireTime } from '@shared/contract/schedules';
import { todayLocal } from './time';
import { WEEKDAYS, weekdayName } from './weekdays';

function kindOf(day: CalendarDay): 'holiday' | 'weekend' | 'business' {
  return day.holiday !== null ? 'holiday' : day.weekend ? 'weekend' : 'business';
}

/** A day in words, for its cell's accessible name and tooltip. */
function describeDay(day: CalendarDay, fires: readonly FireTime[], zone: string | undefined): string {
  const state = day.holiday !== null ? `closed, ${day.holiday}` : day.weekend ? 'closed, weekend' : 'business day';
  const times = fires.map((f) => f.localTime).join(', ');
  const moved = fires.find((f) => f.movedFrom)?.movedFrom;
  const firing = fires.length > 0 ? `; fires at ${times}${zone ? ` ${zone}` : ''}${moved ? ` (moved from ${moved.date}, ${moved.closed})` : ''}` : '';
  return `${weekdayName(day.weekday, 'long')} ${day.date}: ${state}${firing}`;
}

/** Days as weeks, Monday first, with blank cells before the 1st and after the last day. */
function weeks(days: readonly CalendarDay[]): (CalendarDay | null)[][] {
  const cells: (CalendarDay | null)[] = [...Array<null>((days[0]?.weekday ?? 1) - 1).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const rows: (CalendarDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) rows.push(cells.slice(i, i + 7));
  return rows;
}

/**
 * One month of a business calendar: weekends and holidays shaded (the holiday's name in the
 * cell and its tooltip), and, for a schedule, the days it fires on, with dates a convention
 * moved marked as such.
 */
export function MonthGrid({
  days,
  fires = new Map(),
  zone,
  label,
}: {
  days: readonly CalendarDay[];
  /** Fire times by local date (in the schedule's zone). */
  fires?: ReadonlyMap<string, readonly FireTime[]>;
  zone?: string;
  label: string;
}) {
  const today = todayLocal();
  return (
    <table className="cl-month" aria-label={label}>
      <thead>
        <tr>
          {WEEKDAYS.map((d) => (
            <th key={d.value} scope="col" abbr={d.long}>
              {d.short}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks(days).map((week, w) => (
          <tr key={w}>
            {week.map((day, i) => {
              if (!day) return <td key={`blank-${i}`} className="cl-month__blank" />;
              const onDay = fires.get(day.date) ?? [];
              const moved = onDay.some((f) => f.movedFrom);
              const description = describeDay(day, onDay, zone);
              return (
                <td
                  key={day.date}
                  data-date={day.date}
                  data-kind={kindOf(day)}
                  data-fires={onDay.length > 0 ? (moved ? 'moved' : 'true') : undefined}
                  data-today={day.date === today ? 'true' : undefined}
                  aria-label={description}
                  title={description}
                >
                  <span className="cl-month__number">{Number(day.date.slice(8))}</span>
                  {day.holiday && <span className="cl-month__holiday">{day.holiday}</span>}
                  {onDay.length > 0 && (
                    <span className="cl-month__fire">
                      {moved ? '↷ ' : '● '}
                      {onDay[0]?.localTime}
                      {onDay.length > 1 ? ` +${onDay.length - 1}` : ''}
                    </span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the shades and marks of the grid mean. */
export function MonthLegend({ withFires }: { withFires: boolean }) {
  return (
    <ul className="cl-month-legend" aria-label="Legend">
      <li>
        <span className="cl-month-legend__swatch" data-kind="business" aria-hidden /> business day
      </li>
      <li>
        <span className="cl-month-legend__swatch" data-kind="weekend" aria-hidden /> weekend
      </li>
      <li>
        <span className="cl-month-legend__swatch" data-kind="holiday" aria-hidden /> holiday
      </li>
      {withFires && (
        <>
          <li>● fires</li>
          <li>↷ fires, moved here from a closed day</li>
        </>
      )}
    </ul>
  );
}
