import type { IncidentQuery, IncidentSummary } from '@shared/contract/engine';
import type { AuditActor } from '@shared/domain/audit';
import type { Clock } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import type { Store } from '../../store/store';
import type { EventBus } from '../../events/event-bus';
import { conflict, notFound, refused } from '../../dispatch/app-error';
import type { IncidentRow } from '../../store/engine-repositories';

export function incidentSummary(row: IncidentRow & { workflowKey: string; businessKey: string | null }): IncidentSummary {
  return {
    id: row.id,
    instanceId: row.instanceId,
    workflowKey: row.workflowKey,
    businessKey: row.businessKey,
    activationId: row.activationId,
    step: row.step,
    type: row.type,
    error: row.error,
    attempts: row.attempts,
    inputs: row.inputs,
    status: row.status,
    ownerRole: row.ownerRole,
    severity: row.severity,
    createdAt: row.createdAt as IncidentSummary['createdAt'],
    resolvedAt: row.resolvedAt as IncidentSummary['resolvedAt'],
    resolution: row.resolution,
  };
}

/**
 * The exception queue. Incidents that hold a step are resolved through the instance
 * operations (retry, skip, reconcile, cancel); reviews (a break-glass approval, a compliance
 * flag) are closed here with the outcome of the review, and any incident can be handed to a
 * role — always with a reason.
 */
export class IncidentService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly wake: () => void,
  ) {}

  async resolve(actor: AuditActor & { kind: 'user' }, incidentId: string, reason: string): Promise<void> {
    const at = toTimestamp(this.clock.now());
    const instanceId = await this.store.unit(async (tx) => {
      const incident = await tx.incidents.get(incidentId);
      if (!incident) throw notFound(`incident ${incidentId}`);
      if (incident.status !== 'open') throw conflict('incident_closed', 'The incident is already resolved.');
      if (incident.type !== 'break-glass-review' && incident.type !== 'compliance-flag') {
        throw conflict('resolve_by_action', 'This incident holds a step: retry, skip, reconcile or cancel the instance instead.');
      }
      if (incident.type === 'break-glass-review' && overriderOf(incident) === actor.userId) {
        throw refused('self_review', 'Nobody reviews their own break-glass override: another person of the owner role must review it.');
      }
      await tx.incidents.resolve(incidentId, `reviewed: ${reason}`, actor.username, at);
      if (incident.type === 'compliance-flag') {
        await tx.mailbox.append(
          incident.instanceId,
          {
            kind: 'operator',
            action: 'resolve',
            activationId: incident.activationId,
            reason,
            by: { kind: 'user', userId: actor.userId, username: actor.username },
          },
          at,
        );
      }
      await tx.audit.append(
        {
          actor,
          action: 'incident.resolved',
          subject: { type: 'instance', id: incident.instanceId },
          payload: { incident: incidentId, type: incident.type, reason },
        },
        at,
      );
      return incident.instanceId;
    });
    this.events.publish('incidents.changed', { incidentId, instanceId }, { kind: 'permission', permission: 'exception.read' });
    this.wake();
  }

  async assign(actor: AuditActor & { kind: 'user' }, incidentId: string, role: string, reason: string): Promise<void> {
    const at = toTimestamp(this.clock.now());
    const instanceId = await this.store.unit(async (tx) => {
      const incident = await tx.incidents.get(incidentId);
      if (!incident) throw notFound(`incident ${incidentId}`);
      await tx.incidents.assign(incidentId, role);
      await tx.audit.append(
        {
          actor,
          action: 'incident.assigned',
          subject: { type: 'instance', id: incident.instanceId },
          payload: { incident: incidentId, from: incident.ownerRole, to: role, reason },
        },
        at,
      );
      return incident.instanceId;
    });
    this.events.publish('incidents.changed', { incidentId, instanceId }, { kind: 'permission', permission: 'exception.read' });
  }

  async search(query: IncidentQuery): Promise<{ items: IncidentSummary[]; nextCursor: string | null }> {
    const rows = await this.store.read((tx) => tx.incidents.search(query));
    const items = rows.slice(0, query.limit).map(incidentSummary);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > query.limit && last ? `${last.createdAt}|${last.id}` : null };
  }
}

/** The user who broke the glass, as the approval service recorded it in the review's details. */
function overriderOf(incident: IncidentRow): string | null {
  const details = (incident.error as { details?: { by?: unknown } } | null)?.details;
  return typeof details?.by === 'string' ? details.by : null;
}
