import { z } from 'zod';
import { op, page } from './op';
import { AuditEvent, AuditOutcome } from '../domain/audit';
import { Timestamp } from '../domain/time';

export const AuditQuery = z
  .object({
    from: Timestamp.optional(),
    to: Timestamp.optional(),
    /** A user id, a username, or "cli:<os user>" / "system:<component>". */
    actor: z.string().trim().min(1).optional(),
    /** An action, or a prefix ending in "." (e.g. "user." for every user event). */
    action: z.string().trim().min(1).optional(),
    subjectType: z.string().trim().min(1).optional(),
    subjectId: z.string().trim().min(1).optional(),
    outcome: AuditOutcome.optional(),
    text: z.string().trim().min(2, { message: 'search for at least 2 characters' }).optional(),
    /** Newest first; the cursor continues below the last sequence number seen. */
    cursor: z.string().regex(/^\d+$/, { message: 'must be a cursor returned by a previous search' }).optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type AuditQuery = z.infer<typeof AuditQuery>;

export const ChainVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  firstBad: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
});
export type ChainVerification = z.infer<typeof ChainVerification>;

export const auditOps = {
  'audit.search': op({ input: AuditQuery, output: page(AuditEvent), access: 'audit.read', mutation: false, summary: 'search the audit trail, newest first' }),
  'audit.verify': op({
    input: z.object({}).strict(),
    output: ChainVerification,
    access: 'audit.read',
    mutation: false,
    summary: 'recompute the hash chain and name the first bad event',
  }),
} as const;
