import { ROLE_DESCRIPTIONS, ROLE_NAMES, ROLE_PERMISSIONS } from '@shared/permissions';
import { caller, type Handlers } from '../dispatch/handlers';
import { userActor } from '../auth/principal';
import type { CoreServices } from './core-services';
import type { AuditActor } from '@shared/domain/audit';
import { scheduleHandlers } from './schedule-handlers';
import { evidenceHandlers } from './evidence-handlers';

type UserActor = AuditActor & { kind: 'user' };

const asPerson = (user: { id: string; username: string }) => ({ userId: user.id, username: user.username });

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

    'system.status': async () => s.status(),

    'workflows.list': async () => ({
      items: await s.deploy.listWorkflows(),
    }),
    'workflows.get': async (input) => s.deploy.workflow(input.key, input.version),
    'workflows.validate': async (input) => s.deploy.validate(input.file, input.text),
    'workflows.deploy': async (input, ctx) => s.deploy.deploy(userActor(caller(ctx).user) as UserActor, input.file, input.text),
    'decisions.evaluate': async (input) => s.decisions.evaluate(input.table, input.version, input.input),
    'instances.start': async (input, ctx) => s.instances.start(userActor(caller(ctx).user), input.workflow, input.version, input.input),
    'instances.search': async (input, ctx) => s.instances.search(caller(ctx), input),
    'instances.get': async (input) => s.instances.get(input.instanceId),
    'instances.unmask': async (input, ctx) => s.instances.unmask(caller(ctx), input.instanceId, input.path),
    'instances.suspend': async (input, ctx) => s.instances.suspend(userActor(caller(ctx).user), input.instanceId, input.reason),
    'instances.resume': async (input, ctx) => s.instances.resume(userActor(caller(ctx).user), input.instanceId, input.reason),
    'instances.cancel': async (input, ctx) => s.instances.cancel(userActor(caller(ctx).user), input.instanceId, input.reason),
    'instances.retry': async (input, ctx) => s.instances.retry(userActor(caller(ctx).user), input.instanceId, input.activationId, input.reason),
    'instances.skip': async (input, ctx) => s.instances.skip(userActor(caller(ctx).user), input.instanceId, input.activationId, input.value, input.reason),
    'instances.reconcile': async (input, ctx) =>
      s.instances.reconcile(userActor(caller(ctx).user), input.instanceId, input.activationId, input.done, input.value, input.reason),
    'signals.send': async (input, ctx) => ({
      delivered: await s.instances.signal(userActor(caller(ctx).user), input.name, input.correlationKey, input.payload),
    }),
    'incidents.search': async (input) => s.incidents.search(input),
    'connectors.list': async () => ({ items: await s.connectors.list() }),
    'connectors.save': async (input, ctx) => s.connectors.save(userActor(caller(ctx).user), input),

    'tasks.list': async (input, ctx) => s.tasks.list(caller(ctx), input),
    'tasks.get': async (input, ctx) => s.tasks.get(caller(ctx), input.taskId),
    'tasks.claim': async (input, ctx) => s.tasks.claim(caller(ctx), input.taskIds),
    'tasks.release': async (input, ctx) => s.tasks.release(caller(ctx), input.taskIds),
    'tasks.reassign': async (input, ctx) => s.tasks.reassign(caller(ctx), input.taskId, input.userId, input.reason),
    'tasks.comment': async (input, ctx) => {
      await s.tasks.comment(caller(ctx), input.taskId, input.text);
      return { ok: true as const };
    },
    'tasks.attach': async (input, ctx) => ({ documentId: await s.tasks.attach(caller(ctx), input.taskId, input.name, input.mediaType, input.contentBase64) }),
    'tasks.document': async (input, ctx) => s.tasks.document(caller(ctx), input.taskId, input.documentId),
    'tasks.complete': async (input, ctx) => s.tasks.complete(caller(ctx), input.taskId, input.values),
    'tasks.unmask': async (input, ctx) => s.tasks.unmask(caller(ctx), input.taskId, input.path),
    'approvals.decide': async (input, ctx) => s.approvals.decide(caller(ctx), input.taskId, input.decision, input.comment ?? null, input.dataHash),
    'approvals.breakGlass': async (input, ctx) => s.approvals.breakGlass(caller(ctx), input.taskId, input.reason, input.dataHash),
    'delegations.get': async (_input, ctx) => s.inbox.delegations(caller(ctx)),
    'delegations.set': async (input, ctx) => {
      await s.inbox.delegate(caller(ctx), input.delegateUserId, input.from, input.to);
      return { ok: true as const };
    },
    'notifications.list': async (input, ctx) => s.inbox.notifications(caller(ctx), input.unreadOnly, input.limit),
    'notifications.markRead': async (input, ctx) => {
      await s.inbox.markRead(caller(ctx), input.ids);
      return { ok: true as const };
    },
    'incidents.resolve': async (input, ctx) => {
      await s.incidents.resolve(userActor(caller(ctx).user) as UserActor, input.incidentId, input.reason);
      return { ok: true as const };
    },
    'incidents.assign': async (input, ctx) => {
      await s.incidents.assign(userActor(caller(ctx).user) as UserActor, input.incidentId, input.role, input.reason);
      return { ok: true as const };
    },
    'changes.list': async (input) => ({ items: await s.changes.list(input.status) }),
    'changes.approve': async (input, ctx) => s.changes.approve(asPerson(caller(ctx).user), input.changeId, input.comment ?? null),
    'changes.reject': async (input, ctx) => s.changes.reject(asPerson(caller(ctx).user), input.changeId, input.reason),
    'conflicts.get': async () => ({ rules: await s.conflicts.rules() }),
    'conflicts.set': async (input, ctx) => {
      const submitted = await s.conflicts.replace(userActor(caller(ctx).user) as UserActor, input.rules);
      return submitted.status === 'applied'
        ? { status: 'applied' as const, changeId: null }
        : { status: 'pending-approval' as const, changeId: submitted.changeId };
    },
    ...scheduleHandlers(s),
    ...evidenceHandlers(s),
  };
}
