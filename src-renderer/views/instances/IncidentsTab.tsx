import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { InstanceDetail } from '@shared/contract/engine';
import { useCan } from '../../session/session-context';
import { formatTime } from '../../ui/format';
import { IncidentActions, incidentActions } from './IncidentActions';
import { incidentError } from './incident-error';
import { JsonTree } from '../../ui/JsonTree';
import { SEVERITY_COLOR } from './status';
import { formatAge, useNow } from '../../ui/use-now';

/** The instance's incidents, open ones first, each with what failed and what may be done. */
export function IncidentsTab({ detail, stepKinds }: { detail: InstanceDetail; stepKinds: ReadonlyMap<string, string> }) {
  const can = useCan();
  const now = useNow();
  const incidents = [...detail.incidents].sort((a, b) => (a.status === b.status ? b.createdAt.localeCompare(a.createdAt) : a.status === 'open' ? -1 : 1));
  if (incidents.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No incident was raised on this instance.
      </Text>
    );
  return (
    <Stack gap="xs">
      {incidents.map((incident) => {
        const error = incidentError(incident.error);
        const actions = can('instance.operate') ? incidentActions(incident, stepKinds.get(incident.step), ['retry', 'skip', 'reconcile']) : [];
        return (
          <Paper
            key={incident.id}
            withBorder
            p="sm"
            radius="sm"
            data-incident={incident.id}
            data-status={incident.status}
            aria-label={`Incident on ${incident.step}`}
          >
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div style={{ minWidth: 0 }}>
                <Group gap={6} mb={4}>
                  <Badge color={incident.status === 'open' ? 'red' : 'gray'} variant={incident.status === 'open' ? 'filled' : 'light'}>
                    {incident.status}
                  </Badge>
                  <Badge color={SEVERITY_COLOR[incident.severity]} variant="light">
                    {incident.severity}
                  </Badge>
                  <Badge color="gray" variant="outline">
                    {incident.type}
                  </Badge>
                  <Text span size="sm" fw={600} ff="monospace">
                    {incident.step}
                  </Text>
                  <Text span size="xs" c="dimmed">
                    ({stepKinds.get(incident.step) ?? 'step'}, attempt {incident.attempts})
                  </Text>
                </Group>
                <Text size="sm">
                  {error.code && <span className="mono">{error.code}</span>} {error.message}
                </Text>
                <Text size="xs" c="dimmed" mt={2}>
                  Raised {formatTime(incident.createdAt)} ({formatAge(incident.createdAt, now)} ago) · owner role {incident.ownerRole}
                  {incident.resolvedAt ? ` · resolved ${formatTime(incident.resolvedAt)}` : ''}
                </Text>
                {incident.resolution && (
                  <Text size="xs" mt={2}>
                    Resolution: {incident.resolution}
                  </Text>
                )}
                {incident.inputs !== null && (
                  <div style={{ marginTop: 4 }}>
                    <Text span size="xs" c="dimmed">
                      Inputs:{' '}
                    </Text>
                    <JsonTree value={incident.inputs} open={0} />
                  </div>
                )}
              </div>
              <IncidentActions incident={incident} actions={actions} />
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
