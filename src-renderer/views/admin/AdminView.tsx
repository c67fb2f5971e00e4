import { Badge, Tabs } from '@mantine/core';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { NotFound } from '../../shell/NotFound';
import { ChangesView } from './changes/ChangesView';
import { useAppliedChangesRefresh, useChanges } from './changes/use-changes';
import { ConflictsView } from './conflicts/ConflictsView';
import { UsersView } from './users/UsersView';

const PAGES = [
  { value: 'users', label: 'Users' },
  { value: 'changes', label: 'Pending changes' },
  { value: 'conflicts', label: 'Conflict matrix' },
] as const;

/** The number of changes waiting for a second admin, on the tab that lists them. */
function PendingCount() {
  const count = useChanges('pending').data?.items.length ?? 0;
  if (count === 0) return null;
  return (
    <Badge size="sm" circle color="red" aria-label={`${count} pending`}>
      {count}
    </Badge>
  );
}

/**
 * Admin: #/admin/users, #/admin/changes (configuration changes under four-eyes control) and
 * #/admin/conflicts (the segregation-of-duties conflict matrix), one tab each.
 */
export function AdminView() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  useAppliedChangesRefresh();
  const page = PAGES.find((p) => pathname === `/admin/${p.value}` || pathname.startsWith(`/admin/${p.value}/`))?.value ?? null;
  const routes = (
    <Routes>
      <Route index element={<Navigate to="users" replace />} />
      <Route path="users" element={<UsersView />} />
      <Route path="changes" element={<ChangesView />} />
      <Route path="conflicts" element={<ConflictsView />} />
      <Route path="*" element={<NotFound home="/admin/users" />} />
    </Routes>
  );

  return (
    <Tabs value={page} onChange={(value) => value && void navigate(`/admin/${value}`)} keepMounted={false}>
      <Tabs.List mb="md" aria-label="Admin pages">
        {PAGES.map((p) => (
          <Tabs.Tab key={p.value} value={p.value} rightSection={p.value === 'changes' ? <PendingCount /> : undefined}>
            {p.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {page ? <Tabs.Panel value={page}>{routes}</Tabs.Panel> : routes}
    </Tabs>
  );
}
