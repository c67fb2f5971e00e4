import { Group, Progress, Text } from '@mantine/core';
import type { ReportJob } from '@shared/contract/evidence';
import { overallPercent, phaseLabel, phaseStep } from './report-phases';

const COLOR: Record<ReportJob['status'], string> = { running: 'blue', done: 'teal', failed: 'red', interrupted: 'orange' };

/** The export's bar over all its phases, with the phase in words and its done/total. */
export function ReportProgress({ job }: { job: Pick<ReportJob, 'status' | 'phase' | 'done' | 'total'> }) {
  const percent = overallPercent(job);
  const step = phaseStep(job.phase);
  return (
    <div>
      <Group justify="space-between" mb={4} gap="xs">
        <Text size="sm" fw={500}>
          {job.status === 'running' ? phaseLabel(job.phase) : job.status === 'done' ? 'Done' : `Stopped while ${phaseLabel(job.phase).toLowerCase()}`}
          {job.status === 'running' && step && (
            <Text span size="xs" c="dimmed">
              {' '}
              ({step})
            </Text>
          )}
        </Text>
        {job.total !== null && job.status === 'running' && (
          <Text size="xs" c="dimmed" className="tabular">
            {job.done.toLocaleString('en-US')} / {job.total.toLocaleString('en-US')}
          </Text>
        )}
      </Group>
      <Progress
        value={percent}
        color={COLOR[job.status]}
        size="lg"
        striped={job.status === 'running'}
        animated={job.status === 'running'}
        aria-label="Export progress"
      />
    </div>
  );
}
