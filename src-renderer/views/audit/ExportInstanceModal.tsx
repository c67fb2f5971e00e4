import { Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ApiError } from '../../api/api-error';
import { useOpMutation } from '../../api/hooks';
import { showApiError } from '../../forms/api-errors';
import { EMPTY_REPORT_FORM, requestFromForm } from './report-request';
import { TargetFolderField } from './TargetFolderField';
import { FormFooter } from '../../ui/FormFooter';

/** Starts an instance evidence report; the page then follows the export. */
export function ExportInstanceModal({ instanceId, onStarted, onClose }: { instanceId: string; onStarted: (jobId: string) => void; onClose: () => void }) {
  const exportReport = useOpMutation('reports.export', { invalidates: ['reports.list'] });
  const form = useForm({ initialValues: { targetDir: '' } });
  const submit = form.onSubmit(async ({ targetDir }) => {
    const result = requestFromForm({ ...EMPTY_REPORT_FORM, kind: 'instance', instanceId, targetDir });
    if (!result.ok) {
      form.setErrors(result.errors);
      return;
    }
    try {
      const { jobId } = await exportReport.mutateAsync(result.request);
      onStarted(jobId);
      onClose();
    } catch (error) {
      showApiError(form, ['targetDir'], error as ApiError);
    }
  });
  return (
    <Modal opened onClose={onClose} title="Export evidence report">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            Every event of instance <span className="mono">{instanceId}</span> and of its tasks, approvals and incidents, as a signed PDF, a CSV and a JSON
            evidence bundle with a range proof to a checkpoint signed for this export.
          </Text>
          <TargetFolderField {...form.getInputProps('targetDir')} />
          <FormFooter onBack={onClose} submit="Export" loading={exportReport.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
