import { z } from 'zod';

/**
 * The one permission catalogue. The core checks these on every operation; the renderer
 * only uses them to hide what a user may not do. Each permission says in a few words what
 * it allows, for the Admin view and the docs.
 */
export const PERMISSIONS = {
  'dashboard.read': 'see the dashboard',
  'task.read': 'see work queues and tasks',
  'task.work': 'claim, work on and complete tasks',
  'task.reassign': 'reassign tasks to other people',
  'approval.decide': 'approve, reject or send back approvals',
  'exception.read': 'see the exception queue',
  'exception.resolve': 'resolve incidents and escalations',
  'instance.read': 'see workflow instances',
  'instance.operate': 'suspend, resume, cancel, retry, skip and signal instances',
  'instance.start': 'start workflow instances',
  'workflow.read': 'see workflow definitions and versions',
  'workflow.deploy': 'deploy workflow versions and decision tables',
  'schedule.read': 'see schedules and calendars',
  'schedule.manage': 'create, pause and run schedules; edit calendars',
  'connector.read': 'see connector configuration (never secrets)',
  'connector.manage': 'configure connectors and their credentials',
  'audit.read': 'search and verify the audit trail',
  'audit.manage': 'sign checkpoints, rotate the audit signing key, set the witness folder',
  'report.read': 'see reports',
  'report.export': 'export signed reports',
  'user.read': 'see users and roles',
  'user.manage': 'add, disable, unlock users and reset passwords',
  'role.grant': 'grant and revoke roles',
  'token.issue': 'issue personal access tokens for the CLI',
  'sensitive.unmask': 'see masked fields such as account numbers in clear',
  'config.approve': "approve another admin's configuration change",
  'breakglass.use': 'override a control with a mandatory reason (reviewed afterwards)',
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const Permission = z.enum(Object.keys(PERMISSIONS) as [Permission, ...Permission[]]);

export const ROLE_NAMES = ['clerk', 'approver', 'compliance', 'admin', 'auditor'] as const;
export const RoleName = z.enum(ROLE_NAMES);
export type RoleName = z.infer<typeof RoleName>;

/**
 * Built-in roles. The auditor reads everything and can act on nothing; the admin configures
 * but does not work or approve transactions (an admin who must, also holds that role, and
 * segregation of duties still applies).
 */
export const ROLE_PERMISSIONS: Readonly<Record<RoleName, readonly Permission[]>> = {
  clerk: ['dashboard.read', 'task.read', 'task.work', 'instance.read', 'instance.start', 'workflow.read', 'exception.read'],
  approver: ['dashboard.read', 'task.read', 'task.work', 'approval.decide', 'instance.read', 'workflow.read', 'exception.read'],
  compliance: [
    'dashboard.read',
    'task.read',
    'task.work',
    'approval.decide',
    'instance.read',
    'workflow.read',
    'exception.read',
    'exception.resolve',
    'audit.read',
    'report.read',
    'sensitive.unmask',
    'breakglass.use',
  ],
  admin: [
    'dashboard.read',
    'instance.read',
    'instance.operate',
    'workflow.read',
    'workflow.deploy',
    'schedule.read',
    'schedule.manage',
    'connector.read',
    'connector.manage',
    'exception.read',
    'exception.resolve',
    'task.read',
    'task.reassign',
    'audit.read',
    'audit.manage',
    'report.read',
    'report.export',
    'user.read',
    'user.manage',
    'role.grant',
    'token.issue',
    'config.approve',
  ],
  auditor: [
    'dashboard.read',
    'task.read',
    'instance.read',
    'workflow.read',
    'schedule.read',
    'connector.read',
    'exception.read',
    'audit.read',
    'report.read',
    'report.export',
    'user.read',
  ],
};

export const ROLE_DESCRIPTIONS: Readonly<Record<RoleName, string>> = {
  clerk: 'back-office staff: works queues and submits transactions',
  approver: 'decides approvals at the levels their role is named in',
  compliance: 'screens and reviews; resolves compliance exceptions; reads the audit trail',
  admin: 'configures users, workflows, schedules and connectors',
  auditor: 'reads everything and exports signed reports; can act on nothing',
};

export function permissionsOf(roles: readonly RoleName[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r]));
}
