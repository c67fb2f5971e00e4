import type { z } from 'zod';
import type { Sla } from '@shared/domain/workflow/definition';
import { addBusinessDaysAt, addBusinessHours, type CalendarLookup } from '../calendar';
import { addDuration } from '../engine/interpreter/durations';

export type SlaSpec = z.infer<typeof Sla>;

export type { CalendarLookup } from '../calendar';

export class UnknownCalendarError extends Error {
  constructor(name: string) {
    super(`the SLA names calendar "${name}", which this site does not have`);
    this.name = 'UnknownCalendarError';
  }
}

/** When work started at `startMs` is due: after a plain duration, or after business days or hours in a calendar. */
export function dueAt(sla: SlaSpec, startMs: number, calendars: CalendarLookup): number {
  if (sla.within) return addDuration(startMs, sla.within);
  const site = calendars(sla.calendar as string);
  if (!site) throw new UnknownCalendarError(sla.calendar as string);
  // Without a zone of its own, an SLA counts in its calendar's zone (TARGET2 days in Frankfurt time).
  const zone = sla.zone ?? site.zone;
  if (sla.businessDays !== undefined) return addBusinessDaysAt(site.calendar, startMs, sla.businessDays, zone);
  return addBusinessHours(site.calendar, startMs, sla.businessHours as number, zone, sla.hours);
}

/** The instants of each escalation step: the breach plus each step's `after`. */
export function escalationTimes(sla: SlaSpec, due: number): number[] {
  return sla.escalations.map((e) => addDuration(due, e.after));
}
