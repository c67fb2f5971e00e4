import type { CheckpointSchedule } from '@shared/contract/evidence';

function minutes(n: number): string {
  if (n % 1440 === 0) return n === 1440 ? 'day' : `${n / 1440} days`;
  if (n % 60 === 0) return n === 60 ? 'hour' : `${n / 60} hours`;
  return n === 1 ? 'minute' : `${n} minutes`;
}

/** When checkpoints are signed, in one sentence. */
export function scheduleInWords({ everyMinutes, everyEvents }: CheckpointSchedule): string {
  const parts: string[] = [];
  if (everyMinutes > 0) parts.push(`at least every ${minutes(everyMinutes)} while events are added`);
  if (everyEvents > 0)
    parts.push(`as soon as ${everyEvents.toLocaleString('en-US')} ${everyEvents === 1 ? 'event was' : 'events were'} added since the last one`);
  const rule = parts.length > 0 ? parts.join(', and ') : 'only at exports and when an administrator signs one';
  return `${rule[0]?.toUpperCase()}${rule.slice(1)}${parts.length > 0 ? '; also at every export' : ''}.`;
}
