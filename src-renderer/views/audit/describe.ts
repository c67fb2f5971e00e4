import type { AuditActor, AuditEvent } from '@shared/domain/audit';

/** Who acted, in the same words the audit search's actor filter accepts. */
export function describeActor(actor: AuditActor): string {
  switch (actor.kind) {
    case 'user':
      return actor.username;
    case 'system':
      return `system:${actor.component}`;
    case 'schedule':
      return `schedule:${actor.scheduleId}`;
    case 'cli':
      return `cli:${actor.osUser}@${actor.host}`;
    case 'anonymous':
      return `anonymous: ${actor.origin}`;
  }
}

export function describeSubject(subject: AuditEvent['subject']): string {
  return subject ? `${subject.type} ${subject.id}` : '—';
}

export const OUTCOME_COLOR: Record<AuditEvent['outcome'], string> = { ok: 'teal', refused: 'orange', failed: 'red' };

/** The actor as the search's actor filter names them, for the kinds it can name (user, system, CLI). */
export function actorFilter(actor: AuditActor): string | null {
  switch (actor.kind) {
    case 'user':
      return actor.username;
    case 'system':
      return `system:${actor.component}`;
    case 'cli':
      return `cli:${actor.osUser}`;
    default:
      return null;
  }
}
