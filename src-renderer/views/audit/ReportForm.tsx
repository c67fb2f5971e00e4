import { Button, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconFileExport } from '@tabler/icons-react';
import { ControlReport } from '@shared/contract/evidence';
import type { ApiError } from '../../api/api-error';
import { useOpMutation } from '../../api/hooks';
import { showApiError } from '../../forms/api-errors';
import { FilterFields, TimeRangeFields } from './FilterFields';
import { EMPTY_REPORT_FORM, requestFromForm, type ReportKind } from './report-request';
import { TargetFolderField } from './TargetFolderField';

const KINDS: { value: ReportKind; label: string; intro: string }[] = [
  { value: 'instance', label: 'Instance', intro: 'Every event of one instance and of its tasks, approvals and incidents: its whole decision chain.' },
  { value: 'period', label: 'Period', intro: 'The events of a time range, narrowed with the same filters as the search.' },
  { value: 'control', label: 'Control', intro: 'One control over a time range, with what an auditor asks about it.' },
];

const CONTROLS: Record<ControlReport, string> = {
  'sod-refusals': 'Refused segregation-of-duties attempts',
  'break-glass': 'Break-glass overrides',
  'config-changes': 'Configuration changes and their second approvers',
  'sla-breaches': 'SLA breaches',
  incidents: 'Incidents and their resolution',
  'unmasked-views': 'Unmasked views of sensitive data',
};

/** Fields the core may name in a refusal, besides the filters. */
const FIELDS = ['instanceId', 'control', 'from', 'to', 'targetDir', 'actor', 'action', 'subjectType', 'subjectId', 'workflow', 'outcome', 'text'];

/** The three kinds of signed report from one form; Export starts the job and hands its id up. */
export function ReportForm({ onStarted }: { onStarted: (jobId: string) => void }) {
  const exportReport = useOpMutation('reports.export', { invalidates: ['reports.list'] });
  const form = useForm({ initialValues: EMPTY_REPORT_FORM });
  const kind = form.values.kind;
  const submit = form.onSubmit(async (values) => {
    const result = requestFromForm(values);
    if (!result.ok) {
      form.setErrors(result.errors);
      return;
    }
    try {
      onStarted((await exportReport.mutateAsync(result.request)).jobId);
    } catch (error) {
      showApiError(form, FIELDS, error as ApiError);
    }
  });

  return (
    <Paper withBorder radius="sm" p="sm" component="section" aria-labelledby="export-heading">
      <Title order={2} size="h4" id="export-heading" mb="xs">
        Export a signed report
      </Title>
      <form onSubmit={submit} noValidate aria-label="Export a signed report">
        <Stack gap="sm">
          <div>
            <SegmentedControl
              aria-label="Report kind"
              value={kind}
              onChange={(value) => {
                form.setFieldValue('kind', value as ReportKind);
                form.clearErrors();
              }}
              data={KINDS.map(({ value, label }) => ({ value, label }))}
            />
            <Text size="sm" c="dimmed" mt={4}>
              {KINDS.find((k) => k.value === kind)?.intro}
            </Text>
          </div>
          {kind === 'instance' && <TextInput label="Instance id" required w={420} spellCheck={false} {...form.getInputProps('instanceId')} />}
          {kind === 'control' && (
            <Select
              label="Control"
              required
              w={420}
              data={ControlReport.options.map((value) => ({ value, label: CONTROLS[value] }))}
              {...form.getInputProps('control')}
              value={form.values.control || null}
              onChange={(value) => form.setFieldValue('control', (value ?? '') as ControlReport | '')}
            />
          )}
          {kind !== 'instance' && (
            <Group align="flex-start" gap="xs" wrap="wrap">
              <TimeRangeFields field={form.getInputProps} required />
            </Group>
          )}
          {kind === 'period' && (
            <Group align="flex-start" gap="xs" wrap="wrap">
              <FilterFields field={form.getInputProps} />
            </Group>
          )}
          <TargetFolderField {...form.getInputProps('targetDir')} />
          <Group>
            <Button type="submit" leftSection={<IconFileExport size={16} />} loading={exportReport.isPending}>
              Export
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
