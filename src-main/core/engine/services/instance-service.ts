import type { AuditActor, JsonValue } from '@shared/domain/audit';
import type { InstanceDetail, InstanceQuery, InstanceSummary } from '@shared/contract/engine';
import type { Clock } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import { newUuidV7 } from '@shared/domain/ids';
import type { Store } from '../../store/store';
import type { Repositories } from '../../store/repositories';
import type { InstanceRow, InstanceSummaryRow, WorkflowVersionRow } from '../../store/engine-repositories';
import type { EventBus } from '../../events/event-bus';
import { conflict, invalid, notFound, refused } from '../../dispatch/app-error';
import { userActor, type Principal } from '../../auth/principal';
import { declaredSensitivePaths, exposesSensitive, liesInSensitive, maskTree, valueAtMaskedPath } from '../../work/masking';
import type { Actor, Message } from '../interpreter/types';
import { WorkflowModel } from '../definitions/workflow-model';
import { statusOf, stepStates } from '../runtime/instance-status';
import { ExpressionCache } from '../runtime/evaluation';
import type { WakeOptions } from '../runtime/engine';
import { incidentSummary } from './incident-service';
import { createInstance, requestCancel } from './create-instance';

export function instanceSummary(row: InstanceSummaryRow): InstanceSummary {
  return {
    id: row.id,
    workflowKey: row.workflowKey,
    workflowVersion: row.workflowVersion,
    businessKey: row.businessKey,
    status: row.status,
    startedBy: row.startedBy,
    startedAt: row.startedAt as InstanceSummary['startedAt'],
    updatedAt: row.updatedAt as InstanceSummary['updatedAt'],
    endedAt: row.endedAt as InstanceSummary['endedAt'],
    parentId: row.parentId,
  };
}

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

/**
 * Starting instances and every operator action on them. Any process may call these (the
 * console that owns the engine, a standby console, the CLI): each writes its request to the
 * instance's mailbox, with its audit event, and the engine owner carries it out.
 */
