import type { ConfigChange } from '@shared/contract/work';

type Kind = ConfigChange['kind'];
type Status = ConfigChange['status'];

/** How each kind of configuration change is named in the list; a kind added later shows as its own name. */
const KIND_LABEL: Readonly<Record<string, string>> = {
  deploy: 'Deployment',
  roles: 'Role grant',
  conflicts: 'Conflict matrix',
  calendar: 'Calendar',
  evidence: 'Audit evidence',
};

export function kindLabel(kind: Kind): string {
  return KIND_LABEL[kind] ?? kind;
}

export const STATUS_COLOR: Readonly<Record<Status, string>> = { pending: 'yellow', approved: 'teal', rejected: 'red', superseded: 'gray' };

export const STATUS_FILTERS = ['pending', 'approved', 'rejected', 'superseded', 'all'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** Pending changes first (they wait for someone), then the newest. */
export function byUrgency(a: ConfigChange, b: ConfigChange): number {
  if ((a.status === 'pending') !== (b.status === 'pending')) return a.status === 'pending' ? -1 : 1;
  return b.requestedAt.localeCompare(a.requestedAt);
}
