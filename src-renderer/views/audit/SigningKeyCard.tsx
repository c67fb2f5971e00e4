import type { ReactNode } from 'react';
import { Alert, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { SigningKeyInfo } from '@shared/contract/evidence';
import { formatTime } from '../../ui/format';
import { CopyAction } from './CopyAction';
import { Fact, Facts } from './Facts';
import { groupedFingerprint } from './fingerprint';

/**
 * The Ed25519 key in force: its fingerprint large enough to read out over the phone, which
 * is how an auditor compares it with the one printed in every report.
 */
export function SigningKeyCard({ signingKey, actions }: { signingKey: SigningKeyInfo | null; actions?: ReactNode }) {
  return (
    <Paper withBorder radius="sm" p="sm" component="section" aria-labelledby="signing-key-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="signing-key-heading">
          Signing key
        </Title>
        {actions}
      </Group>
      {!signingKey ? (
        <Alert color="yellow" variant="light">
          <Text size="sm">The site has no signing key yet: checkpoints and report manifests cannot be signed. An administrator creates one at init.</Text>
        </Alert>
      ) : (
        <Stack gap="sm">
          <div>
            <Text size="xs" c="dimmed">
              Fingerprint: SHA-256 of the public key, as sha256sum prints it
            </Text>
            <Text className="cl-fingerprint" aria-label="Signing key fingerprint">
              {groupedFingerprint(signingKey.fingerprint)}
            </Text>
          </div>
          <Group gap="xs">
            <CopyAction value={signingKey.fingerprint} label="Copy fingerprint" size="compact-sm" />
            <CopyAction value={signingKey.publicKey} label="Copy public key" size="compact-sm" />
          </Group>
          <Facts label="Signing key">
            <Fact label="Key id">
              <span className="mono">{signingKey.keyId}</span>
            </Fact>
            <Fact label="Created">{formatTime(signingKey.createdAt)}</Fact>
            <Fact label="Public key">
              <span className="mono">{signingKey.publicKey}</span>
            </Fact>
          </Facts>
        </Stack>
      )}
    </Paper>
  );
}
