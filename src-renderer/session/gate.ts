import type { z } from 'zod';
import type { SetupStatus } from '@shared/contract/session';
import type { SessionInfo } from '@shared/domain/users';

/** A short message shown above the sign-in form, saying why the user landed there. */
export interface Notice {
  tone: 'info' | 'success' | 'warning';
  text: string;
}

/**
 * Which screen the console shows. Everything but `signed-in` is a full-page screen with no
 * data behind it; `signed-in` covers the app frame, the forced password change
 * (session.user.mustChangePassword) and the idle lock (session.locked).
 */
export type Gate =
  | { kind: 'starting' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'site-locked'; message: string }
  | { kind: 'first-run'; setupTokenRequired: boolean }
  | { kind: 'sign-in'; notice: Notice | null }
  | { kind: 'signed-in'; session: SessionInfo };

export interface GateState {
  gate: Gate;
  siteName: string;
}

export type GateEvent =
  | { type: 'restart' }
  | { type: 'started'; status: z.infer<typeof SetupStatus> }
  | { type: 'unreachable'; message: string }
  | { type: 'site-locked'; message: string }
  | { type: 'admin-created' }
  | { type: 'signed-in'; session: SessionInfo }
  | { type: 'session-updated'; session: SessionInfo }
  | { type: 'locked' }
  | { type: 'ended'; notice: Notice };

export const initialGate: GateState = { gate: { kind: 'starting' }, siteName: '' };

/** Pure transitions; the provider performs the calls and feeds their outcome here. */
export function gateReducer(state: GateState, event: GateEvent): GateState {
  const { gate } = state;
  switch (event.type) {
    case 'restart':
      return { ...state, gate: { kind: 'starting' } };
    case 'started': {
      const { status } = event;
      const next: Gate = status.session
        ? { kind: 'signed-in', session: status.session }
        : status.needsFirstAdmin
          ? { kind: 'first-run', setupTokenRequired: status.setupTokenRequired }
          : { kind: 'sign-in', notice: null };
      return { siteName: status.siteName, gate: next };
    }
    case 'unreachable':
      return { ...state, gate: { kind: 'unreachable', message: event.message } };
    case 'site-locked':
      return { ...state, gate: { kind: 'site-locked', message: event.message } };
    case 'admin-created':
      return { ...state, gate: { kind: 'sign-in', notice: { tone: 'success', text: 'Administrator created — sign in.' } } };
    case 'signed-in':
      return { ...state, gate: { kind: 'signed-in', session: event.session } };
    case 'session-updated':
      return gate.kind === 'signed-in' ? { ...state, gate: { kind: 'signed-in', session: event.session } } : state;
    case 'locked':
      return gate.kind === 'signed-in' && !gate.session.locked ? { ...state, gate: { kind: 'signed-in', session: { ...gate.session, locked: true } } } : state;
    case 'ended':
      // Several calls can fail at once when a session ends; the first reason is the one shown.
      if (gate.kind === 'sign-in' || gate.kind === 'first-run') return state;
      return { ...state, gate: { kind: 'sign-in', notice: event.notice } };
  }
}
