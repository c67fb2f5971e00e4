import { Alert, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ScheduleSpecShape } from '@shared/domain/schedule';
import { useOp } from '../../api/hooks';
import { sentence } from '../../forms/messages';
import { NextFireTimes } from './NextFireTimes';
import { Panel } from './Panel';
import { specFieldLabel, type Definition } from './schedule-form';

const PREVIEW_COUNT = 10;

function Explanation({ title, issues }: { title: string; issues: readonly { path: string; message: string }[] }) {
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={title} role="status">
      <Stack gap={2}>
        {issues.map((i) => {
          const label = specFieldLabel(i.path);
          return (
            <Text key={`${i.path}:${i.message}`} size="sm">
              {label && (
                <Text span fw={500}>
                  {label}:{' '}
                </Text>
              )}
              {sentence(i.message)}
            </Text>
          );
        })}
      </Stack>
    </Alert>
  );
}

/**
 * The next fire times of the rule being edited, asked from the core a moment after typing
 * stops (the core owns calendars, cron and DST). A spec the page can already tell is
 * incomplete is explained without a call; otherwise the core's explanation is shown.
 */
export function SchedulePreview({ spec }: { spec: Definition['spec'] }) {
  const [text] = useDebouncedValue(JSON.stringify(spec), 400);
  const debounced = JSON.parse(text) as Definition['spec'];
  const local = ScheduleSpecShape.safeParse(debounced);
  const preview = useOp('schedules.preview', { spec: debounced, count: PREVIEW_COUNT }, { enabled: local.success, placeholderData: (previous) => previous });

  return (
    <Panel title="Preview">
      {!local.success ? (
        <Explanation
          title="Not a complete rule yet"
          issues={local.error.issues.map((i) => ({ path: ['spec', ...i.path.map(String)].join('.'), message: i.message }))}
        />
      ) : preview.error ? (
        <Explanation title="The core cannot compute this rule" issues={preview.error.issues ?? [{ path: '', message: preview.error.message }]} />
      ) : !preview.data ? (
        <Loader size="sm" aria-label="Computing fire times" />
      ) : (
        <Stack gap={6}>
          <Text size="sm" fw={500} data-testid="rule-in-words">
            Fires {preview.data.describe}
          </Text>
          <Text size="xs" c="dimmed">
            The next {PREVIEW_COUNT} fire times from now{preview.isFetching ? ' (updating…)' : ''}:
          </Text>
          <NextFireTimes fires={preview.data.next} zone={debounced.zone} label="Preview of the next fire times" />
        </Stack>
      )}
    </Panel>
  );
}
