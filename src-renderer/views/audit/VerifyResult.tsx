import { Alert, Anchor, List, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { AuditVerification } from '@shared/contract/audit';
import { eventPath } from './paths';

function Verdict({ ok }: { ok: boolean }) {
  return (
    <Text span size="sm" fw={600} c={ok ? 'teal' : 'red'}>
      {ok ? 'passed' : 'failed'}
    </Text>
  );
}

/**
 * The whole answer of `audit.verify`, check by check: the hash chain, the Merkle tree, the
 * signed checkpoints (stored and witnessed) and the witness folder; the first bad event links
 * to its page.
 */
export function VerifyResult({ result, onClose }: { result: AuditVerification; onClose: () => void }) {
  const problems = [...result.checkpoints.problems, ...result.witness.problems];
  return (
    <Alert
      color={result.ok ? 'teal' : 'red'}
      variant="light"
      icon={result.ok ? <IconCircleCheck size={18} /> : <IconAlertTriangle size={18} />}
      title={result.ok ? 'The audit trail verifies' : 'The audit trail does not verify'}
      mb="md"
      role={result.ok ? 'status' : 'alert'}
      withCloseButton
      closeButtonLabel="Dismiss the verification result"
      onClose={onClose}
    >
      <Text size="sm" mb={6}>
        {result.checked} event{result.checked === 1 ? '' : 's'} checked
        {result.head && (
          <>
            ; head #{result.head.seq}, hash <span className="mono">{result.head.hash}</span>
          </>
        )}
        .
        {result.firstBad && (
          <>
            {' '}
            The first bad event is{' '}
            <Anchor component={Link} to={eventPath(result.firstBad.seq)} size="sm">
              #{result.firstBad.seq}
            </Anchor>
            : {result.firstBad.reason}.
          </>
        )}
      </Text>
      <Table withRowBorders={false} verticalSpacing={2} aria-label="Verification checks">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={130}>Hash chain</Table.Th>
            <Table.Td>
              <Verdict ok={result.chain.ok} /> · {result.chain.checked} events
              {result.chain.firstBad && ` · first bad #${result.chain.firstBad.seq}: ${result.chain.firstBad.reason}`}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Merkle tree</Table.Th>
            <Table.Td>
              {result.tree ? (
                <>
                  {result.tree.size} leaves · root <span className="mono">{result.tree.rootHash}</span>
                </>
              ) : (
                'empty trail'
              )}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Checkpoints</Table.Th>
            <Table.Td>
              <Verdict ok={result.checkpoints.ok} /> · {result.checkpoints.count} compared (stored and witnessed)
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Witness folder</Table.Th>
            <Table.Td>
              {result.witness.state === 'not-configured' ? (
                'none set: checkpoints are only in the database'
              ) : (
                <>
                  {result.witness.state} · {result.witness.files} files in <span className="mono">{result.witness.folder}</span>
                </>
              )}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {problems.length > 0 && (
        <List size="sm" mt={6} spacing={2} aria-label="Verification problems">
          {problems.map((p) => (
            <List.Item key={p}>{p}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
