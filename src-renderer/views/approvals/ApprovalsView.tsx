import { Route, Routes } from 'react-router';
import { NotFound } from '../../shell/NotFound';
import { ApprovalList } from './ApprovalList';
import { ApprovalPage } from './ApprovalPage';

/** #/approvals (what waits for the person's decision) and #/approvals/:taskId (one approval). */
export function ApprovalsView() {
  return (
    <Routes>
      <Route index element={<ApprovalList />} />
      <Route path=":taskId" element={<ApprovalPage />} />
      <Route path="*" element={<NotFound home="/approvals" />} />
    </Routes>
  );
}
