import { Alert, Button, Group, List, Paper, Stack, Text, Textarea, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconFolderCheck, IconX } from '@tabler/icons-react';
import { contract } from '@shared/contract';
import type { ReportVerification } from '@shared/contract/evidence';
import type { ApiError } from '../../api/api-error';
import { useOpMutation } from '../../api/hooks';
import { showApiError } from '../../forms/api-errors';
import { contractResolver } from '../../forms/resolver';

const EMPTY = { folder: '', publicKey: '', caCertificatePem: '' };
const resolve = contractResolver(contract['reports.verify'].input);

/** Empty optional fields are left out: the core then uses the copies inside the folder. */
function toInput(values: typeof EMPTY) {
  return Object.fromEntries(
    Object.entries(values)
      .map(([k, v]) => [k, v.trim()])
      .filter(([, v]) => v !== ''),
  ) as { folder: string; publicKey?: string; caCertificatePem?: string };
}

function Checks({ result }: { result: ReportVerification }) {
  return (
    <Alert
      color={result.ok ? 'teal' : 'red'}
      variant="light"
      title={result.ok ? 'The report verifies' : 'The report does not verify'}
      role={result.ok ? 'status' : 'alert'}
    >
      <List spacing={4} size="sm" aria-label="Report checks" center>
        {result.checks.map((check) => (
          <List.Item
            key={check.name}
            data-ok={check.ok}
            icon={
              <ThemeIcon size={18} radius="xl" color={check.ok ? 'teal' : 'red'} aria-label={check.ok ? 'passed' : 'failed'}>
                {check.ok ? <IconCheck size={12} /> : <IconX size={12} />}
              </ThemeIcon>
            }
          >
            <Text span size="sm" fw={500}>
              {check.name}
            </Text>
            {check.detail && (
              <Text span size="sm" c="dimmed">
                {' '}
                — {check.detail}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/**
 * Checks a report folder on the server machine: manifest signature, file hashes, the PDF's
 * signature and chain, events, range proof and checkpoint. Giving the site key and CA as
 * obtained out of band checks against those rather than the copies the folder carries.
 */
export function VerifyReportForm() {
  const verify = useOpMutation('reports.verify');
  const form = useForm({ initialValues: EMPTY, validate: (values) => resolve(toInput(values)) });
  const submit = form.onSubmit(async (values) => {
    try {
      await verify.mutateAsync(toInput(values));
    } catch (error) {
      showApiError(form, ['folder', 'publicKey', 'caCertificatePem'], error as ApiError);
    }
  });

  return (
    <Paper withBorder radius="sm" p="sm" component="section" aria-labelledby="verify-report-heading">
      <Title order={2} size="h4" id="verify-report-heading" mb="xs">
        Verify a report folder
      </Title>
      <form onSubmit={submit} noValidate aria-label="Verify a report folder">
        <Stack gap="sm">
          <TextInput
            label="Report folder"
            required
            placeholder="/srv/clearline/reports/2026-q1"
            description="An absolute path on the server machine."
            spellCheck={false}
            {...form.getInputProps('folder')}
          />
          <TextInput
            label="Site public key"
            description="Optional: the Ed25519 key (base64) as you obtained it from the site; otherwise the folder’s manifest-key.pem is used."
            spellCheck={false}
            {...form.getInputProps('publicKey')}
          />
          <Textarea
            label="Site CA certificate (PEM)"
            description="Optional: the CA as you obtained it; otherwise the folder’s site-ca.pem is used."
            autosize
            minRows={2}
            maxRows={8}
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
            {...form.getInputProps('caCertificatePem')}
          />
          <Group>
            <Button type="submit" variant="default" leftSection={<IconFolderCheck size={16} />} loading={verify.isPending}>
              Verify
            </Button>
          </Group>
          {verify.data && <Checks result={verify.data} />}
        </Stack>
      </form>
    </Paper>
  );
}
