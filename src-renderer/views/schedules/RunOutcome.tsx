import { Anchor, Badge, Group } from '@mantine/core';
import { Link } from 'react-router';
import type { ScheduleRun } from '@shared/contract/schedules';
import { instancePath } from '../instances/paths';
import { STATUS_COLOR } from '../instances/status';

const RUN_COLOR: Readonly<Record<ScheduleRun['status'], string>> = { started: 'blue', queued: 'yellow', skipped: 'gray', 'not-started': 'red' };

/**
 * What became of a run: started, queued, skipped or not started; for a started run, its
 * instance's status and a link to it.
 */
export function RunOutcome({ run }: { run: Pick<ScheduleRun, 'status' | 'outcome' | 'instanceId'> }) {
  const outcome = run.outcome;
  return (
    <Group gap={4} wrap="wrap">
      <Badge variant="outline" color={RUN_COLOR[run.status]} size="sm" data-run-status={run.status}>
        {run.status}
      </Badge>
      {outcome && (
        <Badge variant="light" color={STATUS_COLOR[outcome as keyof typeof STATUS_COLOR] ?? 'gray'} size="sm" data-outcome={outcome}>
          {outcome}
        </Badge>
      )}
      {run.instanceId && (
        <Anchor component={Link} to={instancePath(run.instanceId)} size="xs" style={{ whiteSpace: 'nowrap' }} title={run.instanceId}>
          Open instance
        </Anchor>
      )}
    </Group>
  );
}
