import { z } from 'zod';
import { op, page } from './op';
import { AuditEvent, JsonValue } from '../domain/audit';
import { Timestamp } from '../domain/time';
import { AuditFilters, WitnessState } from './audit';

/**
 * Audit evidence: signed checkpoints of the trail's Merkle tree, the background verifier's
 * verdict, an event's proof, an instance's decision chain, and signed report exports.
 * Formats an auditor checks by hand are in docs/audit-evidence.md and docs/reports.md.
 */

const Reason = z.string().trim().min(3, { message: 'give a reason (at least 3 characters); it is kept in the audit trail' }).max(2000);
const Seq = z.number().int().positive();
const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'must be standard base64' });
const AbsolutePath = z
  .string()
  .trim()
  .min(1)
  .max(4096)
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), {
    message: 'give an absolute path of the server machine, e.g. /srv/clearline/reports/2026-q1 or D:\\Reports\\2026-q1',
  });

// ── signing keys and checkpoints ─────────────────────────────────────────────────────────

/** The site's Ed25519 key that signs checkpoints and report manifests (public half only). */
export const SigningKeyInfo = z.object({
  /** First 16 hex digits of SHA-256 of the raw public key: the `key` line of a checkpoint. */
  keyId: z.string(),
  /** The raw 32-byte public key, base64. */
  publicKey: z.string(),
  /** SHA-256 of the raw public key, 64 lowercase hex digits (what `sha256sum` prints; see docs/audit-evidence.md). */
  fingerprint: z.string(),
  createdAt: Timestamp,
  /** When a rotation retired it (it then signs nothing more); null for the key in force. */
  retiredAt: Timestamp.nullable(),
});
export type SigningKeyInfo = z.infer<typeof SigningKeyInfo>;

/** A signed checkpoint exactly as signed (docs/audit-evidence.md § Checkpoints). */
export const SignedCheckpoint = z.object({
  origin: z.string(),
  treeSize: z.number().int().nonnegative(),
  /** MTH of the first treeSize events, base64. */
  rootHash: z.string(),
  time: Timestamp,
  keyId: z.string(),
  /** Present only in a checkpoint that rotates the key: the key that signs from now on. */
  nextKey: z.object({ keyId: z.string(), publicKey: z.string() }).optional(),
  /** Ed25519 over the checkpoint body, base64 of 64 bytes. */
  signature: z.string(),
});
export type SignedCheckpoint = z.infer<typeof SignedCheckpoint>;

export const CheckpointTrigger = z.enum(['schedule', 'export', 'manual', 'rotation']);

export const CheckpointRecord = z.object({
  id: z.number().int(),
  checkpoint: SignedCheckpoint,
  trigger: CheckpointTrigger,
  /** The witness copy: its file name once written, or why it could not be written yet (it is retried). */
  witness: z.object({ file: z.string().nullable(), error: z.string().nullable() }),
});
export type CheckpointRecord = z.infer<typeof CheckpointRecord>;

/** RFC 9162 inclusion proof of one event in a checkpoint's tree, in the JSON an auditor checks with the script of docs/audit-evidence.md. */
export const InclusionProof = z.object({
  seq: Seq,
  eventHash: z.string(),
  treeSize: z.number().int().positive(),
  inclusionProof: z.array(Base64),
});
export type InclusionProof = z.infer<typeof InclusionProof>;

// ── the trail: one event, one instance's decision chain, the verifier ────────────────────

export const AuditEventDetail = z.object({
  event: AuditEvent,
  /** For an event that records a change and states both sides (payload `before` and `after`, or `changes`): the two sides. */
  change: z.object({ before: JsonValue, after: JsonValue }).nullable(),
  /** The event's inclusion proof in the latest checkpoint that covers it, checked against the signed root; null until a checkpoint covers it. */
  proof: z.object({ checkpoint: CheckpointRecord, inclusion: InclusionProof, verified: z.boolean() }).nullable(),
});
export type AuditEventDetail = z.infer<typeof AuditEventDetail>;

