import { z } from 'zod';
import { Timestamp } from './time';

/** Who did it. Every audit event names one; maintenance from the CLI records the OS user. */
export const AuditActor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: z.string(), username: z.string() }),
  z.object({ kind: z.literal('system'), component: z.string() }),
  z.object({ kind: z.literal('schedule'), scheduleId: z.string() }),
  z.object({ kind: z.literal('cli'), osUser: z.string(), host: z.string() }),
  z.object({ kind: z.literal('anonymous'), origin: z.string() }),
]);
export type AuditActor = z.infer<typeof AuditActor>;

/** Who acted, in one line: the same words the audit search's actor filter accepts (the console and the CLI print it). */
export function describeActor(actor: AuditActor): string {
  switch (actor.kind) {
    case 'user':
      return actor.username;
    case 'system':
      return `system:${actor.component}`;
    case 'schedule':
      return `schedule:${actor.scheduleId}`;
    case 'cli':
      return `cli:${actor.osUser}@${actor.host}`;
    case 'anonymous':
      return `anonymous: ${actor.origin}`;
  }
}

export const AuditSubject = z.object({ type: z.string(), id: z.string() });
export type AuditSubject = z.infer<typeof AuditSubject>;

export const AuditOutcome = z.enum(['ok', 'refused', 'failed']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export const JsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.null(), z.boolean(), z.number(), z.string(), z.array(JsonValue), z.record(z.string(), JsonValue)]),
);

/** What a caller hands to the trail; sequence, time and hashes are the trail's to assign. */
export interface AuditRecord {
  actor: AuditActor;
  action: string;
  subject?: AuditSubject | null;
  outcome?: AuditOutcome;
  payload?: { [key: string]: JsonValue };
}

export const AuditEvent = z.object({
  seq: z.number().int().positive(),
  at: Timestamp,
  actor: AuditActor,
  action: z.string(),
  subject: AuditSubject.nullable(),
  outcome: AuditOutcome,
  payload: z.record(z.string(), JsonValue),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const GENESIS_HASH = '0'.repeat(64);

/** The exact object whose RFC 8785 canonical JSON is hashed into `hash`. */
export function hashedFields(e: Omit<AuditEvent, 'hash'>): Omit<AuditEvent, 'hash'> {
  return { seq: e.seq, at: e.at, actor: e.actor, action: e.action, subject: e.subject, outcome: e.outcome, payload: e.payload, prevHash: e.prevHash };
}
