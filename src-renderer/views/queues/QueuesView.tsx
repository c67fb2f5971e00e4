import { Route, Routes } from 'react-router';
import { NotFound } from '../../shell/NotFound';
import { QueueList } from './QueueList';
import { TaskPage } from './TaskPage';

/** #/queues (the work queue) and #/queues/:taskId (one task). */
export function QueuesView() {
  return (
    <Routes>
      <Route index element={<QueueList />} />
      <Route path=":taskId" element={<TaskPage />} />
      <Route path="*" element={<NotFound home="/queues" />} />
    </Routes>
  );
}
