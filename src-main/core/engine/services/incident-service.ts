import type { IncidentQuery, IncidentSummary } from '@shared/contract/engine';
import type { Store } from '../../store/store';
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

/** The exception queue's reading side; resolution goes through the instance operations (retry, skip, reconcile, cancel). */
export class IncidentService {
  constructor(private readonly store: Store) {}

  async search(query: IncidentQuery): Promise<{ items: IncidentSummary[]; nextCursor: string | null }> {
    const rows = await this.store.read((tx) => tx.incidents.search(query));
    const items = rows.slice(0, query.limit).map(incidentSummary);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > query.limit && last ? `${last.createdAt}|${last.id}` : null };
  }
}
