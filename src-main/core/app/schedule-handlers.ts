import type { scheduleOps } from '@shared/contract/schedules';
import type { AuditActor } from '@shared/domain/audit';
import { caller, type Handlers } from '../dispatch/handlers';
import { userActor } from '../auth/principal';
import type { CoreServices } from './core-services';

type ScheduleHandlers = Pick<Handlers, keyof typeof scheduleOps>;
type UserActor = AuditActor & { kind: 'user' };

/** Schedules and business calendars. */
export function scheduleHandlers(s: CoreServices): ScheduleHandlers {
  const person = (ctx: Parameters<typeof caller>[0]) => userActor(caller(ctx).user) as UserActor;
  return {
    'calendars.list': async () => s.calendars.list(),
    'calendars.get': async (input) => s.calendars.get(input.name, input.from, input.to),
    'calendars.month': async (input) => s.calendars.month(input.name, input.year, input.month),
    'calendars.import': async (input, ctx) => s.calendars.import(person(ctx), input),
    'calendars.combine': async (input, ctx) => s.calendars.combine(person(ctx), input),
    'schedules.list': async () => s.schedules.list(),
    'schedules.get': async (input) => s.schedules.get(input.scheduleId, input.next),
    'schedules.preview': async (input) => s.schedules.preview(input.spec, input.count, input.after),
    'schedules.history': async (input) => s.schedules.history(input.scheduleId, input.limit, input.cursor),
    'schedules.create': async (input, ctx) => s.schedules.create(person(ctx), input),
    'schedules.update': async (input, ctx) => s.schedules.update(person(ctx), input.scheduleId, input.revision, input.definition),
    'schedules.pause': async (input, ctx) => s.schedules.pause(person(ctx), input.scheduleId, input.reason),
    'schedules.resume': async (input, ctx) => s.schedules.resume(person(ctx), input.scheduleId),
    'schedules.runNow': async (input, ctx) => s.schedules.runNow(person(ctx), input.scheduleId, input.reason),
  };
}
