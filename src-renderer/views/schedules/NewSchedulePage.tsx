import { useNavigate } from 'react-router';
import { useOpMutation } from '../../api/hooks';
import { notifySuccess } from '../../ui/notify';
import { ViewHeader } from '../../ui/ViewHeader';
import { Crumbs } from './Crumbs';
import { ManageOnly } from './ManageOnly';
import { schedulePath, SCHEDULES_PATH } from './paths';
import { emptyValues } from './schedule-form';
import { ScheduleForm } from './ScheduleForm';
import { localZone } from './time';

/** Creating a schedule; once saved, its page opens. */
export function NewSchedulePage() {
  const navigate = useNavigate();
  const create = useOpMutation('schedules.create', { invalidates: ['schedules.list'] });
  return (
    <>
      <Crumbs trail={[{ label: 'Schedules', to: SCHEDULES_PATH }]} here="New schedule" />
      <ViewHeader title="New schedule" subtitle="It is active from the moment it is saved; fire times before then are not run." />
      <ManageOnly>
        <ScheduleForm
          initialValues={emptyValues(localZone())}
          submitLabel="Create schedule"
          onCancel={() => void navigate(SCHEDULES_PATH)}
          onSubmit={async (definition) => {
            const created = await create.mutateAsync(definition);
            notifySuccess(`Schedule ${created.name} created.`);
            void navigate(schedulePath(created.id));
          }}
        />
      </ManageOnly>
    </>
  );
}
