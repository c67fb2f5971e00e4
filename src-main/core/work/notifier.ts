import { toTimestamp } from '@shared/domain/time';
import { newUuidV7 } from '@shared/domain/ids';
import type { Repositories } from '../store/repositories';
import type { NotificationRow, TaskRow } from '../store/work-repositories';

/**
 * In-app notifications, written in the unit of work that created the reason for them (new
 * work, an escalation, an overdue task, a change awaiting a second admin), and announced to
 * each recipient's windows once that unit commits. E-mail comes with the SMTP connector.
 */
export async function notifyUsers(
  tx: Repositories,
  userIds: Iterable<string>,
  kind: NotificationRow['kind'],
  title: string,
  body: string,
  link: string | null,
  now: number,
): Promise<number> {
  let count = 0;
  for (const userId of new Set(userIds)) {
    const id = newUuidV7(now);
    await tx.notifications.insert({ id, userId, kind, title, body, link, createdAt: toTimestamp(now), readAt: null });
    tx.announce({ topic: 'notifications.new', payload: { id, title }, audience: { kind: 'user', userId } });
    count += 1;
  }
  return count;
}

/** Active users holding any of the roles, or named. */
export async function usersFor(tx: Repositories, roles: readonly string[], usernames: readonly string[]): Promise<string[]> {
  const users = await tx.users.list();
  return users.filter((u) => u.status === 'active' && (u.roles.some((r) => roles.includes(r)) || usernames.includes(u.username))).map((u) => u.id);
}

export async function notifyCandidates(
  tx: Repositories,
  task: TaskRow,
  kind: NotificationRow['kind'],
  title: string,
  body: string,
  now: number,
): Promise<number> {
  const recipients = task.assigneeId ? [task.assigneeId] : await usersFor(tx, task.candidateRoles, task.candidateUsers);
  return notifyUsers(tx, recipients, kind, title, body, `#/queues/${encodeURIComponent(task.id)}`, now);
}
