import { Route, Routes } from 'react-router';
import { NotFound } from '../../shell/NotFound';
import { InstanceList } from './InstanceList';
import { InstancePage } from './InstancePage';

/** #/instances (search) and #/instances/:instanceId (one instance, ?tab=timeline|variables|incidents|children). */
export function InstancesView() {
  return (
    <Routes>
      <Route index element={<InstanceList />} />
      <Route path=":instanceId" element={<InstancePage />} />
      <Route path="*" element={<NotFound home="/instances" />} />
    </Routes>
  );
}
