import { useRef } from 'react';
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import type { IncidentSummary } from '@shared/contract/engine';
import { formatTime } from '../../ui/format';
import { HEADER_HEIGHT } from '../../ui/layout';
import { IncidentActions, incidentActions } from '../instances/IncidentActions';
import { incidentError } from '../instances/incident-error';
import { instancePath } from '../instances/paths';
import { SEVERITY_COLOR } from '../instances/status';
import { openOnRowClick, scrollRowIntoView, useListKeyboard } from '../../ui/use-list-keyboard';
import { formatAge, useNow } from '../../ui/use-now';
import { isReview } from './review';
import { ReviewActions } from './ReviewActions';

/**
 * The exception queue: one row per incident. A row opens its instance on the incidents tab
 * (click, or j/k and Enter); Retry, Skip with value, Reconcile, Cancel, Resolve (reviews) and Hand to role act from
 * the row itself, each asking for a reason.
 */
export function ExceptionsTable({
  incidents,
  operate,
  resolve,
  stepKinds,
  onOpen,
}: {
  incidents: readonly IncidentSummary[];
  /** instance.operate: retry, skip with value, reconcile, cancel. */
  operate: boolean;
  /** The kind of the step each incident holds (by incident id), where known: skip is offered only then. */
  stepKinds: ReadonlyMap<string, string>;
  /** exception.resolve: resolve reviews, hand to a role. */
  resolve: boolean;
  onOpen: (incident: IncidentSummary) => void;
}) {
  const table = useRef<HTMLTableElement>(null);
  const now = useNow(60_000);
  const keys = useListKeyboard({
    count: incidents.length,
    onOpen: (i) => incidents[i] && onOpen(incidents[i]),
    onMove: (i) => scrollRowIntoView(table.current, i),
  });
  const resolvedList = incidents.some((i) => i.status === 'resolved');
  return (
    <Table ref={table} striped highlightOnHover withTableBorder stickyHeader stickyHeaderOffset={HEADER_HEIGHT} aria-label="Incidents">
      <Table.Thead>
        <Table.Tr style={{ whiteSpace: 'nowrap' }}>
          <Table.Th miw={88}>Severity</Table.Th>
          <Table.Th>Age</Table.Th>
          <Table.Th>Business key · workflow</Table.Th>
          <Table.Th>Step · type</Table.Th>
          <Table.Th miw={200}>Error</Table.Th>
          <Table.Th w={74} ta="right">
            Attempts
          </Table.Th>
          <Table.Th>Owner</Table.Th>
          {resolvedList ? <Table.Th>Resolution</Table.Th> : (operate || resolve) && <Table.Th>Actions</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {incidents.map((incident, index) => {
          const error = incidentError(incident.error);
          const selection = keys.rowProps(index);
          return (
            <Table.Tr
              key={incident.id}
              data-row
              data-incident={incident.id}
              {...selection}
              style={{ cursor: 'pointer', ...selection.style }}
              onClick={openOnRowClick(() => {
                keys.select(index);
                onOpen(incident);
              })}
            >
              <Table.Td>
                <Badge
                  color={SEVERITY_COLOR[incident.severity]}
                  variant={incident.severity === 'critical' ? 'filled' : 'light'}
                  style={{ overflow: 'visible' }}
                >
                  {incident.severity}
                </Badge>
              </Table.Td>
              <Table.Td className="tabular" title={formatTime(incident.createdAt)} style={{ whiteSpace: 'nowrap' }}>
                {formatAge(incident.createdAt, now)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor href={`#${instancePath(incident.instanceId, 'incidents')}`} size="sm" fw={500} display="block">
                  {incident.businessKey ?? incident.instanceId.slice(-10)}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {incident.workflowKey}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" ff="monospace">
                  {incident.step}
                </Text>
                <Text size="xs" ff="monospace" c={incident.type === 'in-doubt' ? 'violet' : 'dimmed'} fw={incident.type === 'in-doubt' ? 600 : undefined}>
                  {incident.type}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2} title={`${error.code ?? ''} ${error.message ?? ''}`.trim()}>
                  {error.code && (
                    <Text span size="xs" ff="monospace" fw={600}>
                      {error.code}{' '}
                    </Text>
                  )}
                  {error.message}
                </Text>
              </Table.Td>
              <Table.Td className="tabular" ta="right">
                {incident.attempts}
              </Table.Td>
              <Table.Td>{incident.ownerRole}</Table.Td>
              {resolvedList ? (
                <Table.Td>
                  <Text size="xs" lineClamp={2}>
                    {incident.resolution ?? '—'}
                  </Text>
                </Table.Td>
              ) : (
                (operate || resolve) && (
                  <Table.Td>
                    {/* One button per unit, so they wrap in the cell rather than widen the table past the window. */}
                    <Group gap={6} wrap="wrap">
                      {operate &&
                        incidentActions(incident, stepKinds.get(incident.id), isReview(incident) ? ['cancel'] : ['retry', 'skip', 'reconcile', 'cancel']).map(
                          (action) => <IncidentActions key={action} incident={incident} size="compact-sm" actions={[action]} />,
                        )}
                      {resolve && <ReviewActions incident={incident} />}
                    </Group>
                  </Table.Td>
                )
              )}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
