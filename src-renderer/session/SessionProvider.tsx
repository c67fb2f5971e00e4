import { useCallback, useEffect, useMemo, useReducer, useRef, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { SessionInfo } from '@shared/domain/users';
import { asApiError } from '../api/api-error';
import { client, onAuthProblem } from '../api/client';
import { useEvent } from '../api/hooks';
import { END_NOTICES } from './end-notices';
import { gateReducer, initialGate, type Notice } from './gate';
import { useIdleLock } from './idle-lock';
import { SessionContext, type SessionControls } from './session-context';

/**
 * Owns the console's session lifecycle: asks `setup.status` at start (public, so nothing is
 * refused at boot), reacts to console-wide refusals reported by the transport guard and to
 * pushed `session.ended`, runs the idle lock, and clears every cached answer when a session
 * ends so that nothing of one user is shown to the next.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, dispatch] = useReducer(gateReducer, initialGate);
  const queryClient = useQueryClient();
  const { gate } = state;
  const signedIn = gate.kind === 'signed-in' ? gate.session : null;
  const signingOut = useRef(false);
  const navigate = useNavigate();

  const ended = useCallback(
    (notice: Notice) => {
      queryClient.clear();
      dispatch({ type: 'ended', notice });
    },
    [queryClient],
  );

  // Start (and restart): what does this site need, and is there a session already?
  useEffect(() => {
    if (gate.kind !== 'starting') return;
    let current = true;
    client.call('setup.status', {}).then(
      (status) => current && dispatch({ type: 'started', status }),
      (error: unknown) => {
        const apiError = asApiError(error);
        if (current && apiError.code !== 'site_locked') dispatch({ type: 'unreachable', message: apiError.message });
      },
    );
    return () => {
      current = false;
    };
  }, [gate.kind]);

  // Refusals that concern the whole console, whichever call received them.
  useEffect(
    () =>
      onAuthProblem((problem) => {
        if (problem.kind === 'site-locked') dispatch({ type: 'site-locked', message: problem.message });
        else if (problem.kind === 'session-locked') dispatch({ type: 'locked' });
        else if (!signingOut.current) ended({ tone: 'warning', text: problem.message });
      }),
    [ended],
  );

  // Pushed by the core when this session ends elsewhere (sign-out in another tab, disabled, reset…).
  useEvent(
    'session.ended',
    ({ reason }) => {
      if (!signingOut.current) ended(END_NOTICES[reason]);
    },
    signedIn !== null,
  );

  // Our own roles may change while we work: refresh the session so navigation follows.
  const myId = signedIn?.user.id;
  useEvent(
    'users.changed',
    ({ userId }) => {
      if (userId === myId)
        void client.call('session.me', {}).then(
          (session) => dispatch({ type: 'session-updated', session }),
          () => undefined,
        );
    },
    myId !== undefined,
  );

  // Someone else signed in at this screen: start them on their home view, not on the page
  // the previous person left open (which they may not be allowed to see).
  const previousUser = useRef<string | null>(null);
  useEffect(() => {
    if (!myId) return;
    if (previousUser.current !== null && previousUser.current !== myId) void navigate('/', { replace: true });
    previousUser.current = myId;
  }, [myId, navigate]);

  const lockNow = useCallback(() => {
    dispatch({ type: 'locked' });
    // If the call fails the screen stays locked anyway; unlocking works on an unlocked session too.
    client.call('session.lock', {}).catch(() => undefined);
  }, []);

  useIdleLock(signedIn?.idleLockMinutes ?? 10, signedIn !== null && !signedIn.locked, lockNow);

  const signOut = useCallback(async () => {
    signingOut.current = true;
    try {
      await client.call('session.signOut', {});
    } catch {
      // Signed out either way: the session is gone or will expire; the page forgets it now.
    } finally {
      signingOut.current = false;
    }
    ended({ tone: 'info', text: 'You signed out.' });
    // The next person to sign in here starts on their home view.
    void navigate('/', { replace: true });
  }, [ended, navigate]);

  const controls = useMemo<SessionControls>(
    () => ({
      gate,
      siteName: state.siteName,
      restart: () => dispatch({ type: 'restart' }),
      adminCreated: () => dispatch({ type: 'admin-created' }),
      signedIn: (session: SessionInfo) => dispatch({ type: 'signed-in', session }),
      sessionUpdated: (session: SessionInfo) => dispatch({ type: 'session-updated', session }),
      lockNow,
      signOut,
      ended,
    }),
    [gate, state.siteName, lockNow, signOut, ended],
  );

  return <SessionContext.Provider value={controls}>{children}</SessionContext.Provider>;
}
