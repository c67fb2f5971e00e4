import type { z } from 'zod';
import type { DelegationsView, NotificationView } from '@shared/contract/work';
import type { UserId as UserIdValue } from '@shared/domain/ids';
import type { Clock, Timestamp } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import type { Store } from '../store/store';
import { conflict, notFound } from '../dispatch/app-error';
import { userActor, type Principal } from '../auth/principal';

type Notification = z.infer<typeof NotificationView>;

/** A person's own inbox settings and notifications: out-of-office delegation, reading notifications. */
export class InboxService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async notifications(principal: Principal, unreadOnly: boolean, limit: number): Promise<{ items: Notification[]; unread: number }> {
    return this.store.read(async (tx) => ({
      items: (await tx.notifications.list(principal.user.id, unreadOnly, limit)).map((n) => ({
        id: n.id,
        kind: n.kind,
        title: n.title,
        body: n.body,
        link: n.link,
        createdAt: n.createdAt as Notification['createdAt'],
        read: n.readAt !== null,
      })),
      unread: await tx.notifications.unreadCount(principal.user.id),
    }));
  }

  /**
   * Reading is evidence too: that the owner of an at-risk or SLA alert saw it, and when.
   * Only notifications this call actually marked are audited (not others', not twice).
   */
  async markRead(principal: Principal, ids: readonly string[]): Promise<void> {
    const at = toTimestamp(this.clock.now());
    await this.store.unit(async (tx) => {
      for (const id of await tx.notifications.markRead(principal.user.id, ids, at)) {
        await tx.audit.append({ actor: userActor(principal.user), action: 'notification.read', subject: { type: 'notification', id }, payload: {} }, at);
      }
    });
  }

  /** Your delegation until it ends, and the colleagues you stand in for now. */
  async delegations(principal: Principal): Promise<DelegationsView> {
    const at = toTimestamp(this.clock.now());
    return this.store.read(async (tx) => {
      const mine = await tx.delegations.current(principal.user.id, at);
      const delegate = mine ? await tx.users.findById(mine.delegateId) : null;
      const standing = await tx.delegations.standingInFor(principal.user.id, at);
      return {
        mine:
          mine && delegate
            ? {
                delegate: { userId: delegate.id as UserIdValue, username: delegate.username, displayName: delegate.displayName },
                from: mine.startsAt as Timestamp,
                to: mine.endsAt as Timestamp,
              }
            : null,
        standingInFor: standing.map((d) => ({
          person: { userId: d.userId as UserIdValue, username: d.username, displayName: d.displayName },
          to: d.endsAt as Timestamp,
        })),
      };
    });
  }

  /** While out of office, a colleague acts on the tasks assigned or named to you (null ends it). */
  async delegate(principal: Principal, delegateUserId: string | null, from: string, to: string): Promise<void> {
    const at = toTimestamp(this.clock.now());
    await this.store.unit(async (tx) => {
      if (delegateUserId === null) {
        await tx.delegations.clear(principal.user.id);
      } else {
        if (delegateUserId === principal.user.id) throw conflict('self_delegation', 'Choose a colleague, not yourself.');
        const delegate = await tx.users.findById(delegateUserId);
        if (!delegate || delegate.status !== 'active') throw notFound('an active colleague with this id');
        await tx.delegations.set(principal.user.id, delegateUserId, from, to);
      }
      await tx.audit.append(
        {
          actor: userActor(principal.user),
          action: delegateUserId ? 'delegation.set' : 'delegation.ended',
          subject: { type: 'user', id: principal.user.id },
          payload: { delegate: delegateUserId, from, to },
        },
        at,
      );
    });
  }
}
