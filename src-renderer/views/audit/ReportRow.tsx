import { useState } from 'react';
import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import type { ReportJob } from '@shared/contract/evidence';
import { formatTime } from '../../ui/format';
import { Fact, Facts } from './Facts';
import { ReportFiles } from './ReportFiles';
import { ReportProgress } from './ReportProgress';

export const REPORT_COLUMNS = 6;

const STATUS_COLOR: Record<ReportJob['status'], string> = { running: 'blue', done: 'teal', failed: 'red', interrupted: 'orange' };

/** One export in the list; its files, hashes and checkpoint unfold under it. */
export function ReportRow({ job }: { job: ReportJob }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Table.Tr data-job-id={job.id}>
        <Table.Td className="tabular">{formatTime(job.requestedAt)}</Table.Td>
        <Table.Td>
          <Text size="sm" fw={500}>
            {job.title}
          </Text>
          <Text size="xs" c="dimmed">
            {job.request.kind} · by {job.requestedBy}
          </Text>
        </Table.Td>
        <Table.Td>
          {job.status === 'running' ? (
            <ReportProgress job={job} />
          ) : (
            <Badge variant="light" color={STATUS_COLOR[job.status]}>
              {job.status}
            </Badge>
          )}
        </Table.Td>
        <Table.Td className="tabular">{job.eventCount ?? '—'}</Table.Td>
        <Table.Td>
          <Text span className="mono">
            {job.folder}
          </Text>
        </Table.Td>
        <Table.Td>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-label={`${open ? 'Hide' : 'Show'} the files of ${job.title}`}
          >
            {job.files.length} files
          </Button>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={REPORT_COLUMNS}>
            <Stack gap="xs" py={4}>
              <Facts>
                <Fact label="Checkpoint">
                  {job.checkpoint ? (
                    <>
                      {job.checkpoint.treeSize} events, key <span className="mono">{job.checkpoint.keyId}</span>, root{' '}
                      <span className="mono">{job.checkpoint.rootHash}</span>
                    </>
                  ) : (
                    'none'
                  )}
                </Fact>
                <Fact label="Finished">{formatTime(job.finishedAt)}</Fact>
                {job.error && <Fact label="Error">{job.error}</Fact>}
              </Facts>
              {job.files.length > 0 ? <ReportFiles files={job.files} /> : <Text size="sm">No file was published.</Text>}
            </Stack>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
