import { z } from 'zod';
import { Ok, op } from './op';
import { UserId } from '../domain/ids';
import { Timestamp } from '../domain/time';
import { DisplayName, Password, UserSummary, Username } from '../domain/users';
import { Permission, RoleName } from '../permissions';

const ByUser = z.object({ userId: UserId }).strict();

/** Granting roles takes effect when a second admin approves (four-eyes), except on a site with a single admin. */
export const RoleChangeResult = z.object({ user: UserSummary, status: z.enum(['applied', 'pending-approval']), changeId: z.string().nullable() });

export const RoleInfo = z.object({ name: RoleName, description: z.string(), permissions: z.array(Permission) });

export const AccessTokenSummary = z.object({
  id: z.string(),
  userId: UserId,
  username: z.string(),
  name: z.string(),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
  revoked: z.boolean(),
});

export const userOps = {
  'users.list': op({
    input: z.object({ includeDisabled: z.boolean().default(true) }).strict(),
    output: z.object({ items: z.array(UserSummary) }),
    access: 'user.read',
    mutation: false,
    summary: 'list users',
  }),
  'users.create': op({
    input: z
      .object({
        username: Username,
        displayName: DisplayName,
        roles: z.array(RoleName).min(1, { message: 'choose at least one role' }),
        temporaryPassword: Password,
      })
      .strict(),
    output: RoleChangeResult,
    access: 'user.manage',
    mutation: true,
    summary: 'add a user with a temporary password they must change at first sign-in; their roles take effect when a second admin approves',
  }),
  'users.setRoles': op({
    input: z.object({ userId: UserId, roles: z.array(RoleName).min(1, { message: 'choose at least one role' }) }).strict(),
    output: RoleChangeResult,
    access: 'role.grant',
    mutation: true,
    summary: "set a user's roles (nobody changes their own roles); takes effect when a second admin approves",
  }),
  'users.disable': op({ input: ByUser, output: UserSummary, access: 'user.manage', mutation: true, summary: 'disable a user and end their sessions' }),
  'users.enable': op({ input: ByUser, output: UserSummary, access: 'user.manage', mutation: true, summary: 'enable a disabled user' }),
  'users.unlock': op({ input: ByUser, output: UserSummary, access: 'user.manage', mutation: true, summary: 'unlock a user locked out by failed sign-ins' }),
  'users.resetPassword': op({
    input: z.object({ userId: UserId, temporaryPassword: Password }).strict(),
    output: UserSummary,
    access: 'user.manage',
    mutation: true,
    summary: 'set a temporary password the user must change at next sign-in; ends their sessions',
  }),
  'roles.list': op({
    input: z.object({}).strict(),
    output: z.object({ items: z.array(RoleInfo) }),
    access: 'user.read',
    mutation: false,
    summary: 'the roles and the permissions each holds',
  }),
  'tokens.issue': op({
    input: z
      .object({ userId: UserId, name: z.string().trim().min(1, { message: 'is required' }).max(80), expiresInDays: z.number().int().min(1).max(366) })
      .strict(),
    output: z.object({ token: z.string(), summary: AccessTokenSummary }),
    access: 'token.issue',
    mutation: true,
    summary: 'issue a personal access token for the CLI (shown once)',
  }),
  'tokens.list': op({
    input: z.object({}).strict(),
    output: z.object({ items: z.array(AccessTokenSummary) }),
    access: 'token.issue',
    mutation: false,
    summary: 'list personal access tokens',
  }),
  'tokens.revoke': op({
    input: z.object({ tokenId: z.string().min(1) }).strict(),
    output: Ok,
    access: 'token.issue',
    mutation: true,
    summary: 'revoke a personal access token',
  }),
} as const;
