import type { AuditEvent, JsonValue } from '@shared/domain/audit';
import type { TimelineEntry, TimelineKind } from '@shared/contract/evidence';

/**
 * An instance's audit events read as its decision chain: what each one is (for grouping
 * and icons) and one line in words. The line is derived from the payload the event carries
 * and never replaces it: the event itself stays the evidence.
 */
type Payload = AuditEvent['payload'];

const KIND_BY_ACTION: Record<string, TimelineKind> = {
  'instance.created': 'input',
  'schedule.run-started': 'input',
  'signal.received': 'input',
  'decision.evaluated': 'decision',
  'branch.taken': 'flow',
  'wait.started': 'flow',
  'wait.elapsed': 'flow',
  'signal.awaited': 'flow',
  'loop.finished': 'flow',
  'parallel.joined': 'flow',
  'call.started': 'flow',
  'human-work.requested': 'human-work',
  'data.changed': 'human-work',
  'approval.break-glass': 'control',
  'data.unmasked': 'control',
  'access.refused': 'control',
  'effect.requested': 'connector',
  'effect.failed': 'connector',
  'effect.result-ignored': 'connector',
  'retry.scheduled': 'connector',
  'step.error': 'exception',
  'step.failed': 'exception',
  'flag.raised': 'exception',
  'flag.cleared': 'operator',
  'instance.cancel-requested': 'operator',
  'instance.suspended': 'operator',
  'instance.resumed': 'operator',
  'step.retried-by-operator': 'operator',
  'step.reconciled': 'operator',
  'step.skipped': 'operator',
  'operator.request-ignored': 'operator',
  'instance.started': 'state',
  'instance.unwinding': 'state',
  'instance.completed': 'state',
  'instance.failed': 'state',
  'instance.cancelled': 'state',
  'step.cancelled': 'state',
};

const KIND_BY_PREFIX: [string, TimelineKind][] = [
  ['approval.', 'approval'],
  ['task.sla-breached', 'exception'],
  ['task.escalated', 'exception'],
  ['task.', 'human-work'],
  ['incident.', 'exception'],
  ['schedule.', 'input'],
];

function kindOf(event: AuditEvent): TimelineKind {
  if (event.action === 'step.completed') return event.payload.effect !== undefined ? 'connector' : 'flow';
  return KIND_BY_ACTION[event.action] ?? KIND_BY_PREFIX.find(([prefix]) => event.action.startsWith(prefix))?.[1] ?? 'other';
}

/** A JSON value in one short line. */
function brief(value: JsonValue | undefined, max = 160): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value ?? null) ?? 'null');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function text(p: Payload, key: string): string | null {
  const value = p[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

function who(event: AuditEvent): string {
  const a = event.actor;
  switch (a.kind) {
    case 'user':
      return a.username;
    case 'schedule':
      return `schedule ${a.scheduleId}`;
    case 'cli':
      return `${a.osUser}@${a.host} (CLI)`;
    case 'system':
      return a.component;
    case 'anonymous':
      return 'anonymous';
  }
}

function summaryOf(event: AuditEvent): string {
  const p = event.payload;
  const reason = text(p, 'reason');
  const because = reason ? `: ${reason}` : '';
  switch (event.action) {
    case 'instance.created':
      return `started ${text(p, 'workflow')} v${text(p, 'version')} by ${who(event)}${p.businessKey ? ` (business key ${brief(p.businessKey)})` : ''} with input ${brief(p.input)}`;
    case 'decision.evaluated': {
      const rules = Array.isArray(p.matchedRules)
        ? p.matchedRules.map((r) => brief((r as { id?: JsonValue; index?: JsonValue }).id ?? (r as { index?: JsonValue }).index ?? null))
        : [];
      const input = p.input === null || p.input === undefined ? '' : ` on ${brief(p.input, 120)}`;
      return `decision table ${text(p, 'table')} v${text(p, 'version')}${input}: ${rules.length ? `rules ${rules.join(', ')} matched` : 'no rule matched'} → ${brief(p.result)}`;
    }
    case 'effect.requested':
      return `called ${text(p, 'connector')}.${text(p, 'action')} (attempt ${text(p, 'attempt')}) with ${brief(p.input, 120)}`;
    case 'step.completed':
      return p.effect !== undefined ? `${text(p, 'step')} done: ${brief(p.effect, 120)}` : `${text(p, 'step')} done`;
    case 'effect.failed':
    case 'step.failed':
    case 'step.error':
      return `${text(p, 'step') ?? 'a step'} failed: ${brief(p.error, 160)}`;
    case 'branch.taken':
      return `${text(p, 'step')}: took branch ${text(p, 'branch')} → ${text(p, 'next')}`;
    case 'approval.break-glass':
      return `${who(event)} overrode a control on level ${text(p, 'level')}${because} (overridden: ${text(p, 'overridden')})`;
    case 'data.changed':
      return `${who(event)} changed ${brief(Object.keys((p.after as Record<string, JsonValue> | undefined) ?? {}))}${because}`;
    case 'data.unmasked':
      return `${who(event)} viewed ${text(p, 'path')} unmasked`;
    case 'incident.raised':
      return `incident ${text(p, 'incident') ?? ''}: ${brief(p.error ?? p.title ?? p.type ?? null)}`;
    default:
      break;
  }
  if (event.action.startsWith('approval.')) {
    const level = text(p, 'level');
    const comment = text(p, 'comment');
    return `${who(event)}: ${event.action.slice('approval.'.length)}${level ? ` at level ${level}` : ''}${comment ? ` ("${comment}")` : ''}`;
  }
  if (event.action.startsWith('instance.') && ['completed', 'failed', 'cancelled'].includes(event.action.slice(9)))
    return `instance ${event.action.slice(9)}${because}`;
  const outcome = event.outcome === 'ok' ? '' : ` (${event.outcome})`;
  return `${event.action} by ${who(event)}${outcome}${because}`;
}

export function timelineEntry(event: AuditEvent): TimelineEntry {
  return { event, kind: kindOf(event), summary: summaryOf(event), step: text(event.payload, 'step') };
}
