import type { Problem } from '@shared/domain/problems';
import type { HolidayEntry } from '../business-calendar';
import { toIsoDate } from '../iso-date';
import { contentLines, isLineError, type Position } from './content-lines';
import { readEvent, type EventLines, type Occurrences } from './read-event';

/**
 * Holiday lists from iCalendar files (RFC 5545), as banks, central banks and governments
 * publish them: every VEVENT is a closed day, or a run of closed days.
 * - All-day events (DTSTART;VALUE=DATE): DTEND is exclusive (a one-day holiday on 25
 *   December ends on the 26th); without DTEND an all-day event lasts one day, or DURATION
 *   (PnD, PnW) days.
 * - Timed events: a holiday is a whole day, so the date of the start is taken as is (in the
 *   event's own zone) with a warning.
 * - RRULE: fixed-date yearly rules only (yearly-rule.ts), expanded through `horizonYear`
 *   (default 2099) when they have no COUNT or UNTIL; RDATE and EXDATE (dates) are honoured;
 *   an event with RECURRENCE-ID replaces that occurrence of the event with its UID.
 * - STATUS:CANCELLED events are skipped; other components (VTIMEZONE, VALARM, VTODO) are
 *   ignored.
 * Nothing throws: every fault becomes a Problem with its line and column, and what could be
 * read is returned, so an import preview can show both.
 */

export interface IcsOptions {
  /** Last year into which open-ended yearly rules are expanded (default 2099). */
  horizonYear?: number;
}

export const DEFAULT_ICS_HORIZON_YEAR = 2099;

export function parseIcs(text: string, file: string, options: IcsOptions = {}): { holidays: HolidayEntry[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const report = (severity: Problem['severity'], code: string, message: string, position: Position, path: string): void => {
    problems.push({ severity, code, message, file, line: position.line, column: position.column, path });
  };

  const lines = contentLines(text);
  const first = lines[0];
  if (!first || isLineError(first) || first.name !== 'BEGIN' || first.value.toUpperCase() !== 'VCALENDAR') {
    report(
      'error',
      'ics-not-calendar',
      'not an iCalendar file: it must start with BEGIN:VCALENDAR',
      first && !isLineError(first) ? first.at(0) : { line: 1, column: 1 },
      '',
    );
    return { holidays: [], problems };
  }

  const events: EventLines[] = [];
  const stack: { name: string; begin: Position }[] = [];
  let current: EventLines | undefined;
  let ended = false;
  for (const line of lines) {
    if (isLineError(line)) {
      report('error', 'ics-syntax', line.message, line.position, current ? `events.${current.index}` : '');
      continue;
    }
    if (ended) {
      report('error', 'ics-structure', `content after END:VCALENDAR`, line.at(0), '');
      break;
    }
    if (line.name === 'BEGIN') {
      const name = line.value.toUpperCase();
      stack.push({ name, begin: line.at(0) });
      if (name === 'VEVENT' && stack.length === 2) {
        current = { index: events.length, begin: line.at(0), props: [], closed: false };
        events.push(current);
      }
    } else if (line.name === 'END') {
      const name = line.value.toUpperCase();
      const open = stack.findLastIndex((c) => c.name === name);
      if (open < 0) {
        report('error', 'ics-structure', `END:${name} without BEGIN:${name}`, line.at(0), current ? `events.${current.index}` : '');
        continue;
      }
      for (const unclosed of stack.slice(open + 1)) report('error', 'ics-structure', `BEGIN:${unclosed.name} is never ended`, unclosed.begin, '');
      if (name === 'VEVENT' && open === 1 && current) current.closed = true;
      // Ending the event, or the calendar around an unclosed event, leaves the event.
      if (open < 2) current = undefined;
      stack.length = open;
      if (stack.length === 0) ended = true;
    } else if (current && stack.length === 2) {
      current.props.push(line);
    }
  }
  for (const unclosed of stack) report('error', 'ics-structure', `BEGIN:${unclosed.name} is never ended`, unclosed.begin, '');

  const horizonYear = options.horizonYear ?? DEFAULT_ICS_HORIZON_YEAR;
  const read = events
    .filter((e) => e.closed)
    .map((event) => readEvent(event, horizonYear, report))
    .filter((o): o is Occurrences => o !== null);

  // RECURRENCE-ID events replace one occurrence of the recurring event with the same UID.
  const replaced = new Set(read.filter((o) => o.recurrenceId !== undefined).map((o) => `${o.uid}|${o.recurrenceId}`));
  const seen = new Set<string>();
  const holidays: HolidayEntry[] = [];
  for (const event of read) {
    for (const start of event.starts) {
      if (event.recurrenceId === undefined && replaced.has(`${event.uid}|${toIsoDate(start)}`)) continue;
      for (let d = 0; d < event.days; d++) {
        const date = toIsoDate(start.add({ days: d }));
        const key = `${date}|${event.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        holidays.push({ date, name: event.name });
      }
    }
  }
  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.name.localeCompare(b.name)));
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { holidays, problems };
}
