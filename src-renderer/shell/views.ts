import type { ComponentType } from 'react';
import {
  IconAlertTriangle,
  IconCalendarTime,
  IconChecklist,
  IconFileAnalytics,
  IconGauge,
  IconGitBranch,
  IconHierarchy2,
  IconListDetails,
  IconPlugConnected,
  IconShieldSearch,
  IconUsersGroup,
  type IconProps,
} from '@tabler/icons-react';
import type { Permission } from '@shared/permissions';

/**
 * The console's views: where each lives, the permission that shows it, its `g` shortcut,
 * and one honest sentence of what it holds. Navigation, routes, the no-access page and the
 * shortcut help are all generated from this list.
 */
export interface ViewDef {
  key: string;
  label: string;
  /** Route path (under the hash). */
  path: string;
  permission: Permission;
  /** The letter after `g`. */
  shortcut: string;
  icon: ComponentType<IconProps>;
  /** What the view shows; views not built yet show this sentence and nothing else. */
  purpose: string;
  /** The view has pages under its path (e.g. /workflows/:key), routed by the view itself. */
  nested?: true;
}

export const VIEWS: readonly ViewDef[] = [
  {
    key: 'dashboard',
    label: 'Dashboard',
    path: '/dashboard',
    permission: 'dashboard.read',
    shortcut: 'd',
    icon: IconGauge,
    purpose: 'Open work, waiting approvals, exceptions and SLA breaches for your roles will appear here.',
  },
  {
    key: 'queues',
    label: 'Queues',
    path: '/queues',
    permission: 'task.read',
    shortcut: 'q',
    icon: IconListDetails,
    purpose: 'Tasks you can claim and complete, with their SLA countdown, filters you can save, and bulk claim and release.',
    nested: true,
  },
  {
    key: 'approvals',
    label: 'Approvals',
    path: '/approvals',
    permission: 'approval.decide',
    shortcut: 'a',
    icon: IconChecklist,
    purpose: 'Transactions waiting for your decision at your approval level, with their data, documents, levels and history.',
    nested: true,
  },
  {
    key: 'exceptions',
    label: 'Exceptions',
    path: '/exceptions',
    permission: 'exception.read',
    shortcut: 'e',
    icon: IconAlertTriangle,
    purpose: 'Incidents from failed, in-doubt or flagged steps and break-glass reviews, with their actions; tasks escalated past their SLA.',
  },
  {
    key: 'instances',
    label: 'Instances',
    path: '/instances',
    permission: 'instance.read',
    shortcut: 'i',
    icon: IconHierarchy2,
    purpose: 'Running and finished workflow instances, with their diagram, timeline, variables and incidents.',
    nested: true,
  },
  {
    key: 'workflows',
    label: 'Workflows',
    path: '/workflows',
    permission: 'workflow.read',
    shortcut: 'w',
    icon: IconGitBranch,
    purpose: 'Deployed workflow definitions and their versions; import, validate and deploy new ones.',
    nested: true,
  },
  {
    key: 'schedules',
    label: 'Schedules',
    path: '/schedules',
    permission: 'schedule.read',
    shortcut: 's',
    icon: IconCalendarTime,
    purpose: 'Schedules with their next fire times and run history, and the business calendars they follow.',
    nested: true,
  },
  {
    key: 'connectors',
    label: 'Connectors',
    path: '/connectors',
    permission: 'connector.read',
    shortcut: 'c',
    icon: IconPlugConnected,
    purpose: 'Connector configuration and health will appear here; secrets are never shown.',
  },
  {
    key: 'audit',
    label: 'Audit',
    path: '/audit',
    permission: 'audit.read',
    shortcut: 'u',
    icon: IconShieldSearch,
    purpose: 'Search of the hash-chained audit trail, decision chains, signed checkpoints and their verification, and signed reports.',
    nested: true,
  },
  {
    key: 'reports',
    label: 'Reports',
    path: '/reports',
    permission: 'report.read',
    shortcut: 'r',
    icon: IconFileAnalytics,
    purpose: 'Signed reports (PDF, CSV, JSON evidence) exported, followed and verified under Audit › Reports.',
  },
  {
    key: 'admin',
    label: 'Admin',
    path: '/admin',
    permission: 'user.read',
    shortcut: 'm',
    icon: IconUsersGroup,
    purpose: 'Users and their roles, configuration changes awaiting a second admin, and the conflict matrix.',
    nested: true,
  },
];
