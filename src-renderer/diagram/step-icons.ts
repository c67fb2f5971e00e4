import type { ComponentType } from 'react';
import {
  IconArrowsSplit2,
  IconBraces,
  IconGitBranch,
  IconHourglassHigh,
  IconLayoutColumns,
  IconListNumbers,
  IconPlugConnected,
  IconRepeat,
  IconSignature,
  IconSubtask,
  IconTable,
  IconUserEdit,
  type IconProps,
} from '@tabler/icons-react';

/** One bundled icon per step kind, so a glance tells a connector call from a decision. */
export const STEP_ICONS: Readonly<Record<string, ComponentType<IconProps>>> = {
  set: IconBraces,
  task: IconPlugConnected,
  decision: IconTable,
  branch: IconGitBranch,
  wait: IconHourglassHigh,
  call: IconSubtask,
  'task.human': IconUserEdit,
  approval: IconSignature,
  parallel: IconLayoutColumns,
  foreach: IconListNumbers,
  loop: IconRepeat,
};

export const FALLBACK_ICON: ComponentType<IconProps> = IconArrowsSplit2;
