import type { AuditEvent, JsonValue } from '@shared/domain/audit';
import { formatTime } from '../../ui/format';

export type Tone = 'ok' | 'info' | 'warn' | 'error' | 'operator';

/** One audit event of an instance, in plain words, with the details an operator checks. */
export interface TimelineEntry {
  title: string;
  tone: Tone;
  /** The step it concerns, when it concerns one. */
  step: string | null;
  /** Short facts: "Table version": "v3", "Matched rules": "#2 (r-big)". */
  facts: { label: string; value: string; mono?: boolean }[];
  /** The reason an operator gave. */
  reason: string | null;
  /** Larger values shown on demand: an effect's input and result, a decision's result. */
  data: { label: string; value: JsonValue }[];
  /** A child instance it started. */
  child: string | null;
}

type Payload = Record<string, JsonValue>;

const str = (p: Payload, key: string): string | null => {
  const v = p[key];
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
};
const num = (p: Payload, key: string): number | null => (typeof p[key] === 'number' ? (p[key] as number) : null);
const obj = (v: JsonValue | undefined): Payload | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Payload) : null);

function errorFacts(p: Payload): { label: string; value: string; mono?: boolean }[] {
  const error = obj(p.error);
  if (!error) return [];
  const facts: { label: string; value: string; mono?: boolean }[] = [];
  if (typeof error.code === 'string') facts.push({ label: 'Error', value: error.code, mono: true });
  if (typeof error.message === 'string') facts.push({ label: 'Message', value: error.message });
  return facts;
}

