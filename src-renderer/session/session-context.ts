import { createContext, useContext } from 'react';
import type { SessionInfo } from '@shared/domain/users';
import type { Permission } from '@shared/permissions';
import type { Gate, Notice } from './gate';

export interface SessionControls {
  gate: Gate;
  siteName: string;
  /** Ask the host again what to show (after the site was unlocked, or a failed start). */
  restart(): void;
  adminCreated(): void;
  signedIn(session: SessionInfo): void;
  /** A fresh SessionInfo from change-password, unlock or session.me. */
  sessionUpdated(session: SessionInfo): void;
  lockNow(): void;
  signOut(): Promise<void>;
  ended(notice: Notice): void;
}

export const SessionContext = createContext<SessionControls | null>(null);

export function useSessionControls(): SessionControls {
  const controls = useContext(SessionContext);
  if (!controls) throw new Error('useSessionControls outside <SessionProvider>');
  return controls;
}

/** The signed-in session; only for components rendered behind the sign-in gate. */
export function useSession(): SessionInfo {
  const { gate } = useSessionControls();
  if (gate.kind !== 'signed-in') throw new Error('useSession rendered without a signed-in session');
  return gate.session;
}

/** Whether the signed-in user holds a permission. The UI only hides; the core decides. */
export function useCan(): (permission: Permission) => boolean {
  const session = useSession();
  return (permission) => (session.user.permissions as readonly string[]).includes(permission);
}
