import type { JsonValue } from '@shared/domain/audit';
import type { Pin, Pins } from '../definitions/validate-definition';
import type { WorkflowModel } from '../definitions/workflow-model';

/** What the pure interpreter may ask of the outside world: all deterministic, none with side effects. */
export interface InterpreterServices {
  /** Evaluates a FEEL expression (strict: unknown names are errors). Throws an error with a `code`. */
  evaluate(source: string, context: { [key: string]: JsonValue }): JsonValue;
  /** Evaluates the pinned version of a deployed decision table. Throws an error with code UNIQUE_VIOLATION when a UNIQUE table matches twice. */
  decide(table: string, pin: Pin, input: { [key: string]: JsonValue }): { result: JsonValue; matchedRules: { index: number; id: string | null }[] };
  /**
   * The instant `days` business days after `fromMs` in a site calendar, at a local time of
   * day if given, counted in `zone` (default: the calendar's zone). Throws with code
   * NO_CALENDAR when the site has no such calendar.
   */
  addBusinessDays(wait: { fromMs: number; days: number; calendar: string; at?: string; zone?: string }): number;
}

export interface TransitionContext {
  instanceId: string;
  model: WorkflowModel;
  pins: Pins;
  now: number;
  services: InterpreterServices;
}

/** An error thrown by a service, turned into a step error. */
export function stepErrorOf(error: unknown, fallbackCode: string): { code: string; message: string; retryable: boolean } {
  const code = (error as { code?: unknown })?.code;
  return { code: typeof code === 'string' ? code : fallbackCode, message: (error as Error)?.message ?? String(error), retryable: false };
}
