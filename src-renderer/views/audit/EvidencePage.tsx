import { useState } from 'react';
import { Button, Grid, Loader, Stack } from '@mantine/core';
import { IconKey, IconSettings, IconSignature } from '@tabler/icons-react';
import type { ApiError } from '../../api/api-error';
import { useOp, useOpMutation } from '../../api/hooks';
import { useCan } from '../../session/session-context';
import { notifyError, notifySuccess } from '../../ui/notify';
import { QueryError } from '../../ui/QueryError';
import { ViewHeader } from '../../ui/ViewHeader';
import { CheckpointsTable } from './CheckpointsTable';
import { ConfigureEvidenceModal } from './ConfigureEvidenceModal';
import { DocumentSignerCard } from './DocumentSignerCard';
import { KeyHistory } from './KeyHistory';
import { RotateKeyModal } from './RotateKeyModal';
import { SectionTabs } from './SectionTabs';
import { SigningKeyCard } from './SigningKeyCard';
import { WitnessScheduleCard } from './WitnessScheduleCard';

/**
 * What the evidence rests on: the key that signs checkpoints and manifests (and its history),
 * the certificate that signs report PDFs, the witness folder and checkpoint schedule, and the
 * checkpoints themselves. Administrators (audit.manage) act here; everyone else reads.
 */
export function EvidencePage() {
  const can = useCan();
  const manage = can('audit.manage');
  const settings = useOp('evidence.settings', {});
  const [dialog, setDialog] = useState<'rotate' | 'configure' | null>(null);
  const checkpoint = useOpMutation('checkpoints.create', { invalidates: ['checkpoints.list', 'audit.status'] });
  const createCheckpoint = () =>
    checkpoint.mutate(
      {},
      {
        onSuccess: (r) => notifySuccess(`Checkpoint of ${r.checkpoint.treeSize} events signed${r.witness.file ? ' and witnessed' : ''}.`),
        onError: (e: ApiError) => notifyError(e),
      },
    );
  const data = settings.data;

  return (
    <>
      <ViewHeader
        title="Evidence"
        subtitle="The keys and checkpoints that make the trail and its reports verifiable without Clearline."
        actions={
          manage && (
            <Button variant="default" leftSection={<IconSignature size={16} />} loading={checkpoint.isPending} onClick={createCheckpoint}>
              Create checkpoint now
            </Button>
          )
        }
      />
      <SectionTabs active="evidence">
        {settings.isPending && <Loader size="sm" aria-label="Loading evidence settings" />}
        {settings.error && <QueryError error={settings.error} onRetry={() => void settings.refetch()} />}
        {data && (
          <Stack gap="md">
            <Grid gap="md">
              <Grid.Col span={{ base: 12, lg: 6 }}>
                <Stack gap="md">
                  <SigningKeyCard
                    signingKey={data.signingKey}
                    actions={
                      manage &&
                      data.signingKey && (
                        <Button variant="light" color="red" size="compact-sm" leftSection={<IconKey size={14} />} onClick={() => setDialog('rotate')}>
                          Rotate key
                        </Button>
                      )
                    }
                  />
                  <WitnessScheduleCard
                    settings={data}
                    actions={
                      manage && (
                        <Button variant="default" size="compact-sm" leftSection={<IconSettings size={14} />} onClick={() => setDialog('configure')}>
                          Configure
                        </Button>
                      )
                    }
                  />
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 6 }}>
                <DocumentSignerCard signer={data.documentSigner} />
              </Grid.Col>
            </Grid>
            <KeyHistory keys={data.keyHistory} />
            <CheckpointsTable folderSet={data.witnessFolder !== null} />
          </Stack>
        )}
      </SectionTabs>
      {dialog === 'rotate' && data?.signingKey && <RotateKeyModal current={data.signingKey} onClose={() => setDialog(null)} />}
      {dialog === 'configure' && data && <ConfigureEvidenceModal settings={data} onClose={() => setDialog(null)} />}
    </>
  );
}