/** What an event of an instance's decision chain is, for grouping and icons. */
export const TimelineKind = z.enum([
  /** instance created: the originating input, who or what started it (schedule, signal, person) */
  'input',
  /** a decision table evaluated: inputs, table version, matched rules, outcome */
  'decision',
  /** a branch taken, a wait, a loop: how the flow moved */
  'flow',
  /** tasks created, claimed, completed; data changed by a person */
  'human-work',
  /** an approval level decided (approved, rejected, changes requested, break-glass) */
  'approval',
  /** a refusal or an override: segregation of duties, break-glass, access refused */
  'control',
  /** a connector call requested, its result, retries */
  'connector',
  /** an incident raised, assigned, resolved; SLA breaches and escalations */
  'exception',
  /** an operator action: suspend, resume, cancel, retry, skip, reconcile */
  'operator',
  /** started, completed, failed, cancelled: the instance's state */
  'state',
  'other',
]);
export type TimelineKind = z.infer<typeof TimelineKind>;

export const TimelineEntry = z.object({
  event: AuditEvent,
  kind: TimelineKind,
  /** One line in words, e.g. "decision table credit-limit v3: rules 2, 5 matched → {"route":"manual"}". */
  summary: z.string(),
  /** The workflow step or task it concerns, when it has one. */
  step: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const InstanceTimeline = z.object({
  instanceId: z.string(),
  workflow: z.string().nullable(),
  version: z.number().int().nullable(),
  /** Oldest first; the cursor continues after the last sequence number returned. */
  items: z.array(TimelineEntry),
  nextCursor: z.string().nullable(),
});
export type InstanceTimeline = z.infer<typeof InstanceTimeline>;

export const VerifierState = z.enum([
  /** this process does not run the background verifier (it is not the engine owner) */
  'not-running',
  'verifying',
  /** the whole trail verified: chain, tree, checkpoints and witness copies */
  'verified',
  /** a check failed: see firstBad and the problems */
  'broken',
]);

/** The Audit view's badge: what the background verifier knows now. */
export const AuditStatus = z.object({
  state: VerifierState,
  /** Events in the trail when last looked. */
  head: z.number().int().nonnegative(),
  /** The first `verifiedUpTo` events are verified (chain, and tree against every checkpoint up to there). */
  verifiedUpTo: z.number().int().nonnegative(),
  verifiedAt: Timestamp.nullable(),
  /** When the last verification that read every event finished. */
  lastFullAt: Timestamp.nullable(),
  progress: z.object({ phase: z.enum(['chain', 'tree']), done: z.number().int(), total: z.number().int() }).nullable(),
  firstBad: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
  checkpoints: z.object({
    ok: z.boolean(),
    count: z.number().int(),
    latest: z.object({ treeSize: z.number().int(), time: Timestamp, keyId: z.string() }).nullable(),
    problems: z.array(z.string()),
  }),
  witness: z.object({
    state: WitnessState,
    folder: z.string().nullable(),
    files: z.number().int(),
    /** Checkpoints not yet copied to the witness folder (retried on the checkpoint schedule). */
    unwitnessed: z.number().int(),
    problems: z.array(z.string()),
  }),
  signingKey: SigningKeyInfo.nullable(),
});
export type AuditStatus = z.infer<typeof AuditStatus>;

// ── settings ─────────────────────────────────────────────────────────────────────────────

/** The X.509 identity that signs report PDFs (PAdES). Public facts only. */
export const DocumentSignerInfo = z.object({
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  algorithm: z.enum(['ecdsa-p256', 'rsa-3072']),
  notBefore: Timestamp,
  notAfter: Timestamp,
  /** SHA-256 of the certificate (DER), lowercase hex, as `openssl x509 -noout -fingerprint -sha256` prints it without colons. */
  fingerprint: z.string(),
  source: z.enum(['site-ca', 'imported']),
  /** The CA certificate(s) above the signer, trust anchor first: what auditors import into their NSS database. */
  caCertificatePem: z.string(),
});
export type DocumentSignerInfo = z.infer<typeof DocumentSignerInfo>;

export const CheckpointSchedule = z
  .object({
    /** A checkpoint at least this often while events are added (0: only after N events and at exports). */
    everyMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60),
    /** …and as soon as this many events were added since the last one (0: not by count). */
    everyEvents: z.number().int().min(0).max(10_000_000),
  })
  .strict();
export type CheckpointSchedule = z.infer<typeof CheckpointSchedule>;

export const EvidenceSettings = z.object({
  signingKey: SigningKeyInfo.nullable(),
  /** Every key the site has used, oldest first: the first is the trust anchor of the rotation chain. */
  keyHistory: z.array(SigningKeyInfo),
  documentSigner: DocumentSignerInfo.nullable(),
  witnessFolder: z.string().nullable(),
  schedule: CheckpointSchedule,
});
export type EvidenceSettings = z.infer<typeof EvidenceSettings>;

// ── reports ──────────────────────────────────────────────────────────────────────────────

export const ControlReport = z.enum(['sod-refusals', 'break-glass', 'config-changes', 'sla-breaches', 'incidents', 'unmasked-views']);
export type ControlReport = z.infer<typeof ControlReport>;

/**
 * One object for every kind (the renderer builds it from one form): `instance` needs
 * `instanceId`; `period` needs `from` and `to` and may narrow with `filters`; `control`
 * needs `control`, `from` and `to`.
 */
export const ReportRequest = z
  .object({
    kind: z.enum(['instance', 'period', 'control']),
    instanceId: z.string().trim().min(1).max(200).optional(),
    control: ControlReport.optional(),
    from: Timestamp.optional(),
    to: Timestamp.optional(),
    filters: AuditFilters.omit({ from: true, to: true }).optional(),
    /** Where to write the report folder (absent: a new folder under the site's reports/). It must not exist or be empty. */
    targetDir: AbsolutePath.optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const need = (field: 'instanceId' | 'control' | 'from' | 'to', message: string) => {
      if (r[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message });
    };
    const refuse = (field: 'instanceId' | 'control' | 'filters', message: string) => {
      if (r[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message });
    };
    if (r.kind === 'instance') {
      need('instanceId', 'an instance report needs the instance id');
      refuse('control', 'only a control report names a control');
      refuse('filters', 'an instance report holds every event of the instance; filters are for period reports');
      return;
    }
    need('from', `a ${r.kind} report needs the start of its period (UTC timestamp)`);
    need('to', `a ${r.kind} report needs the end of its period (UTC timestamp)`);
    if (r.from && r.to && r.from >= r.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '`to` must be after `from`' });
    refuse('instanceId', 'only an instance report names an instance');
    if (r.kind === 'control') {
      need('control', `name the control: ${ControlReport.options.join(', ')}`);
      refuse('filters', 'a control report selects its own events; filters are for period reports');
    } else refuse('control', 'only a control report names a control');
  });
