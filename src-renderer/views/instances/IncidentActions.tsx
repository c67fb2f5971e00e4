import { useState } from 'react';
import { Button, Group } from '@mantine/core';
import { IconPlayerSkipForward, IconRotateClockwise, IconScale, IconX } from '@tabler/icons-react';
import type { IncidentSummary } from '@shared/contract/engine';
import { InstanceCommandModal } from './InstanceCommandModal';
import { ReconcileModal } from './ReconcileModal';
import { RetryModal } from './RetryModal';
import { SkipModal } from './SkipModal';

export type IncidentAction = 'retry' | 'skip' | 'reconcile' | 'cancel';

/** Steps a person decides: completing them for the person is never offered (the core refuses it too). */
const NEVER_SKIPPED = new Set(['approval', 'task.human']);

/**
 * What may be done about an open incident. An in-doubt effect is reconciled (a person checks
 * the other system), never blindly retried or skipped; other incidents are retried, or
 * skipped with the value the step should have produced unless a person must decide the step.
 */
export function incidentActions(incident: IncidentSummary, stepKind: string | undefined, wanted: readonly IncidentAction[]): IncidentAction[] {
  if (incident.status !== 'open') return [];
  return wanted.filter((action) => {
    switch (action) {
      case 'retry':
        return incident.type !== 'in-doubt';
      case 'skip':
        return incident.type !== 'in-doubt' && stepKind !== undefined && !NEVER_SKIPPED.has(stepKind);
      case 'reconcile':
        return incident.type === 'in-doubt';
      case 'cancel':
        return true;
    }
  });
}

const BUTTONS: Record<IncidentAction, { label: string; icon: React.ReactNode; color?: string; variant: string }> = {
  retry: { label: 'Retry', icon: <IconRotateClockwise size={14} />, variant: 'light' },
  skip: { label: 'Skip with value', icon: <IconPlayerSkipForward size={14} />, variant: 'default' },
  reconcile: { label: 'Reconcile', icon: <IconScale size={14} />, color: 'violet', variant: 'light' },
  cancel: { label: 'Cancel instance', icon: <IconX size={14} />, color: 'red', variant: 'subtle' },
};

/** Buttons for an incident's actions, each opening its reason dialog. */
export function IncidentActions({
  incident,
  actions,
  size = 'xs',
}: {
  incident: IncidentSummary;
  actions: readonly IncidentAction[];
  size?: 'xs' | 'compact-sm' | 'sm';
}) {
  const [open, setOpen] = useState<IncidentAction | null>(null);
  if (actions.length === 0) return null;
  const close = () => setOpen(null);
  // Clicks inside the dialogs (portals) must not reach a clickable row around these buttons.
  return (
    <div onClick={(e) => e.stopPropagation()}>
      <Group gap={6} wrap="nowrap">
        {actions.map((action) => (
          <Button
            key={action}
            size={size}
            variant={BUTTONS[action].variant}
            color={BUTTONS[action].color}
            leftSection={BUTTONS[action].icon}
            onClick={() => setOpen(action)}
            aria-label={`${BUTTONS[action].label} (${incident.step})`}
          >
            {BUTTONS[action].label}
          </Button>
        ))}
      </Group>
      {open === 'retry' && <RetryModal incident={incident} onClose={close} />}
      {open === 'skip' && <SkipModal incident={incident} onClose={close} />}
      {open === 'reconcile' && <ReconcileModal incident={incident} onClose={close} />}
      {open === 'cancel' && (
        <InstanceCommandModal
          instance={{ id: incident.instanceId, workflowKey: incident.workflowKey, businessKey: incident.businessKey }}
          command="cancel"
          onClose={close}
        />
      )}
    </div>
  );
}
