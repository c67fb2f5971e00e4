/** "45 s", "9 min 05 s", "2 h 05 min", "3 d 4 h": how long, as precise as is useful at its size. */
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

/** Below this, seconds are shown, so the count ticks every second. */
export const SECONDS_SHOWN_BELOW_MS = 10 * 60_000;