export type ReportRequest = z.infer<typeof ReportRequest>;

export const ReportPhase = z.enum(['queued', 'checkpoint', 'events', 'timeline', 'pdf', 'manifest', 'done']);
export type ReportPhase = z.infer<typeof ReportPhase>;

export const ReportJob = z.object({
  id: z.string(),
  request: ReportRequest,
  title: z.string(),
  requestedBy: z.string(),
  requestedAt: Timestamp,
  /** interrupted: the process writing it stopped; nothing was published, export again. */
  status: z.enum(['running', 'done', 'failed', 'interrupted']),
  phase: ReportPhase,
  done: z.number().int(),
  total: z.number().int().nullable(),
  folder: z.string(),
  eventCount: z.number().int().nullable(),
  /** The checkpoint made for this export, which the report's range proof leads to. */
  checkpoint: z.object({ treeSize: z.number().int(), rootHash: z.string(), keyId: z.string() }).nullable(),
  files: z.array(z.object({ name: z.string(), sha256: z.string(), bytes: z.number().int() })),
  error: z.string().nullable(),
  finishedAt: Timestamp.nullable(),
});
export type ReportJob = z.infer<typeof ReportJob>;

export const ReportCheck = z.object({ name: z.string(), ok: z.boolean(), detail: z.string() });

