import { useState } from 'react';
import { Loader } from '@mantine/core';
import type { ScheduleSummary } from '@shared/contract/schedules';
import { useNavigate, useParams } from 'react-router';
import { useOp, useOpMutation } from '../../api/hooks';
import { notifySuccess } from '../../ui/notify';
import { QueryError } from '../../ui/QueryError';
import { ViewHeader } from '../../ui/ViewHeader';
import { Crumbs } from './Crumbs';
import { ManageOnly } from './ManageOnly';
import { schedulePath, SCHEDULES_PATH } from './paths';
import { valuesFrom } from './schedule-form';
import { ScheduleForm } from './ScheduleForm';

/**
 * The form over the schedule as it was when editing began: that revision goes with the
 * change, so a change made meanwhile by someone else is refused rather than overwritten,
 * even if the page's data is refreshed in between.
 */
function Editor({ loaded, onDone }: { loaded: ScheduleSummary; onDone: () => void }) {
  const [schedule] = useState(loaded);
  const update = useOpMutation('schedules.update', { invalidates: ['schedules.list', 'schedules.get', 'schedules.history'] });
  return (
    <ScheduleForm
      initialValues={valuesFrom(schedule.definition)}
      submitLabel="Save changes"
      onCancel={onDone}
      onSubmit={async (definition) => {
        await update.mutateAsync({ scheduleId: schedule.id, revision: schedule.revision, definition });
        notifySuccess(`Schedule ${definition.name} saved.`);
        onDone();
      }}
    />
  );
}

/** Changing a schedule; its page opens again once saved. */
export function EditSchedulePage() {
  const { scheduleId = '' } = useParams();
  const navigate = useNavigate();
  const query = useOp('schedules.get', { scheduleId, next: 1 });
  const schedule = query.data?.schedule;
  const back = () => void navigate(schedulePath(scheduleId));

  return (
    <>
      <Crumbs
        trail={[
          { label: 'Schedules', to: SCHEDULES_PATH },
          { label: schedule?.name ?? scheduleId, to: schedulePath(scheduleId) },
        ]}
        here="Edit"
      />
      <ViewHeader title={schedule ? `Edit ${schedule.name}` : 'Edit schedule'} subtitle="Its next fire time is computed again from now when saved." />
      {query.error && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {!schedule && !query.error && <Loader size="sm" aria-label="Loading schedule" />}
      {schedule && (
        <ManageOnly>
          <Editor loaded={schedule} onDone={back} />
        </ManageOnly>
      )}
    </>
  );
}
