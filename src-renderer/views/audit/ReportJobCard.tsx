import { Alert, CloseButton, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReportJob } from '@shared/contract/evidence';
import { QueryError } from '../../ui/QueryError';
import { CopyAction } from './CopyAction';
import { Fact, Facts } from './Facts';
import { ReportFiles } from './ReportFiles';
import { ReportProgress } from './ReportProgress';
import { useReportJob } from './use-report-job';

/** Where a finished export is and what vouches for it. */
function Outcome({ job }: { job: ReportJob }) {
  if (job.status === 'failed' || job.status === 'interrupted')
    return (
      <Alert color="red" variant="light" title={job.status === 'failed' ? 'The export failed' : 'The export was interrupted'} role="alert">
        <Text size="sm">{job.error ?? 'The process writing it stopped.'} Nothing was published; export again.</Text>
      </Alert>
    );
  if (job.status !== 'done') return null;
  return (
    <Stack gap="xs">
      <Facts label="Export">
        <Fact label="Folder">
          <Group gap="xs" wrap="nowrap">
            <span className="mono">{job.folder}</span>
            <CopyAction value={job.folder} label="Copy path" size="compact-sm" />
          </Group>
        </Fact>
        <Fact label="Events">{job.eventCount ?? '—'}</Fact>
        <Fact label="Checkpoint">
          {job.checkpoint ? (
            <>
              {job.checkpoint.treeSize} events, key <span className="mono">{job.checkpoint.keyId}</span>, root{' '}
              <span className="mono">{job.checkpoint.rootHash}</span>
            </>
          ) : (
            '—'
          )}
        </Fact>
      </Facts>
      <ReportFiles files={job.files} />
    </Stack>
  );
}

/** One export followed live, from its first phase to its files. */
export function ReportJobCard({ jobId, onClose }: { jobId: string; onClose?: () => void }) {
  const job = useReportJob(jobId);
  return (
    <Paper withBorder radius="sm" p="sm" mb="md" component="section" aria-label="Report export">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} size="h4">
          {job.data?.title ?? 'Report export'}
        </Title>
        {onClose && <CloseButton aria-label="Close the export" onClick={onClose} />}
      </Group>
      {job.error && <QueryError error={job.error} onRetry={() => void job.refetch()} />}
      {job.isPending && <Loader size="sm" aria-label="Loading the export" />}
      {job.data && (
        <Stack gap="sm">
          <ReportProgress job={job.data} />
          <Outcome job={job.data} />
        </Stack>
      )}
    </Paper>
  );
}
