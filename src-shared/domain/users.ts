import { z } from 'zod';
import { UserId } from './ids';
import { Timestamp } from './time';
import { Permission, RoleName } from '../permissions';

export const Username = z
  .string()
  .trim()
  .min(2, { message: 'must be at least 2 characters' })
  .max(64, { message: 'must be at most 64 characters' })
  .regex(/^[a-zA-Z0-9._@-]+$/, { message: 'may contain letters, digits and . _ @ - only (no spaces)' });

export const DisplayName = z.string().trim().min(1, { message: 'is required' }).max(120, { message: 'must be at most 120 characters' });

/** Length and a blocklist, as NIST SP 800-63B recommends, checked again in the core with the user's history. */
export const PASSWORD_MIN_LENGTH = 12;
export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `must be at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(256, { message: 'must be at most 256 characters' });

export const UserStatus = z.enum(['active', 'disabled']);

export const UserSummary = z.object({
  id: UserId,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(RoleName),
  status: UserStatus,
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: Timestamp,
  lastSignInAt: Timestamp.nullable(),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const CurrentUser = z.object({
  id: UserId,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(RoleName),
  permissions: z.array(Permission),
  mustChangePassword: z.boolean(),
});
export type CurrentUser = z.infer<typeof CurrentUser>;

export const SessionInfo = z.object({
  /** Identifies the session (not a credential): hosts route session events with it. Null for access tokens. */
  sessionId: z.string().nullable(),
  user: CurrentUser,
  expiresAt: Timestamp,
  idleLockMinutes: z.number().int().positive(),
  locked: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;
