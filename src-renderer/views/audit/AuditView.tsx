import '../instances/instances.css';
import './audit.css';
import { Route, Routes } from 'react-router';
import { NotFound } from '../../shell/NotFound';
import { EventPage } from './EventPage';
import { EvidencePage } from './EvidencePage';
import { InstanceTimelinePage } from './InstanceTimelinePage';
import { AUDIT_PATH } from './paths';
import { ReportsPage } from './ReportsPage';
import { SearchPage } from './SearchPage';

/**
 * #/audit (search, filters in the address), /audit/events/:seq (one event with its proof),
 * /audit/instances/:instanceId (an instance's decision chain), /audit/reports (signed
 * reports) and /audit/evidence (keys, certificate, witness folder, checkpoints).
 * The instances stylesheet brings the JSON tree's look, which its views share.
 */
export function AuditView() {
  return (
    <Routes>
      <Route index element={<SearchPage />} />
      <Route path="events/:seq" element={<EventPage />} />
      <Route path="instances/:instanceId" element={<InstanceTimelinePage />} />
      <Route path="reports" element={<ReportsPage />} />
      <Route path="evidence" element={<EvidencePage />} />
      <Route path="*" element={<NotFound home={AUDIT_PATH} />} />
    </Routes>
  );
}
