import { useRef } from 'react';
import { Anchor, Table, Text } from '@mantine/core';
import type { ScheduleSummary } from '@shared/contract/schedules';
import { HEADER_HEIGHT } from '../../ui/layout';
import { openOnRowClick, scrollRowIntoView, useListKeyboard } from '../../ui/use-list-keyboard';
import { schedulePath } from './paths';
import { RunOutcome } from './RunOutcome';
import { AtRiskBadge, ScheduleStatusBadge } from './ScheduleStatusBadge';
import { formatLocalMinute } from './time';
import { ZonedTime } from './ZonedTime';

/** What happened last: when it fired (in the viewer's time), by which trigger, and its outcome. */
function LastRun({ run }: { run: ScheduleSummary['lastRun'] }) {
  if (!run)
    return (
      <Text size="sm" c="dimmed">
        never ran
      </Text>
    );
  return (
    <div>
      <RunOutcome run={run} />
      <Text size="xs" c="dimmed" className="tabular" mt={2}>
        {formatLocalMinute(run.firedAt)} · {run.trigger}
      </Text>
      {run.missedCutoff && <AtRiskBadge size="xs" label="missed cut-off" />}
    </div>
  );
}

/** Schedules, one row each; rows with a run at risk of missing its cut-off carry a red accent. j/k and Enter open one. */
export function SchedulesTable({ schedules, onOpen }: { schedules: readonly ScheduleSummary[]; onOpen: (schedule: ScheduleSummary) => void }) {
  const table = useRef<HTMLTableElement>(null);
  const keys = useListKeyboard({
    count: schedules.length,
    onOpen: (i) => schedules[i] && onOpen(schedules[i]),
    onMove: (i) => scrollRowIntoView(table.current, i),
  });
  return (
    <Table ref={table} striped highlightOnHover withTableBorder stickyHeader stickyHeaderOffset={HEADER_HEIGHT} aria-label="Schedules">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th w={150}>Status</Table.Th>
          <Table.Th>Rule</Table.Th>
          <Table.Th w={200}>Next fire</Table.Th>
          <Table.Th w={250}>Last run</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {schedules.map((s, i) => {
          const selection = keys.rowProps(i);
          return (
            <Table.Tr
              key={s.id}
              data-row
              data-at-risk={s.atRisk ? 'true' : undefined}
              className="cl-schedule-row"
              {...selection}
              style={{ cursor: 'pointer', ...selection.style }}
              onClick={openOnRowClick(() => {
                keys.select(i);
                onOpen(s);
              })}
            >
              <Table.Td>
                <Anchor href={`#${schedulePath(s.id)}`} size="sm" fw={600}>
                  {s.name}
                </Anchor>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {s.workflow}
                  {s.description ? ` · ${s.description}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <ScheduleStatusBadge schedule={s} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{s.describe}</Text>
              </Table.Td>
              <Table.Td>
                {s.nextFireAt ? (
                  <ZonedTime at={s.nextFireAt} zone={s.definition.spec.zone} />
                ) : (
                  <Text size="sm" c="dimmed">
                    none ({s.status})
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <LastRun run={s.lastRun} />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