export class InstanceService {
  private readonly expressions = new ExpressionCache();
  /** Sensitive paths per workflow version (versions are immutable, so this never goes stale). */
  private readonly sensitive = new Map<string, ReadonlySet<string>>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly events: EventBus,
    /** Wakes the engine when this process owns it (otherwise it finds the mail by polling). */
    private readonly wake: (options?: WakeOptions) => void,
  ) {}

  async start(
    actor: AuditActor,
    workflow: string,
    version: number | undefined,
    input: { [key: string]: JsonValue },
  ): Promise<{ instanceId: string; workflowVersion: number }> {
    const now = this.clock.now();
    const started = await this.store.unit(async (tx) => {
      const row = version ? await tx.workflows.byVersion(workflow, version) : await tx.workflows.latest(workflow);
      if (!row) throw notFound(version ? `version ${version} of workflow "${workflow}"` : `a deployed workflow "${workflow}"`);
      const instanceId = await createInstance(tx, this.expressions, { actor, version: row, input, now });
      this.wake({ created: instanceId });
      return { instanceId, workflowVersion: row.version };
    });
    return started;
  }

  /**
   * A variable search compares stored values, so searching a sensitive path (an IBAN) is
   * probing for it: only those who may see such values in clear may, and a refusal is audited.
   */
  async search(principal: Principal, query: InstanceQuery): Promise<{ items: InstanceSummary[]; nextCursor: string | null }> {
    const rows = await this.store.read(async (tx) => {
      const variable = query.variable;
      if (variable && !principal.permissions.has('sensitive.unmask')) {
        const versions = query.workflow ? await tx.workflows.versionsOf(query.workflow) : await this.allVersions(tx);
        if (versions.some((v) => exposesSensitive(variable.path, this.sensitivePaths(v))))
          throw refused(
            'sensitive_path',
            `variable.path: ${variable.path} holds a sensitive value (masked for you); searching by it needs the permission to see sensitive values in clear (sensitive.unmask)`,
          );
      }
      return tx.instances.search(query);
    });
    const items = rows.slice(0, query.limit).map(instanceSummary);
    return { items, nextCursor: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
  }

  /** An instance with its sensitive variables masked for everyone; `unmask` shows one in clear. */
  async get(instanceId: string): Promise<InstanceDetail> {
    return this.store.read(async (tx) => {
      const row = await tx.instances.get(instanceId);
      if (!row) throw notFound(`instance ${instanceId}`);
      const version = await tx.workflows.get(row.versionId);
      const incidents = await tx.incidents.ofInstance(instanceId);
      const maskedPaths: string[] = [];
      const variables = maskTree(row.variables, '', version ? this.sensitivePaths(version) : new Set(), maskedPaths) as InstanceDetail['variables'];
      return {
        instance: instanceSummary(row),
        definition: (version?.definition ?? null) as JsonValue,
        contentHash: version?.contentHash ?? '',
        steps: stepStates(row.state),
        variables,
        maskedPaths,
        provenance: row.provenance as unknown as Record<string, JsonValue>,
        dataHash: row.dataHash,
        incidents: incidents.map((i) => incidentSummary({ ...i, workflowKey: row.workflowKey, businessKey: row.businessKey })),
        children: (await tx.instances.children(instanceId)).map(instanceSummary),
      };
    });
  }

  /**
   * Shows one masked variable in clear. The viewing is evidence: it is audited with the same
   * action as unmasking a task's field, so the report on unmasked views covers both.
   */
  async unmask(principal: Principal, instanceId: string, path: string): Promise<{ path: string; value: JsonValue }> {
    const at = toTimestamp(this.clock.now());
    return this.store.unit(async (tx) => {
      const row = await tx.instances.get(instanceId);
      if (!row) throw notFound(`instance ${instanceId}`);
      const value = valueAtMaskedPath(row.variables, path);
      if (value === undefined) throw notFound(`a variable ${path} of instance ${instanceId}`);
      const version = await tx.workflows.get(row.versionId);
      const masked = value === null || typeof value !== 'object';
      if (!masked || !liesInSensitive(path, version ? this.sensitivePaths(version) : new Set()))
        throw invalid('path', `${path} is not masked: instances.get shows it as it is; give one of the instance's maskedPaths`);
      await tx.audit.append(
        { actor: userActor(principal.user), action: 'data.unmasked', subject: { type: 'instance', id: instanceId }, payload: { path, instance: instanceId } },
        at,
      );
      return { path, value };
    });
  }

  private sensitivePaths(version: WorkflowVersionRow): ReadonlySet<string> {
    let paths = this.sensitive.get(version.id);
    if (!paths) {
      paths = declaredSensitivePaths(version.definition);
      this.sensitive.set(version.id, paths);
    }
    return paths;
  }

  private async allVersions(tx: Repositories): Promise<WorkflowVersionRow[]> {
    const latest = await tx.workflows.listLatest();
    return (await Promise.all(latest.map((w) => tx.workflows.versionsOf(w.workflowKey)))).flat();
  }

  async suspend(actor: AuditActor, instanceId: string, reason: string): Promise<InstanceSummary> {
    return this.operate(actor, instanceId, 'instance.suspended', reason, async (tx, row, at) => {
      if (row.suspended) throw conflict('already_suspended', 'The instance is already suspended.');
      await tx.instances.setSuspended(row.id, true, 'suspended', at);
    });
  }

  async resume(actor: AuditActor, instanceId: string, reason: string): Promise<InstanceSummary> {
    return this.operate(actor, instanceId, 'instance.resumed', reason, async (tx, row, at) => {
      if (!row.suspended) throw conflict('not_suspended', 'The instance is not suspended.');
      await tx.instances.setSuspended(row.id, false, statusOf(row.state, false), at);
    });
  }

  async cancel(actor: AuditActor, instanceId: string, reason: string): Promise<InstanceSummary> {
    return this.operate(actor, instanceId, 'instance.cancel-requested', reason, (tx, row, at) => requestCancel(tx, row, actorForEngine(actor), reason, at));
  }

  async retry(actor: AuditActor, instanceId: string, activationId: string, reason: string): Promise<InstanceSummary> {
    return this.stepAction(actor, instanceId, activationId, 'instance.retry-requested', reason, () => ({
      kind: 'operator',
      action: 'retry',
      activationId,
      reason,
      by: actorForEngine(actor),
    }));
  }

  async skip(actor: AuditActor, instanceId: string, activationId: string, value: JsonValue, reason: string): Promise<InstanceSummary> {
    return this.stepAction(actor, instanceId, activationId, 'instance.skip-requested', reason, (stepKind) => {
      if (stepKind === 'approval' || stepKind === 'task.human') {
        throw conflict('skip_refused', 'An approval or human task cannot be skipped: the decision must be made by a person.');
      }
      return { kind: 'operator', action: 'skip', activationId, value, reason, by: actorForEngine(actor) };
    });
  }

  async reconcile(actor: AuditActor, instanceId: string, activationId: string, done: boolean, value: JsonValue, reason: string): Promise<InstanceSummary> {
    return this.stepAction(actor, instanceId, activationId, 'instance.reconcile-requested', reason, (_kind, incidentType) => {
      if (incidentType !== 'in-doubt') throw conflict('not_in_doubt', 'Only an in-doubt step is reconciled; retry or skip other incidents.');
      return { kind: 'operator', action: 'reconcile', activationId, done, value, reason, by: actorForEngine(actor) };
    });
  }

  async signal(actor: AuditActor, name: string, correlationKey: string | null, payload: JsonValue): Promise<number> {
    const now = this.clock.now();
    const at = toTimestamp(now);
    const delivered = await this.store.unit(async (tx) => {
      const matches = await tx.subscriptions.matching(name, correlationKey);
      const signalId = newUuidV7(now);
      const instances = [...new Set(matches.map((m) => m.instanceId))];
      for (const instanceId of instances) await tx.mailbox.append(instanceId, { kind: 'signal', signalId, name, correlationKey, payload }, at);
      await tx.audit.append(
        { actor, action: 'signal.sent', subject: { type: 'signal', id: signalId }, payload: { name, correlationKey, payload, deliveredTo: instances } },
        at,
      );
      return instances.length;
    });
    this.wake();
    return delivered;
  }

  /** One audited operator request on one instance. */
  private async operate(
    actor: AuditActor,
    instanceId: string,
    action: string,
    reason: string,
    apply: (tx: Parameters<Parameters<Store['unit']>[0]>[0], row: InstanceRow, at: string) => Promise<void>,
    payload: { [key: string]: JsonValue } = {},
  ): Promise<InstanceSummary> {
    const at = toTimestamp(this.clock.now());
    const summary = await this.store.unit(async (tx) => {
      const row = await tx.instances.get(instanceId);
      if (!row) throw notFound(`instance ${instanceId}`);
      if (TERMINAL.has(row.status)) throw conflict('instance_ended', `The instance has ended (${row.status}); nothing can be done to it.`);
      await apply(tx, row, at);
      await tx.audit.append({ actor, action, subject: { type: 'instance', id: instanceId }, payload: { reason, ...payload } }, at);
      return instanceSummary((await tx.instances.get(instanceId)) as InstanceRow);
    });
    this.events.publish('instances.changed', { instanceId, status: summary.status }, { kind: 'permission', permission: 'instance.read' });
    this.wake();
    return summary;
  }

  private stepAction(
    actor: AuditActor,
    instanceId: string,
    activationId: string,
    action: string,
    reason: string,
    message: (stepKind: string, incidentType: string) => Message,
  ): Promise<InstanceSummary> {
    return this.operate(
      actor,
      instanceId,
      action,
      reason,
      async (tx, row, at) => {
        const activation = row.state.activations[activationId];
        if (!activation) throw notFound(`step run ${activationId} of instance ${instanceId}`);
        if (activation.wait?.kind !== 'incident') throw conflict('no_incident', `Step ${activation.step} is not held by an incident.`);
        const version = await tx.workflows.get(row.versionId);
        const kind = version ? new WorkflowModel(version.definition).info(activation.step).step.kind : 'task';
        await tx.mailbox.append(row.id, message(kind, activation.wait.type), at);
      },
      { activation: activationId },
    );
  }
}

function actorForEngine(actor: AuditActor): Actor {
  return actor.kind === 'user' ? { kind: 'user', userId: actor.userId, username: actor.username } : { kind: 'engine' };
}
