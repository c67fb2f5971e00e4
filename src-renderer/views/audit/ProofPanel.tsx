import { Alert, Badge, Group, Paper, Text, Title } from '@mantine/core';
import type { AuditEventDetail } from '@shared/contract/evidence';
import { formatTime } from '../../ui/format';
import { CopyAction } from './CopyAction';
import { Fact, Facts } from './Facts';

type Proof = NonNullable<AuditEventDetail['proof']>;

/** The JSON the inclusion script of docs/audit-evidence.md reads, exactly as the contract carries it. */
export function proofJson(proof: Proof): string {
  const { seq, eventHash, treeSize, inclusionProof } = proof.inclusion;
  return `${JSON.stringify({ seq, eventHash, treeSize, inclusionProof }, null, 2)}\n`;
}

/** Why a checkpoint has no witness file: the copy failed (and is retried), or there is no witness folder (`witnessSet` undefined: not known yet). */
function WitnessMissing({ error, witnessSet }: { error: string | null; witnessSet: boolean | undefined }) {
  if (error) return <>not written yet: {error}</>;
  return <>{witnessSet === false ? 'none: the site has no witness folder' : 'not written yet'}</>;
}

/**
 * The event's inclusion proof in the latest signed checkpoint that covers it: the auditor
 * copies the proof JSON and checks it, with the checkpoint file from the witness folder,
 * using nothing but the Python script of docs/audit-evidence.md.
 */
export function ProofPanel({ proof, witnessSet }: { proof: AuditEventDetail['proof']; witnessSet: boolean | undefined }) {
  return (
    <Paper withBorder radius="sm" p="sm" component="section" aria-labelledby="proof-heading">
      <Group justify="space-between" mb={6}>
        <Title order={2} size="h4" id="proof-heading">
          Inclusion proof
        </Title>
        {proof && (
          <Badge color={proof.verified ? 'teal' : 'red'} variant="light">
            {proof.verified ? 'Verified' : 'Does not verify'}
          </Badge>
        )}
      </Group>
      {!proof ? (
        <Alert color="gray" variant="light">
          <Text size="sm">
            No signed checkpoint covers this event yet. The next one (on the checkpoint schedule, at the next report export, or one an administrator signs under
            Audit › Evidence) will, and its proof will show here.
          </Text>
        </Alert>
      ) : (
        <>
          <Facts label="Checkpoint">
            <Fact label="Verified">{proof.verified ? 'yes: the proof leads to the signed root' : 'no: the proof does not lead to the signed root'}</Fact>
            <Fact label="Tree size">{proof.checkpoint.checkpoint.treeSize} events</Fact>
            <Fact label="Signed">{formatTime(proof.checkpoint.checkpoint.time)}</Fact>
            <Fact label="Key id">
              <span className="mono">{proof.checkpoint.checkpoint.keyId}</span>
            </Fact>
            <Fact label="Root hash">
              <span className="mono">{proof.checkpoint.checkpoint.rootHash}</span>
            </Fact>
            <Fact label="Witness file">
              {proof.checkpoint.witness.file ? (
                <span className="mono">{proof.checkpoint.witness.file}</span>
              ) : (
                <WitnessMissing error={proof.checkpoint.witness.error} witnessSet={witnessSet} />
              )}
            </Fact>
            <Fact label="Proof">
              {proof.inclusion.inclusionProof.length} hash{proof.inclusion.inclusionProof.length === 1 ? '' : 'es'} from leaf {proof.inclusion.seq} of{' '}
              {proof.inclusion.treeSize}
            </Fact>
          </Facts>
          <Group mt="sm" gap="xs">
            <CopyAction value={proofJson(proof)} label="Copy proof JSON" size="compact-sm" />
          </Group>
          <Text size="xs" c="dimmed" mt={6}>
            Check it without Clearline: save it as proof.json and run the script of docs/audit-evidence.md (“Checking an inclusion proof”) with the checkpoint
            file above from the witness folder, after checking that file’s signature with openssl.
          </Text>
        </>
      )}
    </Paper>
  );
}
