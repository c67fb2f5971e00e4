import type { EventPayload } from '@shared/contract/events';
import type { Notice } from './gate';

type EndReason = EventPayload<'session.ended'>['reason'];

/** What the sign-in screen says when the core ends a session and pushes `session.ended`. */
export const END_NOTICES: Readonly<Record<EndReason, Notice>> = {
  'signed-out': { tone: 'info', text: 'You were signed out.' },
  expired: { tone: 'warning', text: 'Your session expired. Sign in again.' },
  disabled: { tone: 'warning', text: 'Your account was disabled by an administrator.' },
  'password-reset': { tone: 'warning', text: 'An administrator reset your password. Sign in with the temporary password you were given.' },
  'password-changed': { tone: 'info', text: 'Your password was changed in another session. Sign in with the new password.' },
  'locked-out': { tone: 'warning', text: 'Your account was locked after too many failed attempts. Ask an administrator to unlock it.' },
};
