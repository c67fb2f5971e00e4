import type { AuditActor, JsonValue } from '@shared/domain/audit';
import type { ConfigChange } from '@shared/contract/work';
import type { Clock } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import { newUuidV7 } from '@shared/domain/ids';
import type { Store } from '../store/store';
import type { Repositories } from '../store/repositories';
import type { ChangeRow } from '../store/work-repositories';
import type { EventBus } from '../events/event-bus';
import { conflict, notFound, refused } from '../dispatch/app-error';
import { notifyUsers, usersFor } from '../work/notifier';

export type ChangeKind = ChangeRow['kind'];

export interface ChangeRequest {
  kind: ChangeKind;
  target: string;
  summary: string;
  details: JsonValue;
  payload: JsonValue;
}

/** Carries out an approved change of one kind, inside the approving unit of work. */
export type ChangeApplier = (
  tx: Repositories,
  change: ChangeRow,
  requester: AuditActor,
  approver: { userId: string; username: string } | null,
  now: number,
) => Promise<void>;

export type Submitted = { status: 'applied' } | { status: 'pending-approval'; changeId: string };

export function changeView(row: ChangeRow): ConfigChange {
  return {
    id: row.id,
    kind: row.kind,
    summary: row.summary,
    details: row.details,
    requestedBy: row.requestedBy,
    requestedAt: row.requestedAt as ConfigChange['requestedAt'],
    status: row.status,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt as ConfigChange['decidedAt'],
    reason: row.reason,
  };
}

/**
 * Four-eyes on configuration: deploying a workflow or decision table, the conflict matrix,
 * a calendar, granting roles — each takes effect only when a second admin approves it, and
 * nobody approves their own change or roles for themselves. A site with a single active
 * admin cannot have a second approver yet, so there changes apply at once and their audit
 * event says the control was waived and why; from the second admin on it is enforced.
 */
export class ChangeControl {
  private readonly appliers = new Map<ChangeKind, ChangeApplier>();
  private readonly announcers = new Map<ChangeKind, (change: ChangeRow) => void>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly events: EventBus,
  ) {}

  /**
   * `announce` runs after an approval's commit, so the service that owns the changed thing
   * can publish its own event to those who read it (not only to the admins who see changes).
   */
  register(kind: ChangeKind, applier: ChangeApplier, announce?: (change: ChangeRow) => void): void {
    this.appliers.set(kind, applier);
    if (announce) this.announcers.set(kind, announce);
  }

  private applier(kind: ChangeKind): ChangeApplier {
    const applier = this.appliers.get(kind);
    if (!applier) throw new Error(`no applier for ${kind} changes`);
    return applier;
  }

  /** Within the caller's unit of work: applies the change now on a single-admin site, else records it for a second admin. */
  async submit(tx: Repositories, requester: AuditActor & { kind: 'user' }, request: ChangeRequest, now: number): Promise<Submitted> {
    const at = toTimestamp(now);
    const row: ChangeRow = {
      id: newUuidV7(now),
      ...request,
      requestedById: requester.userId,
      requestedBy: requester.username,
      requestedAt: at,
      status: 'pending',
      decidedById: null,
      decidedBy: null,
      decidedAt: null,
      reason: null,
    };
    if ((await tx.users.countActiveWithRole('admin')) < 2) {
      await this.applier(request.kind)(tx, row, requester, null, now);
      await tx.audit.append(
        {
          actor: requester,
          action: 'config-change.applied',
          subject: { type: 'config-change', id: row.id },
          payload: { kind: row.kind, summary: row.summary, details: row.details, fourEyes: 'waived: the site has a single active admin' },
        },
        at,
      );
      return { status: 'applied' };
    }
    const superseded = await tx.changes.supersede(request.kind, request.target, at);
    await tx.changes.insert(row);
    await tx.audit.append(
      {
        actor: requester,
        action: 'config-change.requested',
        subject: { type: 'config-change', id: row.id },
        payload: { kind: row.kind, summary: row.summary, details: row.details, superseded },
      },
      at,
    );
    tx.announce({ topic: 'changes.changed', payload: { changeId: row.id, status: 'pending' }, audience: { kind: 'permission', permission: 'user.read' } });
    const admins = (await usersFor(tx, ['admin'], [])).filter((id) => id !== requester.userId);
    await notifyUsers(tx, admins, 'pending-change', `Change awaiting your approval: ${row.summary}`, `Requested by ${row.requestedBy}`, '#/admin/changes', now);
    return { status: 'pending-approval', changeId: row.id };
  }

  async list(status?: ChangeRow['status']): Promise<ConfigChange[]> {
    return (await this.store.read((tx) => tx.changes.list(status))).map(changeView);
  }

  async approve(approver: { userId: string; username: string }, changeId: string, comment: string | null): Promise<ConfigChange> {
    const now = this.clock.now();
    const at = toTimestamp(now);
    const decided = await this.store.unit(async (tx) => {
      const change = await this.pending(tx, changeId);
      if (change.requestedById === approver.userId) throw refused('four_eyes', 'Nobody approves their own change: another admin must approve it.');
      if (change.kind === 'roles' && (change.payload as { userId?: string }).userId === approver.userId) {
        throw refused('self_grant', 'Nobody approves roles for themselves: another admin must approve it.');
      }
      const requester: AuditActor = { kind: 'user', userId: change.requestedById, username: change.requestedBy };
      await this.applier(change.kind)(tx, change, requester, approver, now);
      await tx.changes.decide(change.id, 'approved', approver.userId, approver.username, at, comment);
      await tx.audit.append(
        {
          actor: { kind: 'user', ...approver },
          action: 'config-change.approved',
          subject: { type: 'config-change', id: change.id },
          payload: { kind: change.kind, summary: change.summary, requestedBy: change.requestedBy, approvedBy: approver.username, comment },
        },
        at,
      );
      return (await tx.changes.get(change.id)) as ChangeRow;
    });
    this.events.publish('changes.changed', { changeId, status: 'approved' }, { kind: 'permission', permission: 'user.read' });
    this.announcers.get(decided.kind)?.(decided);
    return changeView(decided);
  }

  async reject(approver: { userId: string; username: string }, changeId: string, reason: string): Promise<ConfigChange> {
    const at = toTimestamp(this.clock.now());
    const decided = await this.store.unit(async (tx) => {
      const change = await this.pending(tx, changeId);
      await tx.changes.decide(change.id, 'rejected', approver.userId, approver.username, at, reason);
      await tx.audit.append(
        {
          actor: { kind: 'user', ...approver },
          action: 'config-change.rejected',
          subject: { type: 'config-change', id: change.id },
          payload: { kind: change.kind, summary: change.summary, requestedBy: change.requestedBy, reason },
        },
        at,
      );
      return (await tx.changes.get(change.id)) as ChangeRow;
    });
    this.events.publish('changes.changed', { changeId, status: 'rejected' }, { kind: 'permission', permission: 'user.read' });
    return changeView(decided);
  }

  private async pending(tx: Repositories, changeId: string): Promise<ChangeRow> {
    const change = await tx.changes.get(changeId);
    if (!change) throw notFound(`configuration change ${changeId}`);
    if (change.status !== 'pending') throw conflict('change_decided', `This change is already ${change.status}.`);
    return change;
  }
}
