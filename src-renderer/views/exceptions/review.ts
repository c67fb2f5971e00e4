import type { IncidentSummary } from '@shared/contract/engine';

/**
 * Incidents that hold no failed step but ask a person to review what happened: a break-glass
 * approval, a compliance flag raised by a step. They are closed with the review's outcome
 * (incidents.resolve), never retried.
 */
const REVIEW_TYPES = new Set(['break-glass-review', 'compliance-flag']);

export function isReview(incident: Pick<IncidentSummary, 'type'>): boolean {
  return REVIEW_TYPES.has(incident.type);
}
