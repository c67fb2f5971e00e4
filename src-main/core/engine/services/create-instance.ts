import type { AuditActor, JsonValue } from '@shared/domain/audit';
import { toTimestamp } from '@shared/domain/time';
import { newUuidV7 } from '@shared/domain/ids';
import type { Repositories } from '../../store/repositories';
import type { InstanceRow, WorkflowVersionRow } from '../../store/engine-repositories';
import { invalid } from '../../dispatch/app-error';
import { emptyState } from '../interpreter/transition';
import type { Actor, Provenance } from '../interpreter/types';
import { provenanceOfLeaves } from '../interpreter/variables';
import { dataHash } from '../runtime/persist-transition';
import { statusOf } from '../runtime/instance-status';
import type { ExpressionCache } from '../runtime/evaluation';

export interface NewInstance {
  actor: AuditActor;
  version: WorkflowVersionRow;
  input: { [key: string]: JsonValue };
  now: number;
  /** Extra facts for the instance.created audit event (e.g. the schedule and fire time that started it). */
  origin?: { [key: string]: JsonValue };
}

/**
 * Creates an instance of a deployed version, with its start mail and audit event, inside the
 * caller's unit of work: a person's start request and a schedule's fire create instances the
 * same way, and a schedule's claim of a fire time commits with the instance it starts.
 */
export async function createInstance(tx: Repositories, expressions: ExpressionCache, request: NewInstance): Promise<string> {
  const { actor, version, input, now } = request;
  const at = toTimestamp(now);
  let businessKey: string | null = null;
  if (version.definition.businessKey) {
    try {
      const value = expressions.evaluate(version.definition.businessKey, input, now);
      businessKey = value === null ? null : typeof value === 'string' ? value : JSON.stringify(value);
    } catch (error) {
      throw invalid('input', `the business key (${version.definition.businessKey}) cannot be computed from this input: ${(error as Error).message}`);
    }
  }
  const provenance: Provenance = {};
  const by = actor.kind === 'user' ? { kind: 'input' as const, userId: actor.userId, username: actor.username } : { kind: 'engine' as const };
  provenanceOfLeaves(input, '', { by, at: now }, provenance);
  const id = newUuidV7(now);
  await tx.instances.insert({
    id,
    workflowKey: version.workflowKey,
    workflowVersion: version.version,
    versionId: version.id,
    businessKey,
    status: 'running',
    state: emptyState(),
    variables: input,
    provenance,
    dataHash: dataHash(input),
    parentId: null,
    parentActivation: null,
    startedBy: actor,
    startedAt: at,
    updatedAt: at,
    endedAt: null,
    suspended: false,
    needsWork: true,
    revision: 0,
  });
  await tx.mailbox.append(id, { kind: 'start' }, at);
  await tx.audit.append(
    {
      actor,
      action: 'instance.created',
      subject: { type: 'instance', id },
      payload: { workflow: version.workflowKey, version: version.version, contentHash: version.contentHash, businessKey, input, ...request.origin },
    },
    at,
  );
  return id;
}

/** Asks the engine to cancel an instance (completed steps with a compensation are undone). Cancelling wins over a suspension: the unwinding must be able to run. */
export async function requestCancel(tx: Repositories, row: InstanceRow, by: Actor, reason: string, at: string): Promise<void> {
  if (row.suspended) await tx.instances.setSuspended(row.id, false, statusOf(row.state, false), at);
  await tx.mailbox.append(row.id, { kind: 'operator', action: 'cancel', reason, by }, at);
}
