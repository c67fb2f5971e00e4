import '../workflows/workflows.css';
import { useRef, useState } from 'react';
import { Button, FileInput, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconFileImport } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import type { OpInput } from '@shared/contract';
import type { CalendarImportResult, CalendarSummary } from '@shared/contract/schedules';
import type { ApiError } from '../../api/api-error';
import { useOp, useOpMutation } from '../../api/hooks';
import { showApiError } from '../../forms/api-errors';
import { notifyError } from '../../ui/notify';
import { formatOf, nameFromFile } from './calendar-file';
import { settingsInput, validateSettings, type CalendarSettings } from './calendar-settings';
import { CalendarSettingsFields } from './CalendarSettingsFields';
import { ChangeOutcome } from './ChangeOutcome';
import { errorCount, ImportPreview } from './ImportPreview';
import { AFTER_CALENDAR_CHANGE } from './invalidation';
import { calendarPath } from './paths';
import { localZone } from './time';

type Mode = 'replace' | 'merge';
interface ImportValues extends CalendarSettings {
  mode: Mode;
}
type ImportRequest = OpInput<'calendars.import'>;

const validate = validateSettings<ImportValues>();

function initialValues(calendar: CalendarSummary | undefined): ImportValues {
  return calendar
    ? { name: calendar.name, description: calendar.description, zone: calendar.zone, weekend: calendar.weekend.map(String), mode: 'merge' }
    : { name: '', description: '', zone: localZone(), weekend: ['6', '7'], mode: 'replace' };
}

/**
 * Import a holiday file (.ics or .csv) into a new or existing calendar, in two steps: a
 * preview (nothing written) shows the holidays and every problem at its line; then the admin
 * confirms — or, when some lines cannot be read, imports the readable ones. The outcome says
 * whether it applied or waits for a second admin.
 */
export function ImportCalendarModal({ calendar, onClose }: { calendar?: CalendarSummary; onClose: () => void }) {
  const navigate = useNavigate();
  const existing = useOp('calendars.list', {});
  const form = useForm<ImportValues>({ initialValues: initialValues(calendar), validate });
  const [source, setSource] = useState<{ name: string; text: string } | null>(null);
  const [picked, setPicked] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ request: ImportRequest; result: CalendarImportResult } | null>(null);
  const [done, setDone] = useState<{ name: string; result: CalendarImportResult } | null>(null);
  const resetPicker = useRef<() => void>(null);
  const previewing = useOpMutation('calendars.import');
  const applying = useOpMutation('calendars.import', { invalidates: AFTER_CALENDAR_CHANGE });

  const request = (values: ImportValues): ImportRequest | null => {
    const format = source ? formatOf(source.name) : null;
    if (!source || !format) return null;
    return { ...settingsInput(values), format, fileName: source.name, content: source.text, mode: values.mode };
  };
  const current = request(form.values);
  // The preview holds only for exactly what it was made from.
  const fresh = preview !== null && current !== null && JSON.stringify(current) === JSON.stringify(preview.request);

  const choose = async (file: File | null) => {
    setPicked(file);
    setPreview(null);
    if (!file) return setSource(null);
    if (!formatOf(file.name)) {
      setSource(null);
      return setFileError('Choose an iCalendar (.ics) or CSV (.csv) holiday file.');
    }
    setFileError(null);
    setSource({ name: file.name, text: await file.text() });
    // Clears the native input, so choosing the same (corrected) file again is seen as a change.
    resetPicker.current?.();
    if (!form.values.name) form.setFieldValue('name', nameFromFile(file.name));
  };

  const showPreview = form.onSubmit(async (values) => {
    const next = request(values);
    if (!next) return setFileError('Choose the holiday file to import.');
    try {
      setPreview({ request: next, result: await previewing.mutateAsync({ ...next, dryRun: true }) });
    } catch (error) {
      showApiError(form, ['name', 'description', 'zone', 'weekend', 'mode'], error as ApiError);
    }
  });

  const apply = async (skipInvalid: boolean) => {
    if (!preview) return;
    try {
      setDone({ name: preview.request.name, result: await applying.mutateAsync({ ...preview.request, skipInvalid }) });
    } catch (error) {
      notifyError(error as ApiError, 'The calendar was not imported');
    }
  };

  const exists = existing.data?.items.some((c) => c.name === form.values.name.trim()) ?? false;
  const errors = preview ? errorCount(preview.result) : 0;

  return (
    <Modal opened onClose={onClose} title={calendar ? `Import holidays into ${calendar.name}` : 'Import a holiday calendar'} size="xl">
      {done ? (
        <Stack gap="sm">
          <ChangeOutcome name={done.name} result={done.result} />
          <Group justify="flex-end" gap="xs">
            {done.result.status === 'applied' && !calendar && (
              <Button variant="default" onClick={() => void navigate(calendarPath(done.name))}>
                Open {done.name}
              </Button>
            )}
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={showPreview} noValidate>
          <Stack gap="sm">
            <FileInput
              label="Holiday file"
              description="iCalendar (.ics) with all-day events, or CSV with the header date,name."
              placeholder="Choose .ics or .csv"
              accept=".ics,.csv"
              value={picked}
              onChange={(file) => void choose(file)}
              resetRef={resetPicker}
              leftSection={<IconFileImport size={16} />}
              clearable
              error={fileError}
            />
            <CalendarSettingsFields
              inputProps={(field) => form.getInputProps(field)}
              weekendHelp="Days closed every week."
              nameLocked={calendar !== undefined}
            />
            <div>
              <Text size="sm" fw={500} id="import-mode-label">
                Holidays
              </Text>
              <SegmentedControl
                aria-labelledby="import-mode-label"
                data={[
                  { value: 'replace', label: 'Replace with the file’s' },
                  { value: 'merge', label: 'Add the file’s to the stored ones' },
                ]}
                {...form.getInputProps('mode')}
              />
              {exists && (
                <Text size="xs" c="dimmed" mt={4}>
                  {form.values.name.trim()} exists:{' '}
                  {form.values.mode === 'replace' ? 'its holidays become exactly the file’s.' : 'the file’s holidays are added to its own.'}
                </Text>
              )}
            </div>
            {preview && fresh && source && (
              <ImportPreview result={preview.result} source={source} calendar={preview.request.name} mode={preview.request.mode ?? 'replace'} />
            )}
            {preview && !fresh && (
              <Text size="xs" c="dimmed">
                The file or the settings changed since the preview: preview again.
              </Text>
            )}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              {preview && fresh ? (
                errors > 0 ? (
                  <Button color="orange" onClick={() => void apply(true)} loading={applying.isPending} disabled={preview.result.holidays.length === 0}>
                    Import the readable lines
                  </Button>
                ) : (
                  <Button onClick={() => void apply(false)} loading={applying.isPending}>
                    Import {preview.result.holidays.length} holiday{preview.result.holidays.length === 1 ? '' : 's'}
                  </Button>
                )
              ) : (
                <Button type="submit" loading={previewing.isPending}>
                  Preview import
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
