import { useState } from 'react';
import { Box, Grid, Stack } from '@mantine/core';
import { useCan } from '../../session/session-context';
import { ViewHeader } from '../../ui/ViewHeader';
import { ReportForm } from './ReportForm';
import { ReportJobCard } from './ReportJobCard';
import { ReportList } from './ReportList';
import { SectionTabs } from './SectionTabs';
import { VerifyReportForm } from './VerifyReportForm';

/**
 * Signed reports: export one (followed live to its files), the site's exports with their
 * files and hashes, and a check of any report folder on the server machine.
 */
export function ReportsPage() {
  const can = useCan();
  const [jobId, setJobId] = useState<string | null>(null);
  return (
    <>
      <ViewHeader title="Reports" subtitle="Signed PDF, CSV and JSON evidence that an auditor verifies with sha256sum, openssl and pdfsig." />
      <SectionTabs active="reports">
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="md">
              {can('report.export') && <ReportForm onStarted={setJobId} />}
              {jobId && <ReportJobCard key={jobId} jobId={jobId} onClose={() => setJobId(null)} />}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <VerifyReportForm />
          </Grid.Col>
        </Grid>
        <Box mt="lg">
          <ReportList />
        </Box>
      </SectionTabs>
    </>
  );
}
