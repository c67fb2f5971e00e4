import { z } from 'zod';
import { op, page } from './op';
import { AuditEvent, AuditOutcome } from '../domain/audit';
import { Timestamp } from '../domain/time';

/** What to look for in the trail; also the filters of a period report. */
export const AuditFilters = z
  .object({
    from: Timestamp.optional(),
    to: Timestamp.optional(),
    /** A user id, a username, or "cli:<os user>" / "system:<component>". */
    actor: z.string().trim().min(1).optional(),
    /** An action, or a prefix ending in "." (e.g. "user." for every user event). */
    action: z.string().trim().min(1).optional(),
    subjectType: z.string().trim().min(1).optional(),
    subjectId: z.string().trim().min(1).optional(),
    /** A workflow key: the events of its instances (and of their tasks, approvals and schedule runs). */
    workflow: z.string().trim().min(1).optional(),
    outcome: AuditOutcome.optional(),
    /** Words anywhere in the event (action, actor, subject, payload); every word must occur, the last may be a prefix. */
    text: z.string().trim().min(2, { message: 'search for at least 2 characters' }).max(500).optional(),
  })
  .strict();
export type AuditFilters = z.infer<typeof AuditFilters>;

export const AuditQuery = AuditFilters.extend({
  /** Newest first; the cursor continues below the last sequence number seen. */
  cursor: z.string().regex(/^\d+$/, { message: 'must be a cursor returned by a previous search' }).optional(),
  limit: z.number().int().min(1).max(500).default(100),
}).strict();
export type AuditQuery = z.infer<typeof AuditQuery>;

export const ChainVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  firstBad: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
});
export type ChainVerification = z.infer<typeof ChainVerification>;

export const WitnessState = z.enum(['not-configured', 'ok', 'unavailable', 'problems']);

/**
 * A full verification: the hash chain, the Merkle tree against every signed checkpoint (the
 * database's and the witness folder's), their signatures and key rotations. `ok`, `checked`
 * and `firstBad` give the overall verdict: the earliest event any check names.
 */
export const AuditVerification = ChainVerification.extend({
  chain: ChainVerification,
  tree: z.object({ size: z.number().int(), rootHash: z.string() }).nullable(),
  checkpoints: z.object({
    ok: z.boolean(),
    /** Distinct checkpoints compared (stored and witnessed). */
    count: z.number().int(),
    problems: z.array(z.string()),
  }),
  witness: z.object({ state: WitnessState, folder: z.string().nullable(), files: z.number().int(), problems: z.array(z.string()) }),
});
export type AuditVerification = z.infer<typeof AuditVerification>;

export const auditOps = {
  'audit.search': op({ input: AuditQuery, output: page(AuditEvent), access: 'audit.read', mutation: false, summary: 'search the audit trail, newest first' }),
  'audit.verify': op({
    input: z.object({}).strict(),
    output: AuditVerification,
    access: 'audit.read',
    mutation: false,
    summary: 'recompute the hash chain, the Merkle tree and every checkpoint, and name the first bad event',
  }),
} as const;
