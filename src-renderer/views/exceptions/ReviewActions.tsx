import { useState } from 'react';
import { Button, Group } from '@mantine/core';
import { IconArrowForwardUp, IconChecks } from '@tabler/icons-react';
import type { IncidentSummary } from '@shared/contract/engine';
import { HandToRoleModal } from './HandToRoleModal';
import { isReview } from './review';
import { ResolveReviewModal } from './ResolveReviewModal';

/**
 * What exception.resolve allows on an open incident: resolve a review (break-glass,
 * compliance flag) with its outcome, or hand any incident to another role.
 */
export function ReviewActions({ incident }: { incident: IncidentSummary }) {
  const [open, setOpen] = useState<'resolve' | 'assign' | null>(null);
  if (incident.status !== 'open') return null;
  const close = () => setOpen(null);
  // Clicks inside the dialogs (portals) must not reach the clickable row around these buttons.
  return (
    <div onClick={(e) => e.stopPropagation()}>
      <Group gap={6} wrap="wrap">
        {isReview(incident) && (
          <Button
            size="compact-sm"
            variant="light"
            color="teal"
            leftSection={<IconChecks size={14} />}
            onClick={() => setOpen('resolve')}
            aria-label={`Resolve (${incident.step})`}
          >
            Resolve
          </Button>
        )}
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconArrowForwardUp size={14} />}
          onClick={() => setOpen('assign')}
          aria-label={`Hand to role (${incident.step})`}
        >
          Hand to role
        </Button>
      </Group>
      {open === 'resolve' && <ResolveReviewModal incident={incident} onClose={close} />}
      {open === 'assign' && <HandToRoleModal incident={incident} onClose={close} />}
    </div>
  );
}
