import { formatTime } from '../../ui/format';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  return f;
}

/**
 * An instant as "2026-05-07 09:00" in an IANA zone: a schedule's times are read in its own
 * zone (that is where its business day is), whatever the viewer's machine says.
 */
export function formatInZone(iso: string, zone: string): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatter(zone).formatToParts(new Date(iso));
  } catch {
    return formatLocalMinute(iso); // a zone this browser does not know
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** An instant in the viewer's own zone, to the minute (fire times have no seconds). */
export function formatLocalMinute(iso: string): string {
  return formatTime(iso).slice(0, 16);
}

/** The viewer's IANA zone, the default for new calendars. */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Today's date in the viewer's zone, YYYY-MM-DD. */
export function todayLocal(): string {
  return formatTime(new Date().toISOString()).slice(0, 10);
}

/** Every IANA zone the browser knows; "UTC" first-class even where the list spells it Etc/UTC only. */
export const TIME_ZONES: readonly string[] = (() => {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
})();

export function monthTitle(year: number, month: number): string {
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
}
