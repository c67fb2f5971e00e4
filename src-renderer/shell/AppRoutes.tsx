import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { ErrorBoundary } from '../app/ErrorBoundary';
import { useCan } from '../session/session-context';
import { ApprovalsView } from '../views/approvals/ApprovalsView';
import { AuditView } from '../views/audit/AuditView';
import { REPORTS_PATH } from '../views/audit/paths';
import { AdminView } from '../views/admin/AdminView';
import { ExceptionsView } from '../views/exceptions/ExceptionsView';
import { InstancesView } from '../views/instances/InstancesView';
import { SchedulesView } from '../views/schedules/SchedulesView';
import { WorkflowsView } from '../views/workflows/WorkflowsView';
import { PlaceholderView } from '../views/PlaceholderView';
import { QueuesView } from '../views/queues/QueuesView';
import { NoAccess, NoViews } from './NoAccess';
import { NotFound } from './NotFound';
import { VIEWS, type ViewDef } from './views';

/** Views that exist beyond their placeholder; later issues add theirs here. */
const BUILT: Partial<Record<string, () => ReactNode>> = {
  audit: () => <AuditView />,
  // Reports live in the Audit view, beside the trail they are made of.
  reports: () => <Navigate to={REPORTS_PATH} replace />,
  admin: () => <AdminView />,
  workflows: () => <WorkflowsView />,
  instances: () => <InstancesView />,
  exceptions: () => <ExceptionsView />,
  schedules: () => <SchedulesView />,
  queues: () => <QueuesView />,
  approvals: () => <ApprovalsView />,
};

/**
 * Every view has a route, permitted or not: opening one by address without the permission
 * shows the no-access page instead of a blank or a redirect that hides what happened.
 */
export function AppRoutes({ views }: { views: readonly ViewDef[] }) {
  const can = useCan();
  const { pathname } = useLocation();
  const home = views[0]?.path ?? null;
  const element = (view: ViewDef) => (
    <ErrorBoundary key={pathname}>{can(view.permission) ? (BUILT[view.key]?.() ?? <PlaceholderView view={view} />) : <NoAccess view={view} />}</ErrorBoundary>
  );

  return (
    <Routes>
      <Route index element={home ? <Navigate to={home} replace /> : <NoViews />} />
      {VIEWS.map((view) => (
        <Route key={view.key} path={view.nested ? `${view.path}/*` : view.path} element={element(view)} />
      ))}
      <Route path="*" element={<NotFound home={home} />} />
    </Routes>
  );
}
