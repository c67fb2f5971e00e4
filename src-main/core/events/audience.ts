import type { CoreEvent } from '@shared/contract/events';
import type { SessionInfo } from '@shared/domain/users';

/** Whether a signed-in session may receive an event, by the event's audience. Every host filters with this. */
export function reaches(event: CoreEvent, session: SessionInfo): boolean {
  const audience = event.audience;
  switch (audience.kind) {
    case 'all':
      return true;
    case 'permission':
      return (session.user.permissions as string[]).includes(audience.permission);
    case 'session':
      return audience.sessionId === session.sessionId;
    case 'user':
      return audience.userId === session.user.id;
  }
}
