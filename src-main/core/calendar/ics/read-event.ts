import { Temporal } from 'temporal-polyfill';
import type { Problem } from '@shared/domain/problems';
import { toIsoDate } from '../iso-date';
import { unescapeText, type ContentLine, type Position } from './content-lines';
import { expandYearly, isRuleError, parseYearlyRule } from './yearly-rule';

/**
 * One VEVENT read as a holiday: its start dates (DTSTART, the RRULE expansion, RDATE, less
 * EXDATE), its length in days and its name. Faults are reported, never thrown.
 */

export type Report = (severity: Problem['severity'], code: string, message: string, position: Position, path: string) => void;

export interface EventLines {
  index: number;
  begin: Position;
  props: ContentLine[];
  /** Only events that reach END:VEVENT are imported: a cut-off file must not yield half an event. */
  closed: boolean;
}

export interface Occurrences {
  uid: string | undefined;
  recurrenceId: string | undefined;
  starts: Temporal.PlainDate[];
  days: number;
  name: string;
}

/** Longer "holidays" are almost always a wrong DTEND (a year instead of a day). */
const MAX_EVENT_DAYS = 366;

interface DateValue {
  date: Temporal.PlainDate;
  timed: boolean;
}

/** A DATE (YYYYMMDD) or DATE-TIME (YYYYMMDDTHHMMSS[Z]) value; a DATE-TIME is reduced to its date. */
function dateValue(text: string): DateValue | null {
  const match = /^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?$/.exec(text.trim());
  if (!match) return null;
  try {
    const date = Temporal.PlainDate.from({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }, { overflow: 'reject' });
    return { date, timed: match[4] !== undefined };
  } catch {
    return null;
  }
}

/** Lists of dates (RDATE, EXDATE): comma-separated values, each with its own position. */
function dateList(line: ContentLine, path: string, report: Report): Temporal.PlainDate[] {
  const dates: Temporal.PlainDate[] = [];
  let offset = line.valueOffset;
  for (const part of line.value.split(',')) {
    const value = dateValue(part);
    if (value) dates.push(value.date);
    else
      report(
        'error',
        'ics-bad-date',
        `${line.name}: ${JSON.stringify(part)} is not a date (YYYYMMDD) or date-time; periods are not supported`,
        line.at(offset),
        path,
      );
    offset += part.length + 1;
  }
  return dates;
}

export function readEvent(event: EventLines, horizonYear: number, report: Report): Occurrences | null {
  const path = `events.${event.index}`;
  const prop = (name: string): ContentLine | undefined => event.props.find((p) => p.name === name);
  const value = (line: ContentLine, field: string): DateValue | null => {
    const parsed = dateValue(line.value);
    if (!parsed)
      report(
        'error',
        'ics-bad-date',
        `${field}: ${JSON.stringify(line.value)} is not a date (YYYYMMDD) or date-time`,
        line.at(line.valueOffset),
        `${path}.${field}`,
      );
    return parsed;
  };

  if (prop('STATUS')?.value.trim().toUpperCase() === 'CANCELLED') return null;

  const dtstart = prop('DTSTART');
  if (!dtstart) {
    report('error', 'ics-missing-dtstart', 'an event without DTSTART has no date', event.begin, path);
    return null;
  }
  const start = value(dtstart, 'DTSTART');
  if (!start) return null;
  if (start.timed) {
    report(
      'warning',
      'ics-timed-event',
      `a holiday is a whole day: the event at ${dtstart.value} is taken as ${toIsoDate(start.date)}`,
      dtstart.at(0),
      `${path}.DTSTART`,
    );
  }

  let days = 1;
  const dtend = prop('DTEND');
  const duration = prop('DURATION');
  if (dtend) {
    const end = value(dtend, 'DTEND');
    if (end) {
      const length = start.date.until(end.date, { largestUnit: 'day' }).days;
      // DTEND is exclusive: a timed event ending at midnight ends the day before, one ending later covers its end date.
      const span = !end.timed || /T000000Z?$/.test(dtend.value.trim()) ? length : length + 1;
      if (length < 0)
        report('error', 'ics-bad-dtend', `DTEND ${dtend.value} is before DTSTART ${dtstart.value}; taken as a one-day event`, dtend.at(0), `${path}.DTEND`);
      else if (span === 0)
        report('warning', 'ics-empty-event', 'DTEND equals DTSTART (DTEND is exclusive); taken as a one-day event', dtend.at(0), `${path}.DTEND`);
      else days = span;
    }
  } else if (duration) {
    const match = /^P(\d+)([DW])$/.exec(duration.value.trim());
    if (match) days = Math.max(1, Number(match[1]) * (match[2] === 'W' ? 7 : 1));
    else
      report(
        'error',
        'ics-unsupported-duration',
        `DURATION ${duration.value}: only whole days or weeks (PnD, PnW) make sense for a holiday; taken as one day`,
        duration.at(duration.valueOffset),
        `${path}.DURATION`,
      );
  }
  if (days > MAX_EVENT_DAYS) {
    report('error', 'ics-too-long', `an event of ${days} days is not a holiday (check DTEND); skipped`, (dtend ?? duration ?? dtstart).at(0), path);
    return null;
  }

  const summary = prop('SUMMARY');
  const name = summary ? unescapeText(summary.value).trim() : '';
  if (!name) report('warning', 'ics-missing-summary', 'an event without SUMMARY is imported as "Holiday"', summary?.at(0) ?? event.begin, `${path}.SUMMARY`);

  let starts = [start.date];
  const rrules = event.props.filter((p) => p.name === 'RRULE');
  for (const [i, rrule] of rrules.entries()) {
    if (i > 0) {
      report('error', 'ics-unsupported-rrule', 'only one RRULE per event is supported; this one is ignored', rrule.at(0), `${path}.RRULE`);
      continue;
    }
    const rule = parseYearlyRule(rrule.value);
    if (isRuleError(rule)) {
      report(
        'error',
        'ics-unsupported-rrule',
        `${rule.message}; only the first occurrence (${toIsoDate(start.date)}) is imported`,
        rrule.at(rrule.valueOffset + rule.offset),
        `${path}.RRULE`,
      );
    } else {
      starts = expandYearly(rule, start.date, horizonYear);
    }
  }
  for (const rdate of event.props.filter((p) => p.name === 'RDATE')) starts.push(...dateList(rdate, `${path}.RDATE`, report));
  const excluded = new Set(event.props.filter((p) => p.name === 'EXDATE').flatMap((p) => dateList(p, `${path}.EXDATE`, report).map(toIsoDate)));
  starts = starts.filter((d) => !excluded.has(toIsoDate(d)));

  const recurrence = prop('RECURRENCE-ID');
  return {
    uid: prop('UID')?.value.trim(),
    recurrenceId: recurrence ? dateValue(recurrence.value)?.date.toString() : undefined,
    starts,
    days,
    name: name || 'Holiday',
  };
}
