import { formatSpan } from '../../ui/time-span';

/** Within this of its due time a task counts as at risk (amber), before it is overdue (red). */
const AT_RISK_MS = 60 * 60_000;

export type SlaTone = 'overdue' | 'at-risk' | 'on-time' | 'none';

/** Where a task stands against its due time: "due in 2 h 05 min" or "overdue by 12 min". */
export function slaState(dueAt: string | null, now: number): { text: string; tone: SlaTone; remainingMs: number | null } {
  if (!dueAt) return { text: 'no due date', tone: 'none', remainingMs: null };
  const remainingMs = Date.parse(dueAt) - now;
  if (remainingMs < 0) return { text: `overdue by ${formatSpan(remainingMs)}`, tone: 'overdue', remainingMs };
  return { text: `due in ${formatSpan(remainingMs)}`, tone: remainingMs < AT_RISK_MS ? 'at-risk' : 'on-time', remainingMs };
}

export const SLA_COLOR: Readonly<Record<SlaTone, string | undefined>> = { overdue: 'red', 'at-risk': 'orange', 'on-time': undefined, none: 'dimmed' };
