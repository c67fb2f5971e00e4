import { Alert, Badge, Button, Code, Collapse, Group, Paper, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { DocumentSignerInfo } from '@shared/contract/evidence';
import { formatTime } from '../../ui/format';
import { useNow } from '../../ui/use-now';
import { CopyAction } from './CopyAction';
import { Fact, Facts } from './Facts';

const ALGORITHM: Record<DocumentSignerInfo['algorithm'], string> = { 'ecdsa-p256': 'ECDSA P-256', 'rsa-3072': 'RSA 3072' };
const SOURCE: Record<DocumentSignerInfo['source'], string> = {
  'site-ca': 'created at init under the site’s own CA',
  imported: 'imported from the bank’s CA (PKCS#12)',
};

function Validity({ signer }: { signer: DocumentSignerInfo }) {
  const now = useNow();
  const state = now < Date.parse(signer.notBefore) ? 'not yet valid' : now > Date.parse(signer.notAfter) ? 'expired' : 'valid';
  return (
    <>
      {formatTime(signer.notBefore)} – {formatTime(signer.notAfter)}{' '}
      <Badge size="sm" variant="light" color={state === 'valid' ? 'teal' : 'red'}>
        {state}
      </Badge>
    </>
  );
}

/**
 * The X.509 identity that signs report PDFs. Auditors import its CA into their NSS database
 * so that pdfsig says "Certificate is Trusted": the PEM is here to copy.
 */
export function DocumentSignerCard({ signer }: { signer: DocumentSignerInfo | null }) {
  const [showPem, pem] = useDisclosure(false);
  return (
    <Paper withBorder radius="sm" p="sm" component="section" aria-labelledby="document-signer-heading">
      <Title order={2} size="h4" id="document-signer-heading" mb="xs">
        Document-signing certificate
      </Title>
      {!signer ? (
        <Alert color="yellow" variant="light">
          <Text size="sm">
            No document-signing certificate: report PDFs cannot be signed. An administrator creates one at init or imports the bank’s (PKCS#12).
          </Text>
        </Alert>
      ) : (
        <>
          <Facts label="Document-signing certificate">
            <Fact label="Subject">{signer.subject}</Fact>
            <Fact label="Issuer">{signer.issuer}</Fact>
            <Fact label="Serial number">
              <span className="mono">{signer.serialNumber}</span>
            </Fact>
            <Fact label="Algorithm">{ALGORITHM[signer.algorithm]}</Fact>
            <Fact label="Valid">
              <Validity signer={signer} />
            </Fact>
            <Fact label="SHA-256 fingerprint">
              <span className="mono">{signer.fingerprint}</span>
            </Fact>
            <Fact label="Source">{SOURCE[signer.source]}</Fact>
          </Facts>
          <Group gap="xs" mt="sm">
            <CopyAction value={signer.caCertificatePem} label="Copy CA certificate (PEM)" size="compact-sm" />
            <Button variant="subtle" size="compact-sm" onClick={pem.toggle} aria-expanded={showPem}>
              {showPem ? 'Hide the PEM' : 'Show the PEM'}
            </Button>
          </Group>
          <Collapse expanded={showPem}>
            <Code block mt="xs" aria-label="CA certificate (PEM)">
              {signer.caCertificatePem}
            </Code>
          </Collapse>
        </>
      )}
    </Paper>
  );
}
