import { z } from 'zod';
import { Empty, Ok, op } from './op';
import { DisplayName, Password, SessionInfo, Username } from '../domain/users';

export const SetupStatus = z.object({
  siteName: z.string(),
  needsFirstAdmin: z.boolean(),
  setupTokenRequired: z.boolean(),
  /** The caller's session if its credential is valid: lets the UI start without a refused call. */
  session: SessionInfo.nullable(),
});

export const setupOps = {
  'setup.status': op({
    input: Empty,
    output: SetupStatus,
    access: 'public',
    mutation: false,
    summary: "whether the site still needs its first admin, and the caller's session if any",
  }),
  'setup.createFirstAdmin': op({
    input: z.object({ setupToken: z.string().trim().optional(), username: Username, displayName: DisplayName, password: Password }).strict(),
    output: Ok,
    access: 'public',
    mutation: true,
    summary: 'create the first admin (needs the one-time setup token printed by `clearline init` or `clearline serve`)',
  }),
} as const;

export const sessionOps = {
  'session.signIn': op({
    input: z.object({ username: z.string().trim().min(1, { message: 'is required' }), password: z.string().min(1, { message: 'is required' }) }).strict(),
    output: SessionInfo,
    access: 'public',
    mutation: true,
    summary: 'sign in with username and password; the host keeps the session token (cookie or main process), never the page',
  }),
  'session.me': op({
    input: Empty,
    output: SessionInfo,
    access: 'session',
    mutation: false,
    beforePasswordChange: true,
    whileLocked: true,
    summary: 'the signed-in user and session',
  }),
  'session.signOut': op({
    input: Empty,
    output: Ok,
    access: 'session',
    mutation: true,
    beforePasswordChange: true,
    whileLocked: true,
    summary: 'end this session',
  }),
  'session.changePassword': op({
    input: z.object({ currentPassword: z.string().min(1, { message: 'is required' }), newPassword: Password }).strict(),
    output: SessionInfo,
    access: 'session',
    mutation: true,
    beforePasswordChange: true,
    summary: "change one's own password (required after a temporary password)",
  }),
  'session.lock': op({
    input: Empty,
    output: Ok,
    access: 'session',
    mutation: true,
    beforePasswordChange: true,
    whileLocked: true,
    summary: 'lock this session (idle lock); only unlock and sign-out work until unlocked',
  }),
  'session.unlock': op({
    input: z.object({ password: z.string().min(1, { message: 'is required' }) }).strict(),
    output: SessionInfo,
    access: 'session',
    mutation: true,
    beforePasswordChange: true,
    whileLocked: true,
    summary: "unlock an idle-locked session with one's password",
  }),
} as const;
