import { Badge, Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useCan } from '../../session/session-context';
import { ViewHeader } from '../../ui/ViewHeader';
import { EscalationsPanel } from './EscalationsPanel';
import { IncidentsPanel } from './IncidentsPanel';
import { useEscalations } from './use-escalations';

/** How many tasks are overdue, on the tab that lists them. */
function OverdueCount() {
  const count = useEscalations().query.data?.items.length ?? 0;
  if (count === 0) return null;
  return (
    <Badge size="sm" circle color="red" aria-label={`${count} overdue`}>
      {count}
    </Badge>
  );
}

/**
 * Exceptions: what waits for a person. Incidents (failed, in-doubt or flagged steps, reviews)
 * and, for those who see tasks, escalations (tasks past their SLA). ?tab=escalations.
 */
export function ExceptionsView() {
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const escalations = can('task.read');
  const tab = escalations && params.get('tab') === 'escalations' ? 'escalations' : 'incidents';

  return (
    <>
      <ViewHeader title="Exceptions" />
      <Tabs value={tab} onChange={(value) => setParams(value === 'escalations' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="sm" aria-label="Exception kinds">
          <Tabs.Tab value="incidents">Incidents</Tabs.Tab>
          {escalations && (
            <Tabs.Tab value="escalations" rightSection={<OverdueCount />}>
              Escalations
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="incidents">
          <IncidentsPanel />
        </Tabs.Panel>
        {escalations && (
          <Tabs.Panel value="escalations">
            <EscalationsPanel />
          </Tabs.Panel>
        )}
      </Tabs>
    </>
  );
}
