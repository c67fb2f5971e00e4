import { z } from 'zod';

/**
 * Events the core pushes to hosts (Server-Sent Events over HTTP, IPC to windows). Each
 * topic has a schema; `audience` says who receives it: everybody signed in, the holders of
 * a permission, or one session.
 */
export const EVENTS = {
  'session.ended': z.object({ reason: z.enum(['signed-out', 'expired', 'disabled', 'password-reset', 'password-changed', 'locked-out']) }),
  'users.changed': z.object({ userId: z.string() }),
  'instances.changed': z.object({ instanceId: z.string(), status: z.string() }),
  'incidents.changed': z.object({ incidentId: z.string(), instanceId: z.string() }),
  'tasks.changed': z.object({ taskId: z.string(), status: z.string() }),
  'notifications.new': z.object({ id: z.string(), title: z.string() }),
  'changes.changed': z.object({ changeId: z.string(), status: z.string() }),
  'schedules.changed': z.object({ scheduleId: z.string() }),
  'calendars.changed': z.object({ name: z.string() }),
  /** A report export moved on (phases in order: checkpoint, events, timeline, pdf, manifest, done). */
  'reports.progress': z.object({
    jobId: z.string(),
    status: z.enum(['running', 'done', 'failed', 'interrupted']),
    phase: z.string(),
    done: z.number(),
    total: z.number().nullable(),
  }),
  /** The background verifier's verdict changed; audit.status has the details. */
  'audit.status': z.object({ state: z.string(), verifiedUpTo: z.number(), firstBadSeq: z.number().nullable() }),
} as const;
export type EventTopic = keyof typeof EVENTS;
export type EventPayload<T extends EventTopic> = z.infer<(typeof EVENTS)[T]>;

export type EventAudience =
  { kind: 'all' } | { kind: 'permission'; permission: string } | { kind: 'session'; sessionId: string } | { kind: 'user'; userId: string };

export interface CoreEvent<T extends EventTopic = EventTopic> {
  topic: T;
  payload: EventPayload<T>;
  audience: EventAudience;
}
