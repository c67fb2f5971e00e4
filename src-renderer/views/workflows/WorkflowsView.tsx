import './workflows.css';
import { Route, Routes } from 'react-router';
import { NotFound } from '../../shell/NotFound';
import { WorkflowList } from './WorkflowList';
import { WorkflowPage } from './WorkflowPage';

/** #/workflows (the list) and #/workflows/:key (one workflow, ?version=N). */
export function WorkflowsView() {
  return (
    <Routes>
      <Route index element={<WorkflowList />} />
      <Route path=":key" element={<WorkflowPage />} />
      <Route path="*" element={<NotFound home="/workflows" />} />
    </Routes>
  );
}
