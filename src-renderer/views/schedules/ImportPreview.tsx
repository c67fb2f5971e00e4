import { useState } from 'react';
import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { CalendarImportResult } from '@shared/contract/schedules';
import type { Problem } from '@shared/domain/problems';
import { ProblemList } from '../workflows/ProblemList';
import { SourceView } from '../workflows/SourceView';
import { HolidayTable } from './HolidayTable';

export function errorCount(result: CalendarImportResult): number {
  return result.problems.filter((p) => p.severity === 'error').length;
}

/**
 * What an import would do, before anything is written: the holidays the calendar would hold,
 * and each problem of the file at its line, shown in the file itself.
 */
export function ImportPreview({
  result,
  source,
  calendar,
  mode,
}: {
  result: CalendarImportResult;
  source: { name: string; text: string };
  calendar: string;
  mode: 'replace' | 'merge';
}) {
  const [active, setActive] = useState<Problem | null>(result.problems[0] ?? null);
  const errors = errorCount(result);
  const warnings = result.problems.length - errors;
  const first = result.holidays[0]?.date;
  const last = result.holidays.at(-1)?.date;
  const range = first ? ` (${first} to ${last})` : '';
  return (
    <Stack gap="sm">
      {errors > 0 ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title={`${errors} line${errors === 1 ? '' : 's'} cannot be read`}
          role="alert"
        >
          <Text size="sm">
            Correct {source.name} and choose it again, or import the readable lines: {result.holidays.length} holiday
            {result.holidays.length === 1 ? '' : 's'}, with each line left out named in the audit trail.
          </Text>
        </Alert>
      ) : (
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title={`${source.name} can be imported`} role="status">
          <Text size="sm">
            {calendar} would hold {result.holidays.length} holiday{result.holidays.length === 1 ? '' : 's'}
            {range}
            {mode === 'merge' ? ', the stored ones and the file’s together' : ', exactly the file’s'}.
            {warnings > 0 ? ` ${warnings} warning${warnings === 1 ? '' : 's'} below.` : ''} Nothing is written until you confirm.
          </Text>
        </Alert>
      )}
      {result.problems.length > 0 && (
        <>
          <ProblemList problems={result.problems} active={active} onPick={setActive} />
          <SourceView text={source.text} problems={result.problems} highlight={active?.line ?? null} maxHeight={220} label={`Source of ${source.name}`} />
        </>
      )}
      {result.holidays.length > 0 && <HolidayTable holidays={result.holidays} label="Holidays to import" maxHeight={260} />}
    </Stack>
  );
}
