import type { AuditEvent } from '@shared/domain/audit';
import type { AuditFilters } from '@shared/contract/audit';
import type { ReportJob } from '@shared/contract/evidence';
import type { SignedCheckpoint } from '../audit/checkpoints/checkpoint';
import type { AccumulatorState } from '../audit/merkle/accumulator';

/** Repositories of audit evidence: reads of the trail for proofs, verification and export; checkpoints; keys; report jobs. */
export interface EvidenceRepositories {
  readonly trail: TrailRepository;
  readonly checkpoints: CheckpointsRepository;
  readonly signingKeys: SigningKeysRepository;
  readonly merkleNodes: MerkleNodesRepository;
  readonly documentSigners: DocumentSignersRepository;
  readonly reportJobs: ReportJobsRepository;
}

/**
 * An event as stored: actor, subject and payload are the RFC 8785 canonical JSON texts that
 * were hashed. The verifier hashes these texts as they are, so a row whose text was edited
 * into another spelling of the same value still shows as altered.
 */
export interface StoredEvent {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  outcome: string;
  payload: string;
  prevHash: string;
  hash: string;
}

/** Which events a report or a timeline holds; every condition must hold. */
export interface TrailSelection {
  filters?: Omit<AuditFilters, 'text'> & { text?: string };
  /** Events of this instance (its own, and its tasks', approvals', schedule runs'). */
  instanceId?: string;
  /** Any of these actions; one ending in "." is a prefix. */
  actions?: readonly string[];
  /** With action access.refused: only refusals with one of these codes (segregation of duties, four-eyes…). */
  refusalCodes?: readonly string[];
  /** Only events up to this seq (a report covers the events of its checkpoint). */
  maxSeq?: number;
}

export interface TrailRepository {
  /** The highest sequence number (0 for an empty trail). */
  size(): Promise<number>;
  get(seq: number): Promise<AuditEvent | null>;
  /** Event hashes (hex) of seq fromSeq + 1 … toSeq, in order; fewer when events are missing. */
  hashes(afterSeq: number, toSeq: number): Promise<string[]>;
  /** Stored rows with seq ≥ fromSeq, in order, for verification. */
  stored(fromSeq: number, limit: number): Promise<StoredEvent[]>;
  /** Selected events with seq > afterSeq, oldest first. */
  select(selection: TrailSelection, afterSeq: number, limit: number): Promise<AuditEvent[]>;
  /** Sequence numbers of the selected events with seq > afterSeq, ascending. */
  selectSeqs(selection: TrailSelection, afterSeq: number, limit: number): Promise<number[]>;
  /** How many selected events share each value of a column, most frequent first. */
  countBy(selection: TrailSelection, column: 'action' | 'actor' | 'outcome' | 'day', limit: number): Promise<{ value: string; count: number }[]>;
  /** How many events the selection holds. */
  count(selection: TrailSelection): Promise<number>;
  /** Recreates the full-text index (empty, to be refilled by indexSearch) if it is missing; true when it did. */
  ensureSearchIndex(): Promise<boolean>;
  /** Adds up to `limit` events to the full-text index, after the last one indexed (a write unit). */
  indexSearch(limit: number): Promise<{ indexed: number; upTo: number; head: number }>;
}

export type CheckpointTrigger = 'schedule' | 'export' | 'manual' | 'rotation';

export interface CheckpointRow {
  id: number;
  checkpoint: SignedCheckpoint;
  trigger: CheckpointTrigger;
  witnessFile: string | null;
  witnessError: string | null;
}

export interface CheckpointsRepository {
  insert(checkpoint: SignedCheckpoint, trigger: CheckpointTrigger, frontier: AccumulatorState): Promise<number>;
  get(id: number): Promise<CheckpointRow | null>;
  /** The most recent checkpoint with the tree state it signed, from which the next one continues. */
  latest(): Promise<(CheckpointRow & { frontier: AccumulatorState }) | null>;
  /** The most recent checkpoint that covers event `seq`. */
  covering(seq: number): Promise<CheckpointRow | null>;
  /** Newest first, ids below `beforeId`. */
  page(beforeId: number | null, limit: number): Promise<CheckpointRow[]>;
  /** Every checkpoint in (treeSize, signing order): the order verification follows. */
  all(): Promise<CheckpointRow[]>;
  count(): Promise<{ total: number; unwitnessed: number }>;
  unwitnessed(limit: number): Promise<CheckpointRow[]>;
  setWitness(id: number, file: string | null, error: string | null): Promise<void>;
}

export interface SigningKeyRow {
  keyId: string;
  publicKey: string;
  createdAt: string;
  retiredAt: string | null;
  retiredByCheckpoint: number | null;
}

export interface SigningKeysRepository {
  /** Oldest first. */
  list(): Promise<SigningKeyRow[]>;
  current(): Promise<SigningKeyRow | null>;
  insert(row: Pick<SigningKeyRow, 'keyId' | 'publicKey' | 'createdAt'>): Promise<void>;
  retire(keyId: string, at: string, checkpointId: number): Promise<void>;
}

export interface MerkleNode {
  level: number;
  index: number;
  hash: Buffer;
}

export interface MerkleNodesRepository {
  put(nodes: readonly MerkleNode[]): Promise<void>;
  get(level: number, index: number): Promise<Buffer | null>;
}

export interface DocumentSignerRow {
  fingerprint: string;
  subject: string;
  source: 'site-ca' | 'imported';
  createdAt: string;
  retiredAt: string | null;
}

export interface DocumentSignersRepository {
  current(): Promise<DocumentSignerRow | null>;
  /** Retires the current signer (if any) and makes this one current. */
  replace(row: Omit<DocumentSignerRow, 'retiredAt'>): Promise<void>;
}

export interface ReportJobRow extends Omit<ReportJob, 'status'> {
  status: 'running' | 'done' | 'failed';
  requestedById: string;
  heartbeatAt: string;
}

export type ReportJobPatch = Partial<
  Pick<ReportJobRow, 'status' | 'phase' | 'done' | 'total' | 'eventCount' | 'checkpoint' | 'files' | 'error' | 'finishedAt'>
> & {
  heartbeatAt: string;
};

export interface ReportJobsRepository {
  insert(row: ReportJobRow): Promise<void>;
  update(id: string, patch: ReportJobPatch): Promise<void>;
  get(id: string): Promise<ReportJobRow | null>;
  /** Newest first, ids below `beforeId` (ids are time-ordered). */
  page(beforeId: string | null, limit: number): Promise<ReportJobRow[]>;
}
