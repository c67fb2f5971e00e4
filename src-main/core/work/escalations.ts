import type { z } from 'zod';
import { toTimestamp } from '@shared/domain/time';
import type { Escalation } from '@shared/domain/workflow/definition';
import type { Store } from '../store/store';
import type { EventBus } from '../events/event-bus';
import type { DueWork } from '../engine/runtime/engine';
import { notifyCandidates, notifyUsers, usersFor } from './notifier';
import type { SlaSpec } from './sla-clock';

const ENGINE = { kind: 'system', component: 'sla' } as const;

/**
 * Durable SLA deadlines of tasks, fired by the engine owner: at the breach the task is
 * overdue (its people are told); at each escalation step its path runs — notify roles,
 * reassign to the escalation role, raise the priority — as many levels as configured.
 */
export class Escalations implements DueWork {
  readonly name = 'sla-escalations';

  constructor(
    private readonly store: Store,
    private readonly events: EventBus,
  ) {}

  nextDueAt(): Promise<number | null> {
    return this.store.read((tx) => tx.workTimers.nextDueAt());
  }

  async fireDue(now: number): Promise<void> {
    const due = await this.store.read((tx) => tx.workTimers.due(now, 200));
    if (due.length === 0) return;
    const changed = await this.store.unit(
      async (tx) => {
        const touched: string[] = [];
        const at = toTimestamp(now);
        for (const timer of due) {
          await tx.workTimers.markFired(timer.id);
          const task = await tx.tasks.get(timer.taskId);
          if (!task || (task.status !== 'open' && task.status !== 'claimed')) continue;
          const sla = (task.spec.work.sla ?? null) as SlaSpec | null;
          if (timer.purpose === 'sla') {
            await tx.audit.append(
              { actor: ENGINE, action: 'task.sla-breached', subject: { type: 'task', id: task.id }, payload: { instance: task.instanceId, dueAt: task.dueAt } },
              at,
            );
            await notifyCandidates(tx, task, 'overdue', `Overdue: ${task.title}`, `was due ${task.dueAt}`, now);
          } else if (timer.purpose === 'escalation' && sla) {
            const step = sla.escalations[timer.step] as z.infer<typeof Escalation> | undefined;
            if (!step) continue;
            const roles = step.reassignTo ? [step.reassignTo] : task.candidateRoles;
            if (step.reassignTo) {
              await tx.tasks.setCandidates(task.id, roles, []);
              if (task.kind !== 'approval') await tx.tasks.update(task.id, { assigneeId: null, status: 'open' });
            }
            const priority = step.raisePriority !== undefined ? Math.max(task.priority, step.raisePriority) : task.priority;
            await tx.tasks.update(task.id, { escalationLevel: timer.step + 1, priority });
            await tx.audit.append(
              {
                actor: ENGINE,
                action: 'task.escalated',
                subject: { type: 'task', id: task.id },
                payload: { instance: task.instanceId, level: timer.step + 1, notified: step.notify, reassignedTo: step.reassignTo ?? null, priority },
              },
              at,
            );
            const recipients = await usersFor(tx, [...step.notify, ...(step.reassignTo ? [step.reassignTo] : [])], []);
            await notifyUsers(
              tx,
              recipients,
              'escalated',
              `Escalated (level ${timer.step + 1}): ${task.title}`,
              `${task.workflowKey} ${task.businessKey ?? ''} was due ${task.dueAt}`,
              `#/queues/${encodeURIComponent(task.id)}`,
              now,
            );
          }
          touched.push(task.id);
        }
        return touched;
      },
      { fenced: true },
    );
    for (const taskId of changed) this.events.publish('tasks.changed', { taskId, status: 'escalated' }, { kind: 'permission', permission: 'task.read' });
  }
}