function hasContent(value: JsonValue | undefined): value is JsonValue {
  if (value === undefined || value === null) return false;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/**
 * Describes an instance's audit event. `stepOf` names the step of an activation id (the
 * operator requests carry only the activation).
 */
export function describeEvent(event: AuditEvent, stepOf: (activation: string) => string | null = () => null): TimelineEntry {
  const p = event.payload;
  const step = str(p, 'step') ?? (str(p, 'activation') ? stepOf(str(p, 'activation') as string) : null);
  const s = step ?? 'a step';
  const entry: TimelineEntry = { title: event.action, tone: 'info', step, facts: [], reason: str(p, 'reason'), data: [], child: null };
  const attempt = num(p, 'attempt');
  const attemptFact = attempt !== null && attempt > 1 ? [{ label: 'Attempt', value: String(attempt) }] : [];

  switch (event.action) {
    case 'instance.created': {
      entry.title = 'Instance created';
      entry.facts = [{ label: 'Workflow', value: `${str(p, 'workflow') ?? '?'} v${str(p, 'version') ?? '?'}` }];
      if (str(p, 'businessKey')) entry.facts.push({ label: 'Business key', value: str(p, 'businessKey') as string });
      if (str(p, 'contentHash')) entry.facts.push({ label: 'Content hash', value: (str(p, 'contentHash') as string).slice(0, 16), mono: true });
      if (hasContent(p.input)) entry.data.push({ label: 'Input', value: p.input });
      break;
    }
    case 'instance.started':
      entry.title = 'Engine started the instance';
      break;
    case 'effect.requested':
      entry.title = `${s}: called ${str(p, 'connector') ?? '?'}.${str(p, 'action') ?? '?'}`;
      entry.facts = [...attemptFact];
      if (str(p, 'idempotencyKey')) entry.facts.push({ label: 'Idempotency key', value: str(p, 'idempotencyKey') as string, mono: true });
      if (hasContent(p.input)) entry.data.push({ label: 'Request', value: p.input });
      break;
    case 'effect.completed':
      entry.title = `${s}: the call succeeded`;
      entry.tone = 'ok';
      entry.facts = [...attemptFact];
      if (p.result !== undefined) entry.data.push({ label: 'Result', value: p.result });
      break;
    case 'effect.failed':
      entry.title = `${s}: the call failed`;
      entry.tone = 'error';
      entry.facts = [...attemptFact, ...errorFacts(p)];
      break;
    case 'effect.result-ignored':
      entry.title = 'A late call result was recorded and ignored (its step had been cancelled)';
      break;
    case 'decision.evaluated': {
      entry.title = `${s}: decision table ${str(p, 'table') ?? '?'} v${str(p, 'version') ?? '?'} evaluated`;
      entry.tone = 'ok';
      const rules = Array.isArray(p.matchedRules) ? p.matchedRules.map(obj).filter((r): r is Payload => r !== null) : [];
      entry.facts = [
        { label: 'Table', value: `${str(p, 'table') ?? '?'} v${str(p, 'version') ?? '?'}` },
        { label: 'Table hash', value: (str(p, 'contentHash') ?? '').slice(0, 16), mono: true },
        {
          label: 'Matched rules',
          value: rules.length === 0 ? 'none' : rules.map((r) => `#${(num(r, 'index') ?? 0) + 1}${str(r, 'id') ? ` (${str(r, 'id')})` : ''}`).join(', '),
        },
      ];
      if (p.result !== undefined) entry.data.push({ label: 'Result', value: p.result });
      if (hasContent(p.input)) entry.data.push({ label: 'Input', value: p.input });
      break;
    }
    case 'branch.taken': {
      const branch = p.branch;
      entry.title = `${s}: ${branch === 'default' ? 'took the default branch' : `took branch ${typeof branch === 'number' ? branch + 1 : '?'}`} → ${str(p, 'next') ?? '?'}`;
      break;
    }
    case 'step.completed': {
      entry.title = `${s} completed`;
      entry.tone = 'ok';
      entry.facts = [...attemptFact];
      if (hasContent(p.outputs)) entry.data.push({ label: 'Outputs', value: p.outputs });
      break;
    }
    case 'step.error':
      entry.title = `${s}: error`;
      entry.tone = 'error';
      entry.facts = errorFacts(p);
      break;
    case 'step.failed':
      entry.title = `${s} failed; routed to ${str(p, 'routedTo') ?? '?'}`;
      entry.tone = 'warn';
      entry.facts = [...attemptFact, ...errorFacts(p)];
      break;
    case 'retry.scheduled':
      entry.title = `${s}: attempt ${str(p, 'attempt') ?? '?'} failed; attempt ${str(p, 'next') ?? '?'} at ${formatTime(str(p, 'at')).slice(11)}`;
      entry.tone = 'warn';
      entry.facts = errorFacts(p);
      break;
    case 'incident.raised':
      entry.title = `Incident on ${s}: ${str(p, 'type') ?? '?'}`;
      entry.tone = 'error';
      entry.facts = [{ label: 'Attempts', value: str(p, 'attempts') ?? '?' }, ...errorFacts(p)];
      break;
    case 'instance.retry-requested':
      entry.title = `Retry of ${s} requested`;
      entry.tone = 'operator';
      break;
    case 'step.retried-by-operator':
      entry.title = `${s} retried by ${event.actor.kind === 'user' ? event.actor.username : 'an operator'}`;
      entry.tone = 'operator';
      break;
    case 'instance.skip-requested':
      entry.title = `Skip of ${s} requested`;
      entry.tone = 'operator';
      break;
    case 'step.skipped':
      entry.title = `${s} skipped`;
      entry.tone = 'operator';
      if (p.value !== undefined) entry.data.push({ label: 'Value given', value: p.value });
      break;
    case 'instance.reconcile-requested':
      entry.title = `Reconciliation of ${s} requested`;
      entry.tone = 'operator';
      break;
    case 'step.reconciled':
      entry.title = `${s} reconciled as ${p.done === true ? 'done' : 'not done (it runs again)'}`;
      entry.tone = 'operator';
      if (p.done === true && p.value !== undefined) entry.data.push({ label: 'Result given', value: p.value });
      break;
    case 'operator.request-ignored':
      entry.title = `${str(p, 'action') ?? 'A'} request ignored: ${str(p, 'reason') ?? ''}`;
      entry.reason = null;
      break;
    case 'instance.suspended':
      entry.title = 'Instance suspended';
      entry.tone = 'operator';
      break;
    case 'instance.resumed':
      entry.title = 'Instance resumed';
      entry.tone = 'operator';
      break;
    case 'instance.cancel-requested':
      entry.title = 'Cancellation requested';
      entry.tone = 'operator';
      break;
    case 'instance.unwinding': {
      entry.title = 'Unwinding: completed steps are compensated';
      entry.tone = 'warn';
      const compensations = Array.isArray(p.compensations) ? p.compensations.filter((c) => typeof c === 'string') : [];
      entry.facts = [{ label: 'Compensations', value: compensations.length ? compensations.join(', ') : 'none' }];
      break;
    }
    case 'instance.completed':
      entry.title = 'Instance completed';
      entry.tone = 'ok';
      break;
    case 'instance.failed':
      entry.title = 'Instance failed';
      entry.tone = 'error';
      break;
    case 'instance.cancelled':
      entry.title = 'Instance cancelled';
      entry.tone = 'error';
      break;
    case 'wait.started':
      entry.title = `${s}: waiting until ${formatTime(str(p, 'until'))}`;
      break;
    case 'wait.elapsed':
      entry.title = `${s}: the wait elapsed`;
      break;
    case 'signal.awaited':
      entry.title = `${s}: waiting for the signal ${str(p, 'signal') ?? '?'}`;
      if (str(p, 'correlationKey')) entry.facts = [{ label: 'Correlation key', value: str(p, 'correlationKey') as string, mono: true }];
      break;
    case 'signal.received':
      entry.title = `${s}: signal ${str(p, 'signal') ?? '?'} received`;
      if (str(p, 'correlationKey')) entry.facts = [{ label: 'Correlation key', value: str(p, 'correlationKey') as string, mono: true }];
      break;
    case 'call.started':
      entry.title = `${s}: started sub-workflow ${str(p, 'workflow') ?? '?'} v${str(p, 'version') ?? '?'}`;
      entry.child = str(p, 'child');
      break;
    case 'parallel.joined':
      entry.title = `${s}: ${str(p, 'finished') ?? '?'} of ${str(p, 'of') ?? '?'} branches finished; joined`;
      break;
    case 'loop.finished':
      entry.title = `${s}: loop finished after ${str(p, 'iterations') ?? '?'} iterations`;
      break;
    case 'human-work.requested':
      entry.title = `${s}: waiting for a person`;
      break;
    case 'step.cancelled':
      entry.title = `${s} cancelled`;
      entry.tone = 'warn';
      break;
    default: {
      entry.title = event.action;
      const rest = Object.fromEntries(Object.entries(p).filter(([k]) => !['workflow', 'version', 'reason'].includes(k)));
      if (Object.keys(rest).length > 0) entry.data.push({ label: 'Details', value: rest });
    }
  }
  if (event.outcome === 'refused') entry.tone = 'warn';
  if (event.outcome === 'failed') entry.tone = 'error';
  return entry;
}
