import type { TaskDetail } from '@shared/contract/work';

type Approval = NonNullable<TaskDetail['approval']>;
export type Decision = Approval['decisions'][number];
export type LevelState = Approval['levels'][number]['state'];

export const DECISION_LOOK: Readonly<Record<Decision['decision'], { label: string; color: string }>> = {
  approved: { label: 'approved', color: 'teal' },
  rejected: { label: 'rejected', color: 'red' },
  'changes-requested': { label: 'changes requested', color: 'orange' },
};

export const LEVEL_LOOK: Readonly<Record<LevelState, { label: string; color: string }>> = {
  done: { label: 'approved', color: 'teal' },
  current: { label: 'waiting', color: 'blue' },
  pending: { label: 'not yet', color: 'gray' },
  rejected: { label: 'rejected', color: 'red' },
};
