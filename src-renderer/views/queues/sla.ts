/** Within this of its due time a task counts as at risk (amber), before it is overdue (red). */
const AT_RISK_MS = 60 * 60_000;
/** Under this, seconds are shown and the countdown ticks every second. */
export const SECONDS_SHOWN_BELOW_MS = 10 * 60_000;

/** "45 s", "9 min 05 s", "2 h 05 min", "3 d 4 h": a span of time, as precise as is useful at its size. */
export function formatSpan(ms: number): string {
  const seconds = Math.floor(Math.abs(ms) / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

export type SlaTone = 'overdue' | 'at-risk' | 'on-time' | 'none';

/** Where a task stands against its due time: "due in 2 h 05 min" or "overdue by 12 min". */
export function slaState(dueAt: string | null, now: number): { text: string; tone: SlaTone; remainingMs: number | null } {
  if (!dueAt) return { text: 'no due date', tone: 'none', remainingMs: null };
  const remainingMs = Date.parse(dueAt) - now;
  if (remainingMs < 0) return { text: `overdue by ${formatSpan(remainingMs)}`, tone: 'overdue', remainingMs };
  return { text: `due in ${formatSpan(remainingMs)}`, tone: remainingMs < AT_RISK_MS ? 'at-risk' : 'on-time', remainingMs };
}

export const SLA_COLOR: Readonly<Record<SlaTone, string | undefined>> = { overdue: 'red', 'at-risk': 'orange', 'on-time': undefined, none: 'dimmed' };
