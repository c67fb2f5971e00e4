import type { InstanceStatus } from '@shared/contract/engine';

/** The colour of an instance's status wherever it is shown (badges, filters). */
export const STATUS_COLOR: Readonly<Record<InstanceStatus, string>> = {
  running: 'blue',
  waiting: 'yellow',
  incident: 'red',
  suspended: 'orange',
  completed: 'teal',
  failed: 'red',
  cancelled: 'gray',
};

export const INSTANCE_STATUSES: readonly InstanceStatus[] = ['running', 'waiting', 'incident', 'suspended', 'completed', 'failed', 'cancelled'];

/** Nothing can be done to an instance in these. */
export const ENDED: ReadonlySet<InstanceStatus> = new Set(['completed', 'failed', 'cancelled']);

export const SEVERITY_COLOR: Readonly<Record<string, string>> = { low: 'gray', medium: 'yellow', high: 'orange', critical: 'red' };
