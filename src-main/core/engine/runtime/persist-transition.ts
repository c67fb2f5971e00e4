import { createHash } from 'node:crypto';
import type { AuditActor, JsonValue } from '@shared/domain/audit';
import { canonicalJson } from '@shared/domain/canonical-json';
import type { Repositories } from '../../store/repositories';
import type { InstanceRow, OutboxRow } from '../../store/engine-repositories';
import { emptyState } from '../interpreter/transition';
import type { Actor, Command, TransitionResult } from '../interpreter/types';
import type { HumanWorkGateway } from './human-work-gateway';
import { toTimestamp } from '@shared/domain/time';
import { statusOf } from './instance-status';

export function actorOf(by: Actor): AuditActor {
  return by.kind === 'user' ? { kind: 'user', userId: by.userId, username: by.username } : { kind: 'system', component: 'engine' };
}

export function dataHash(variables: { [key: string]: JsonValue }): string {
  return createHash('sha256').update(canonicalJson(variables)).digest('hex');
}

export class ConcurrentTransitionError extends Error {
  constructor(instanceId: string) {
    super(`instance ${instanceId} changed during its transition; it will be run again`);
    this.name = 'ConcurrentTransitionError';
  }
}

/**
 * Writes one transition in the caller's unit of work: the new state and variables, every
 * audit event it produced, and each command as a row the runtime acts on after the commit
 * (outbox effects, timers, subscriptions, child instances, incidents, human requests).
 * Returns the effects to dispatch once the commit is durable.
 */
export async function persistTransition(
  tx: Repositories,
  row: InstanceRow,
  result: TransitionResult,
  consumedUpTo: number,
  now: number,
  work: HumanWorkGateway,
): Promise<OutboxRow[]> {
  const at = toTimestamp(now);
  for (const event of result.events) {
    await tx.audit.append(
      {
        actor: actorOf(event.by),
        action: event.action,
        subject: { type: 'instance', id: row.id },
        payload: { workflow: row.workflowKey, version: row.workflowVersion, ...event.payload },
      },
      at,
    );
  }
  const effects: OutboxRow[] = [];
  for (const command of result.commands) {
    const effect = await applyCommand(tx, row, command, at, now, work);
    if (effect) effects.push(effect);
  }
  const outcome = result.state.outcome;
  if (outcome && row.parentId && row.parentActivation) {
    await tx.mailbox.append(
      row.parentId,
      outcome === 'completed'
        ? { kind: 'child-done', instanceId: row.id, ok: true, output: result.variables }
        : {
            kind: 'child-done',
            instanceId: row.id,
            ok: false,
            output: null,
            error: { code: `CHILD_${outcome.toUpperCase()}`, message: `sub-workflow ${row.workflowKey} ${outcome}`, retryable: false },
          },
      at,
    );
  }
  await tx.mailbox.consume(row.id, consumedUpTo);
  const saved = await tx.instances.saveTransition(row.id, row.revision, {
    state: result.state,
    variables: result.variables,
    provenance: result.provenance,
    dataHash: dataHash(result.variables),
    status: statusOf(result.state, row.suspended),
    businessKey: row.businessKey,
    updatedAt: at,
    endedAt: outcome ? at : null,
    // Mail that arrived while this transition ran is still unread.
    needsWork: (await tx.mailbox.read(row.id)).length > 0,
  });
  if (!saved) throw new ConcurrentTransitionError(row.id);
  return effects;
}

async function applyCommand(tx: Repositories, row: InstanceRow, command: Command, at: string, now: number, work: HumanWorkGateway): Promise<OutboxRow | null> {
  switch (command.kind) {
    case 'effect': {
      const effect: OutboxRow = {
        id: `${row.id}/${command.effectId}`,
        instanceId: row.id,
        activationId: command.activationId,
        step: command.step,
        attempt: command.attempt,
        connector: command.connector,
        action: command.action,
        input: command.input,
        idempotencyKey: command.idempotencyKey,
        timeoutMs: command.timeoutMs,
        status: 'pending',
        attemptedAt: null,
        dispatches: 0,
        createdAt: at,
        completedAt: null,
      };
      await tx.outbox.insert(effect);
      return effect;
    }
    case 'timer':
      await tx.timers.insert({
        id: command.timerId,
        instanceId: row.id,
        activationId: command.activationId,
        purpose: command.purpose,
        dueAt: command.dueAt,
        state: 'pending',
      });
      return null;
    case 'cancel-timer':
      await tx.timers.cancel(row.id, command.timerId);
      return null;
    case 'subscribe':
      await tx.subscriptions.subscribe(row.id, command.activationId, command.name, command.correlationKey);
      return null;
    case 'unsubscribe':
      await tx.subscriptions.unsubscribe(row.id, command.activationId);
      return null;
    case 'start-child': {
      const version = await tx.workflows.byVersion(command.workflow, command.version);
      if (!version) throw new Error(`pinned sub-workflow ${command.workflow} v${command.version} is not deployed`);
      await tx.instances.insert({
        id: command.instanceId,
        workflowKey: version.workflowKey,
        workflowVersion: version.version,
        versionId: version.id,
        businessKey: row.businessKey,
        status: 'running',
        state: emptyState(),
        variables: command.input,
        provenance: {},
        dataHash: dataHash(command.input),
        parentId: row.id,
        parentActivation: command.activationId,
        startedBy: row.startedBy,
        startedAt: at,
        updatedAt: at,
        endedAt: null,
        suspended: false,
        needsWork: true,
        revision: 0,
      });
      await tx.mailbox.append(command.instanceId, { kind: 'start' }, at);
      return null;
    }
    case 'cancel-child':
      await tx.mailbox.append(command.instanceId, { kind: 'operator', action: 'cancel', reason: command.reason, by: { kind: 'engine' } }, at);
      return null;
    case 'human':
      await work.open(tx, row, command, now);
      return null;
    case 'cancel-human':
      await work.cancel(tx, command.requestId, now);
      return null;
    case 'approval-data-changed':
      await work.dataChanged(tx, row, command.requestId, now);
      return null;
    case 'incident':
      await tx.incidents.insert({
        id: command.incidentId,
        instanceId: row.id,
        activationId: command.activationId,
        step: command.step,
        type: command.type,
        error: {
          code: command.error.code,
          message: command.error.message,
          retryable: command.error.retryable,
          ...(command.error.details !== undefined ? { details: command.error.details } : {}),
        },
        attempts: command.attempts,
        inputs: command.inputs,
        status: 'open',
        ownerRole: command.ownerRole ?? 'admin',
        severity: command.severity ?? (command.type === 'in-doubt' ? 'high' : 'medium'),
        createdAt: at,
        resolvedAt: null,
        resolution: null,
        resolvedBy: null,
      });
      return null;
    case 'resolve-incident':
      await tx.incidents.resolve(command.incidentId, command.resolution, command.by.kind === 'user' ? command.by.username : 'engine', at);
      return null;
  }
}
