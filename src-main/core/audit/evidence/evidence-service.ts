import type { AuditVerification } from '@shared/contract/audit';
import type {
  AuditEventDetail,
  AuditStatus,
  CheckpointRecord,
  CheckpointSchedule,
  EvidenceSettings as EvidenceSettingsView,
  InstanceTimeline,
  SigningKeyInfo,
} from '@shared/contract/evidence';
import type { AuditEvent, JsonValue } from '@shared/domain/audit';
import type { Store } from '../../store/store';
import type { CheckpointRow } from '../../store/evidence-repositories';
import { notFound } from '../../dispatch/app-error';
import { inclusionProof, verifyInclusion } from '../merkle';
import type { Checkpointer } from './checkpointer';
import { witnessFolderProblem, type EvidenceSettings } from './evidence-settings';
import type { BackgroundVerifier } from './background-verifier';
import { signingKeyInfo } from './signing-keys';
import { currentDocumentSigner } from '../../reports/exports/document-signers';
import { timelineEntry } from './timeline';
import { eventLeaf, trailLeaves } from './trail-leaves';
import { verifyTrail } from './trail-verifier';

type UserActor = { kind: 'user'; userId: string; username: string };

export function checkpointRecord(row: CheckpointRow): CheckpointRecord {
  const { nextKey, ...rest } = row.checkpoint;
  return {
    id: row.id,
    checkpoint: { ...rest, time: rest.time as CheckpointRecord['checkpoint']['time'], ...(nextKey ? { nextKey } : {}) },
    trigger: row.trigger,
    witness: { file: row.witnessFile, error: row.witnessError },
  };
}

/** The two sides of a change when the event states both (user and configuration changes, data changed by a person). */
function changeOf(payload: AuditEvent['payload']): AuditEventDetail['change'] {
  const sides = (o: unknown): { before: JsonValue; after: JsonValue } | null =>
    o !== null && typeof o === 'object' && 'before' in o && 'after' in o
      ? { before: (o as { before: JsonValue }).before, after: (o as { after: JsonValue }).after }
      : null;
  return sides(payload) ?? sides(payload.details);
}

/**
 * What the contract offers about the evidence: an event with its proof, an instance's
 * decision chain, the verifier's badge, checkpoints, key rotation and settings.
 */
export class EvidenceService {
  constructor(
    private readonly store: Store,
    private readonly siteId: string,
    private readonly config: EvidenceSettings,
    private readonly checkpointer: Checkpointer,
    private readonly verifier: BackgroundVerifier,
  ) {}

  async event(seq: number): Promise<AuditEventDetail> {
    const { event, covering } = await this.store.read(async (tx) => ({ event: await tx.trail.get(seq), covering: await tx.checkpoints.covering(seq) }));
    if (!event) throw notFound(`audit event ${seq}`);
    if (!covering) return { event, change: changeOf(event.payload), proof: null };
    const size = covering.checkpoint.treeSize;
    const root = Buffer.from(covering.checkpoint.rootHash, 'base64');
    const leaf = eventLeaf(event.hash);
    const read = this.store.read.bind(this.store);
    // The node cache makes the proof cheap; if it was damaged the proof fails its check and is rebuilt from the leaves.
    let proof = await inclusionProof(trailLeaves(read, size, true), seq - 1, size);
    let verified = verifyInclusion(seq - 1, size, leaf, proof, root);
    if (!verified) {
      proof = await inclusionProof(trailLeaves(read, size, false), seq - 1, size);
      verified = verifyInclusion(seq - 1, size, leaf, proof, root);
    }
    return {
      event,
      change: changeOf(event.payload),
      proof: {
        checkpoint: checkpointRecord(covering),
        inclusion: { seq, eventHash: event.hash, treeSize: size, inclusionProof: proof.map((h) => h.toString('base64')) },
        verified,
      },
    };
  }

  async timeline(instanceId: string, cursor: string | undefined, limit: number): Promise<InstanceTimeline> {
    const after = cursor ? Number(cursor) : 0;
    const { events, instance } = await this.store.read(async (tx) => ({
      events: await tx.trail.select({ instanceId }, after, limit + 1),
      instance: await tx.instances.get(instanceId),
    }));
    if (!instance && events.length === 0 && after === 0) throw notFound(`instance ${instanceId}`);
    const items = events.slice(0, limit).map(timelineEntry);
    return {
      instanceId,
      workflow: instance?.workflowKey ?? null,
      version: instance?.workflowVersion ?? null,
      items,
      nextCursor: events.length > limit ? String(items.at(-1)?.event.seq) : null,
    };
  }

