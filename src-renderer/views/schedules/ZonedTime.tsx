import { Text } from '@mantine/core';
import { formatInZone, formatLocalMinute } from './time';

/**
 * An instant in the schedule's zone, and under it in the viewer's own time when that reads
 * differently: "2026-05-07 09:00 UTC" · "your time 2026-05-07 11:00".
 */
export function ZonedTime({ at, zone }: { at: string | null; zone: string }) {
  if (!at) return <>—</>;
  const there = formatInZone(at, zone);
  const here = formatLocalMinute(at);
  return (
    <div className="tabular">
      <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
        {there}{' '}
        <Text span size="xs" c="dimmed">
          {zone}
        </Text>
      </Text>
      {here !== there && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          your time {here}
        </Text>
      )}
    </div>
  );
}
