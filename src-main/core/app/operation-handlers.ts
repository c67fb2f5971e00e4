import { ROLE_DESCRIPTIONS, ROLE_NAMES, ROLE_PERMISSIONS } from '@shared/permissions';
import { caller, type Handlers } from '../dispatch/handlers';
import { userActor } from '../auth/principal';
import type { CoreServices } from './core-services';

/** The contract's operations bound to the services. Thin by design: rules live in the services. */
export function operationHandlers(s: CoreServices): Handlers {
  return {
    'setup.status': async (_input, ctx) => ({
      siteName: s.siteName,
      needsFirstAdmin: await s.setup.needsFirstAdmin(),
      setupTokenRequired: s.setup.tokenRequired(ctx.origin),
      session: ctx.principal ? s.sessions.me(ctx.principal) : null,
    }),
    'setup.createFirstAdmin': async (input, ctx) => {
      await s.setup.createFirstAdmin(input, ctx.origin);
      return { ok: true as const };
    },

    'session.signIn': async (input, ctx) => {
      const signedIn = await s.sessions.signIn(input.username, input.password, ctx.origin);
      ctx.session = { set: { token: signedIn.token, expiresAt: signedIn.info.expiresAt } };
      return signedIn.info;
    },
    'session.me': async (_input, ctx) => s.sessions.me(caller(ctx)),
    'session.signOut': async (_input, ctx) => {
      await s.sessions.signOut(caller(ctx));
      ctx.session = { clear: true };
      return { ok: true as const };
    },
    'session.changePassword': async (input, ctx) => s.sessions.changePassword(caller(ctx), input.currentPassword, input.newPassword),
    'session.lock': async (_input, ctx) => {
      await s.sessions.lock(caller(ctx));
      return { ok: true as const };
    },
    'session.unlock': async (input, ctx) => s.sessions.unlock(caller(ctx), input.password, ctx.origin),

    'users.list': async (input) => ({ items: await s.users.list(input.includeDisabled) }),
    'users.create': async (input, ctx) => s.users.create(userActor(caller(ctx).user), input),
    'users.setRoles': async (input, ctx) => s.users.setRoles(caller(ctx), input.userId, input.roles),
    'users.disable': async (input, ctx) => s.users.disable(caller(ctx), input.userId),
    'users.enable': async (input, ctx) => s.users.enable(caller(ctx), input.userId),
    'users.unlock': async (input, ctx) => s.users.unlock(userActor(caller(ctx).user), input.userId),
    'users.resetPassword': async (input, ctx) => s.users.resetPassword(userActor(caller(ctx).user), input.userId, input.temporaryPassword),
    'roles.list': async () => ({ items: ROLE_NAMES.map((name) => ({ name, description: ROLE_DESCRIPTIONS[name], permissions: [...ROLE_PERMISSIONS[name]] })) }),
    'tokens.issue': async (input, ctx) => s.tokens.issue(caller(ctx), input),
    'tokens.list': async () => ({ items: await s.tokens.list() }),
    'tokens.revoke': async (input, ctx) => {
      await s.tokens.revoke(caller(ctx), input.tokenId);
      return { ok: true as const };
    },

    'audit.search': async (input) => s.audit.search(input),
    'audit.verify': async () => s.audit.verify(),

    'system.status': async () => s.status(),
  };
}