  async status(): Promise<AuditStatus> {
    const { witnessFolder } = await this.config.get();
    const facts = await this.store.read(async (tx) => ({
      head: await tx.trail.size(),
      counts: await tx.checkpoints.count(),
      latest: (await tx.checkpoints.page(null, 1))[0] ?? null,
      key: await tx.signingKeys.current(),
    }));
    const v = this.verifier.current;
    // Until the verifier has read the folder now configured, say at least whether it is there.
    const folderProblem = witnessFolder ? witnessFolderProblem(witnessFolder) : null;
    const witness =
      v.witness && v.witness.folder === witnessFolder
        ? v.witness
        : { state: folderProblem ? ('unavailable' as const) : ('ok' as const), files: 0, problems: folderProblem ? [folderProblem] : [] };
    return {
      state: v.state,
      head: facts.head,
      verifiedUpTo: v.verifiedUpTo,
      verifiedAt: v.verifiedAt as AuditStatus['verifiedAt'],
      lastFullAt: v.lastFullAt as AuditStatus['lastFullAt'],
      progress: v.progress,
      firstBad: v.firstBad,
      checkpoints: {
        ok: v.checkpointProblems.length === 0,
        count: facts.counts.total,
        latest: facts.latest
          ? {
              treeSize: facts.latest.checkpoint.treeSize,
              time: facts.latest.checkpoint.time as AuditStatus['verifiedAt'] & string,
              keyId: facts.latest.checkpoint.keyId,
            }
          : null,
        problems: v.checkpointProblems,
      },
      witness: {
        state: witnessFolder ? witness.state : 'not-configured',
        folder: witnessFolder,
        files: witness.files,
        unwitnessed: witnessFolder ? facts.counts.unwitnessed : 0,
        problems: witnessFolder ? witness.problems : [],
      },
      signingKey: facts.key ? signingKeyInfo(facts.key) : null,
    };
  }

  async verify(onProgress?: (phase: 'chain' | 'tree', done: number, total: number) => void): Promise<AuditVerification> {
    const { witnessFolder } = await this.config.get();
    return verifyTrail(this.store, this.siteId, witnessFolder, onProgress ? { onProgress } : {});
  }

  async checkpoints(cursor: string | undefined, limit: number): Promise<{ items: CheckpointRecord[]; nextCursor: string | null }> {
    const rows = await this.store.read((tx) => tx.checkpoints.page(cursor ? Number(cursor) : null, limit + 1));
    const items = rows.slice(0, limit).map(checkpointRecord);
    return { items, nextCursor: rows.length > limit ? String(items.at(-1)?.id) : null };
  }

  async createCheckpoint(actor: UserActor): Promise<CheckpointRecord> {
    const record = await this.checkpointer.create('manual', { actor });
    return checkpointRecord(record!.row);
  }

  async rotateKey(actor: UserActor, reason: string): Promise<{ previous: SigningKeyInfo; current: SigningKeyInfo; checkpoint: CheckpointRecord }> {
    const record = await this.checkpointer.create('rotation', { actor, reason });
    const keys = await this.store.read((tx) => tx.signingKeys.list());
    const byId = (keyId: string | undefined) => signingKeyInfo(keys.find((k) => k.keyId === keyId)!);
    return { previous: byId(record!.rotation?.previous.keyId), current: byId(record!.rotation?.current.keyId), checkpoint: checkpointRecord(record!.row) };
  }

  async settings(): Promise<EvidenceSettingsView> {
    const [facts, config] = await Promise.all([
      this.store.read(async (tx) => ({ keys: await tx.signingKeys.list(), signer: await currentDocumentSigner(tx) })),
      this.config.get(),
    ]);
    const history = facts.keys.map(signingKeyInfo);
    return {
      signingKey: history.find((k) => k.retiredAt === null) ?? null,
      keyHistory: history,
      documentSigner: facts.signer?.info ?? null,
      witnessFolder: config.witnessFolder,
      schedule: config.schedule,
    };
  }

  async configure(actor: UserActor, witnessFolder: string | null, schedule: CheckpointSchedule, reason: string) {
    const submitted = await this.config.configure(actor, { witnessFolder, schedule }, reason);
    if (submitted.status === 'applied') this.verifier.requestFull();
    return submitted.status === 'applied'
      ? { status: 'applied' as const, changeId: null }
      : { status: 'pending-approval' as const, changeId: submitted.changeId };
  }
}
