import './schedules.css';
import { Route, Routes } from 'react-router';
import { NotFound } from '../../shell/NotFound';
import { CalendarList } from './CalendarList';
import { CalendarPage } from './CalendarPage';
import { EditSchedulePage } from './EditSchedulePage';
import { NewSchedulePage } from './NewSchedulePage';
import { ScheduleList } from './ScheduleList';
import { SchedulePage } from './SchedulePage';
import { SCHEDULES_PATH } from './paths';

/**
 * #/schedules (the list), /schedules/new, /schedules/:scheduleId (one schedule) and its /edit,
 * /schedules/calendars (business calendars) and /schedules/calendars/:name.
 */
export function SchedulesView() {
  return (
    <Routes>
      <Route index element={<ScheduleList />} />
      <Route path="new" element={<NewSchedulePage />} />
      <Route path="calendars" element={<CalendarList />} />
      <Route path="calendars/:name" element={<CalendarPage />} />
      <Route path=":scheduleId" element={<SchedulePage />} />
      <Route path=":scheduleId/edit" element={<EditSchedulePage />} />
      <Route path="*" element={<NotFound home={SCHEDULES_PATH} />} />
    </Routes>
  );
}
