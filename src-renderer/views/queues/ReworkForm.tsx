import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import type { TaskDetail } from '@shared/contract/work';
import type { JsonValue } from '@shared/domain/audit';
import type { ApiError } from '../../api/api-error';
import { useOpMutation } from '../../api/hooks';
import { RefusalAlert } from '../../ui/RefusalAlert';
import { formatTime } from '../../ui/format';
import { dataLeaves, formatLeaf, isMoney, type DataLeaf } from './data-leaves';
import { MaskedValue } from './MaskedValue';
import { MoneyInput } from './MoneyInput';

type Input = string | { amount: string; currency: string };

function initial(leaf: DataLeaf): Input {
  return isMoney(leaf.value) ? { ...leaf.value } : leaf.value === null ? '' : formatLeaf(leaf.value);
}

/** The new value in the type the old one had (a number stays a number, a flag a flag). */
function typed(old: JsonValue, input: Input): JsonValue {
  if (typeof input === 'object') return input;
  if (typeof old === 'number' && input.trim() !== '' && Number.isFinite(Number(input))) return Number(input);
  if (typeof old === 'boolean' && (input === 'true' || input === 'false')) return input === 'true';
  return input;
}

/**
 * "Changes requested": the maker reads what the approver asked for, corrects the data under
 * approval and sends it back. Only
 * changed values are sent; the core applies them as a data change, which voids the round's
 * decisions and restarts the approval. Masked values stay as they are.
 */
export function ReworkForm({ detail, onCompleted }: { detail: TaskDetail; onCompleted: () => void }) {
  const leaves = dataLeaves(detail.data);
  const masked = new Set(detail.maskedPaths);
  const [inputs, setInputs] = useState<Record<string, Input>>(() => Object.fromEntries(leaves.map((l) => [l.path, initial(l)])));
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const complete = useOpMutation('tasks.complete', { invalidates: ['tasks.list', 'tasks.get'] });
  const editable = detail.can.complete;

  const submit = async () => {
    const values: Record<string, JsonValue> = {};
    for (const leaf of leaves) {
      const input = inputs[leaf.path];
      if (masked.has(leaf.path) || input === undefined) continue;
      if (JSON.stringify(input) !== JSON.stringify(initial(leaf))) values[leaf.path] = typed(leaf.value, input);
    }
    setRefusal(null);
    try {
      await complete.mutateAsync({ taskId: detail.task.id, values });
      onCompleted();
    } catch (error) {
      setRefusal(error as ApiError);
    }
  };

  return (
    <form
      aria-label="Rework"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        {detail.rework && <ReworkRequest request={detail.rework} />}
        <Text size="sm" c="dimmed">
          {editable
            ? 'Correct what the approvers asked for and send it back; the approval starts again. Sending it unchanged also restarts the approval.'
            : 'Claim the task to correct the data.'}
        </Text>
        {leaves.map((leaf) => {
          const input = inputs[leaf.path] ?? '';
          if (masked.has(leaf.path))
            return (
              <Stack key={leaf.path} gap={2}>
                <Text size="sm" fw={500} ff="monospace">
                  {leaf.path}
                </Text>
                <MaskedValue taskId={detail.task.id} path={leaf.path} masked={leaf.value} />
              </Stack>
            );
          return typeof input === 'object' ? (
            <MoneyInput
              key={leaf.path}
              label={leaf.path}
              required={false}
              disabled={!editable}
              value={input}
              onChange={(next) => setInputs((c) => ({ ...c, [leaf.path]: next }))}
            />
          ) : (
            <TextInput
              key={leaf.path}
              label={leaf.path}
              disabled={!editable}
              value={input}
              onChange={(e) => {
                const next = e.currentTarget.value;
                setInputs((c) => ({ ...c, [leaf.path]: next }));
              }}
            />
          );
        })}
        {refusal && <RefusalAlert error={refusal} title="Not sent back" />}
        {editable && (
          <Group justify="flex-end">
            <Button type="submit" loading={complete.isPending}>
              Send back for approval
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function ReworkRequest({ request }: { request: NonNullable<TaskDetail['rework']> }) {
  const who = [request.by, request.level && `(${request.level})`].filter(Boolean).join(' ');
  return (
    <Alert color="orange" variant="light" icon={<IconArrowBackUp size={18} />} title={`Changes requested${who ? ` by ${who}` : ''}`}>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {request.comment}
      </Text>
      {request.at && (
        <Text size="xs" c="dimmed" mt={4}>
          {formatTime(request.at)}
        </Text>
      )}
    </Alert>
  );
}
