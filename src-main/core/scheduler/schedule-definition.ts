import type { JsonValue } from '@shared/domain/audit';
import type { ScheduleInput } from '@shared/contract/schedules';
import { toTimestamp } from '@shared/domain/time';
import type { CalendarLookup } from '../calendar';
import { ScheduleSpec, type ResolvedSpec } from '../schedule-rules';
import { AppError } from '../dispatch/app-error';
import type { ExpressionCache } from '../engine/runtime/evaluation';
import { localDateOf } from './calendar-views';

/** What a schedule's input expressions may use at each fire. */
export function fireContext(
  name: string,
  spec: { zone: string },
  scheduledFor: number,
  trigger: 'scheduled' | 'misfire' | 'manual',
): { [key: string]: JsonValue } {
  return { fireTime: toTimestamp(scheduledFor), businessDate: localDateOf(scheduledFor, spec.zone), scheduleName: name, trigger };
}

/** The run's input: each field's FEEL expression evaluated in the fire context. Throws naming the field. */
export function evaluateInput(definition: ScheduleInput, context: { [key: string]: JsonValue }, expressions: ExpressionCache, now: number) {
  const input: { [key: string]: JsonValue } = {};
  for (const [field, source] of Object.entries(definition.input)) {
    try {
      input[field] = expressions.evaluate(source, context, now);
    } catch (error) {
      throw new Error(`input.${field}: ${(error as Error).message}`);
    }
  }
  return input;
}

type Issue = { path: string; message: string };

/** The spec with its calendar, or why not (a missing calendar names how to get one). */
export function resolveSpec(spec: ScheduleInput['spec'], calendars: CalendarLookup): ResolvedSpec | Issue[] {
  const parsed = ScheduleSpec.safeParse(spec);
  const issues: Issue[] = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: ['spec', ...i.path.map(String)].join('.'), message: i.message }));
  const site = typeof spec.calendar === 'string' ? calendars(spec.calendar) : null;
  if (!site && !issues.some((i) => i.path === 'spec.calendar')) {
    issues.push({
      path: 'spec.calendar',
      message: `this site has no business calendar "${spec.calendar}"; import one (Schedules › Calendars, or clearline calendar import)`,
    });
  }
  if (!parsed.success || !site) return issues;
  return { ...parsed.data, calendarValue: site.calendar };
}

export function invalidIssues(issues: Issue[]): AppError {
  return new AppError(400, 'invalid_input', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
}

/**
 * Checks a schedule before it is saved: the spec (dates, zone, cron), its calendar, the
 * workflow, the input expressions (evaluated once against a sample fire), and that a cut-off
 * comes after the fire time. Returns the resolved spec; throws a 400 naming every field at fault.
 */
export function checkDefinition(
  definition: ScheduleInput,
  context: { calendars: CalendarLookup; workflowDeployed: boolean; expressions: ExpressionCache; now: number },
): ResolvedSpec {
  const resolved = resolveSpec(definition.spec, context.calendars);
  const issues: Issue[] = Array.isArray(resolved) ? [...resolved] : [];
  if (!context.workflowDeployed) issues.push({ path: 'workflow', message: `no workflow "${definition.workflow}" is deployed; deploy it first` });
  // A sample fire now; in UTC when the zone itself is at fault (it is reported above).
  const sample = fireContext(definition.name, Array.isArray(resolved) ? { zone: 'UTC' } : resolved, context.now, 'scheduled');
  for (const [field, source] of Object.entries(definition.input)) {
    try {
      context.expressions.evaluate(source, sample, context.now);
    } catch (error) {
      issues.push({ path: `input.${field}`, message: `${(error as Error).message}; the expression may use fireTime, businessDate, scheduleName and trigger` });
    }
  }
  const { cutoff, spec } = definition;
  if (cutoff && cutoff.dayOffset === 0 && spec.time !== undefined && cutoff.time <= spec.time) {
    issues.push({
      path: 'cutoff.time',
      message: `the cut-off ${cutoff.time} is not after the fire time ${spec.time} on the same day; give a later time or a dayOffset of 1 or more`,
    });
  }
  if (issues.length > 0) throw invalidIssues(issues);
  return resolved as ResolvedSpec;
}
