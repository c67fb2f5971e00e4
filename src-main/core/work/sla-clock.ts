import type { z } from 'zod';
import type { Sla } from '@shared/domain/workflow/definition';
import { addBusinessDaysAt, addBusinessHours, type BusinessCalendar } from '../calendar';
import { addDuration } from '../engine/interpreter/durations';

export type SlaSpec = z.infer<typeof Sla>;

/** Business calendars by name (the scheduler's calendars). */
export type CalendarLookup = (name: string) => BusinessCalendar | null;

export class UnknownCalendarError extends Error {
  constructor(name: string) {
    super(`the SLA names calendar "${name}", which this site does not have`);
    this.name = 'UnknownCalendarError';
  }
}

/** When work started at `startMs` is due: after a plain duration, or after business days or hours in a calendar. */
export function dueAt(sla: SlaSpec, startMs: number, calendars: CalendarLookup): number {
  if (sla.within) return addDuration(startMs, sla.within);
  const calendar = calendars(sla.calendar as string);
  if (!calendar) throw new UnknownCalendarError(sla.calendar as string);
  if (sla.businessDays !== undefined) return addBusinessDaysAt(calendar, startMs, sla.businessDays, sla.zone);
  return addBusinessHours(calendar, startMs, sla.businessHours as number, sla.zone, sla.hours);
}

/** The instants of each escalation step: the breach plus each step's `after`. */
export function escalationTimes(sla: SlaSpec, due: number): number[] {
  return sla.escalations.map((e) => addDuration(due, e.after));
}
