import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { contract, type OpOutput } from '@shared/contract';
import type { SigningKeyInfo } from '@shared/contract/evidence';
import type { ApiError } from '../../api/api-error';
import { useOpMutation } from '../../api/hooks';
import { showApiError } from '../../forms/api-errors';
import { contractResolver } from '../../forms/resolver';
import { RefusalAlert } from '../../ui/RefusalAlert';
import { ReasonField } from '../instances/ReasonField';
import { CopyAction } from './CopyAction';
import { groupedFingerprint } from './fingerprint';
import { FormFooter } from '../../ui/FormFooter';

const resolveReason = contractResolver(contract['audit.rotateKey'].input);

function Rotated({ result, onClose }: { result: OpOutput<'audit.rotateKey'>; onClose: () => void }) {
  return (
    <Stack gap="sm">
      <Alert color="teal" variant="light" title="The new key is in force" role="status">
        <Text size="sm">
          Key <span className="mono">{result.previous.keyId}</span> signed checkpoint {result.checkpoint.checkpoint.treeSize} announcing key{' '}
          <span className="mono">{result.current.keyId}</span>, and signs nothing more. Give the new fingerprint to the auditors out of band:
        </Text>
        <Text className="cl-fingerprint" mt="xs" aria-label="New signing key fingerprint">
          {groupedFingerprint(result.current.fingerprint)}
        </Text>
      </Alert>
      <Group justify="flex-end" gap="xs">
        <CopyAction value={result.current.fingerprint} label="Copy fingerprint" size="sm" />
        <Button onClick={onClose}>Done</Button>
      </Group>
    </Stack>
  );
}

/**
 * Replaces the Ed25519 signing key. It cannot be undone and every auditor must learn the new
 * fingerprint, so it takes a reason and the current key id typed out.
 */
export function RotateKeyModal({ current, onClose }: { current: SigningKeyInfo; onClose: () => void }) {
  const rotate = useOpMutation('audit.rotateKey', { invalidates: ['evidence.settings', 'checkpoints.list', 'audit.status'] });
  const [result, setResult] = useState<OpOutput<'audit.rotateKey'> | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const form = useForm({
    initialValues: { reason: '', confirm: '' },
    validate: (values) => ({
      ...resolveReason({ reason: values.reason }),
      ...(values.confirm.trim() === current.keyId ? {} : { confirm: `Type ${current.keyId} to confirm` }),
    }),
  });
  const submit = form.onSubmit(async ({ reason }) => {
    setRefusal(null);
    try {
      setResult(await rotate.mutateAsync({ reason }));
    } catch (error) {
      showApiError(form, ['reason'], error as ApiError, setRefusal);
    }
  });

  return (
    <Modal opened onClose={onClose} title="Rotate the signing key" size="lg">
      {result ? (
        <Rotated result={result} onClose={onClose} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm">
              A new Ed25519 key is made; the current key <span className="mono">{current.keyId}</span> signs a checkpoint announcing it and then signs nothing
              more. Old checkpoints and reports stay verifiable. Reports exported from now on carry the new fingerprint, which auditors must obtain from you.
            </Text>
            <ReasonField {...form.getInputProps('reason')} />
            <TextInput
              label="Type the current key id to confirm"
              placeholder={current.keyId}
              spellCheck={false}
              autoComplete="off"
              {...form.getInputProps('confirm')}
            />
            {refusal && <RefusalAlert error={refusal} title="The key was not rotated" />}
            <FormFooter onBack={onClose} submit="Rotate key" color="red" loading={rotate.isPending} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
