import type { AuditActor, AuditEvent } from '@shared/domain/audit';

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