export const ReportVerification = z.object({ ok: z.boolean(), checks: z.array(ReportCheck) });
export type ReportVerification = z.infer<typeof ReportVerification>;

// ── operations ───────────────────────────────────────────────────────────────────────────

const Nothing = z.object({}).strict();
const Cursor = z.string().regex(/^\d+$/, { message: 'must be a cursor returned by a previous page' });

export const evidenceOps = {
  'audit.get': op({
    input: z.object({ seq: Seq }).strict(),
    output: AuditEventDetail,
    access: 'audit.read',
    mutation: false,
    summary: 'one audit event, the change it records, and its inclusion proof in the latest checkpoint',
  }),
  'audit.timeline': op({
    input: z
      .object({ instanceId: z.string().trim().min(1).max(200), cursor: Cursor.optional(), limit: z.number().int().min(1).max(1000).default(500) })
      .strict(),
    output: InstanceTimeline,
    access: 'audit.read',
    mutation: false,
    summary: "an instance's whole decision chain, oldest first: its own events and those of its tasks, approvals, incidents and schedule runs",
  }),
  'audit.status': op({
    input: Nothing,
    output: AuditStatus,
    access: 'audit.read',
    mutation: false,
    summary: "the background verifier's verdict on the trail, checkpoints and witness folder",
  }),
  'checkpoints.list': op({
    input: z.object({ cursor: Cursor.optional(), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: page(CheckpointRecord),
    access: 'audit.read',
    mutation: false,
    summary: 'signed checkpoints, newest first',
  }),
  'checkpoints.create': op({
    input: Nothing,
    output: CheckpointRecord,
    access: 'audit.manage',
    mutation: true,
    summary: 'sign a checkpoint of the trail now (and copy it to the witness folder)',
  }),
  'audit.rotateKey': op({
    input: z.object({ reason: Reason }).strict(),
    output: z.object({ previous: SigningKeyInfo, current: SigningKeyInfo, checkpoint: CheckpointRecord }),
    access: 'audit.manage',
    mutation: true,
    summary: 'replace the Ed25519 signing key: the old key signs a checkpoint announcing the new one',
  }),
  'evidence.settings': op({
    input: Nothing,
    output: EvidenceSettings,
    access: 'audit.read',
    mutation: false,
    summary: 'signing key and its history, document-signing certificate, witness folder, checkpoint schedule',
  }),
  'evidence.configure': op({
    input: z.object({ witnessFolder: AbsolutePath.nullable(), schedule: CheckpointSchedule, reason: Reason }).strict(),
    output: z.object({ status: z.enum(['applied', 'pending-approval']), changeId: z.string().nullable() }),
    access: 'audit.manage',
    mutation: true,
    summary: 'set the witness folder and the checkpoint schedule (four-eyes once the site has two admins)',
  }),
  'reports.export': op({
    input: ReportRequest,
    output: z.object({ jobId: z.string(), folder: z.string() }),
    access: 'report.export',
    mutation: true,
    summary: 'start a signed report export; follow it with the reports.progress event or reports.get',
  }),
  'reports.get': op({
    input: z.object({ jobId: z.string().min(1).max(100) }).strict(),
    output: ReportJob,
    access: 'report.read',
    mutation: false,
    summary: 'an export: its progress, or its folder and files',
  }),
  'reports.list': op({
    input: z.object({ cursor: z.string().max(100).optional(), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    output: page(ReportJob),
    access: 'report.read',
    mutation: false,
    summary: 'exports, newest first',
  }),
  'reports.verify': op({
    input: z
      .object({
        folder: AbsolutePath,
        /** The site key as the auditor obtained it (base64 of the raw 32 bytes); else the folder's manifest-key.pem. */
        publicKey: Base64.optional(),
        /** The site CA as the auditor obtained it (PEM); else the folder's site-ca.pem. */
        caCertificatePem: z.string().max(100_000).optional(),
      })
      .strict(),
    output: ReportVerification,
    access: 'report.read',
    mutation: false,
    summary: 'check a report folder: manifest signature, file hashes, PDF signature and chain, events, range proof, checkpoint',
  }),
} as const;
