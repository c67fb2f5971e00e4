import { Text } from '@mantine/core';
import type { IncidentSummary } from '@shared/contract/engine';
import { incidentError } from './incident-error';

/** Which incident a dialog acts on, in one line. */
export function IncidentLine({ incident }: { incident: IncidentSummary }) {
  const error = incidentError(incident.error);
  return (
    <Text size="sm">
      Step <b>{incident.step}</b> of {incident.workflowKey}
      {incident.businessKey ? ` · ${incident.businessKey}` : ''}: {incident.type}
      {error.code ? (
        <>
          {' '}
          — <span className="mono">{error.code}</span>
        </>
      ) : null}
      {error.message ? ` ${error.message}` : ''}
    </Text>
  );
}
