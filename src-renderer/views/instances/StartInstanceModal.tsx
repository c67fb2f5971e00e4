import { Code, JsonInput, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { z } from 'zod';
import { useNavigate } from 'react-router';
import type { ApiError } from '../../api/api-error';
import { useOpMutation } from '../../api/hooks';
import { showApiError } from '../../forms/api-errors';
import { contractResolver } from '../../forms/resolver';
import { notifySuccess } from '../../ui/notify';
import { JsonObjectText, parseJson } from '../../ui/json-text';
import { FormFooter } from '../../ui/FormFooter';

const schema = z.object({ input: JsonObjectText });

/** Starts an instance of one workflow version with the input typed as JSON, then opens it. */
export function StartInstanceModal({
  workflow,
  version,
  businessKey,
  onClose,
}: {
  workflow: string;
  version: number;
  /** The definition's business-key expression, as a hint of what the input needs. */
  businessKey?: string | null;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const start = useOpMutation('instances.start', { invalidates: ['instances.search'] });
  const form = useForm({ initialValues: { input: '{\n  \n}' }, validate: contractResolver(schema) });
  const submit = form.onSubmit(async ({ input }) => {
    try {
      const started = await start.mutateAsync({ workflow, version, input: parseJson(input) });
      notifySuccess(`Instance of ${workflow} v${started.workflowVersion} started.`);
      onClose();
      void navigate(`/instances/${encodeURIComponent(started.instanceId)}`);
    } catch (error) {
      showApiError(form, ['input'], error as ApiError);
    }
  });
  return (
    <Modal opened onClose={onClose} title={`Start ${workflow} v${version}`} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            The input becomes the instance&apos;s variables, recorded as entered by you.
            {businessKey ? (
              <>
                {' '}
                Its business key is <Code>{businessKey}</Code>.
              </>
            ) : null}
          </Text>
          <JsonInput
            label="Input (JSON object)"
            autosize
            minRows={8}
            maxRows={24}
            formatOnBlur
            spellCheck={false}
            data-autofocus
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-xs)' } }}
            {...form.getInputProps('input')}
          />
          <FormFooter onBack={onClose} back="Cancel" submit="Start instance" loading={start.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
