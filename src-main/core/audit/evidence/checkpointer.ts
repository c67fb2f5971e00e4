import { basename } from 'node:path';
import type { AuditActor } from '@shared/domain/audit';
import type { Clock } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import type { Store } from '../../store/store';
import type { Repositories } from '../../store/repositories';
import type { CheckpointRow, CheckpointTrigger, MerkleNode } from '../../store/evidence-repositories';
import { MerkleAccumulator } from '../merkle/accumulator';
import { signCheckpoint } from '../checkpoints/signature';
import { generateSigningKey, exportPrivateKey, fingerprintOf } from '../checkpoints/keys';
import { writeWitness } from '../checkpoints/witness-folder';
import type { Checkpoint } from '../checkpoints/checkpoint';
import { completedNode, eventLeaf, MissingEventsError, type TrailReader } from './trail-leaves';
import { loadSigningKey, signingKeyInForce, signingKeySecret, type SiteSigningKey } from './signing-keys';
import type { EvidenceSettings } from './evidence-settings';

/** Leaves are read this many at a time while the tree catches up. */
const BATCH = 8_192;

/** A checkpoint just signed, and for a rotation the keys on either side of it. */
export interface SignedRecord {
  row: CheckpointRow;
  rotation: { previous: SiteSigningKey; current: SiteSigningKey } | null;
}

interface Progress {
  accumulator: MerkleAccumulator;
  nodes: MerkleNode[];
}

/**
 * Makes signed checkpoints of the trail and copies them to the witness folder. The tree is
 * carried forward from the previous checkpoint's stored frontier (only if it still yields
 * that checkpoint's signed root), so a checkpoint reads only the events added since; those
 * are read from a snapshot first and only the last few inside the signing transaction, so
 * the write lock is held briefly even when a large trail gets its first checkpoint.
 */
export class Checkpointer {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly siteId: string,
    private readonly settings: EvidenceSettings,
    private readonly log: (message: string) => void,
  ) {}

  /**
   * Signs a checkpoint of every event now in the trail and copies it to the witness folder
   * (a failed copy is recorded and retried, never lost). `skipIfCurrent` (scheduled
   * checkpoints): none is made when the latest already covers every event. `rotate`: the
   * checkpoint announces a new key, signed by the old one, which is then retired.
   */
  async create(trigger: CheckpointTrigger, options: { actor?: AuditActor; reason?: string; skipIfCurrent?: boolean } = {}): Promise<SignedRecord | null> {
    const caughtUp = await this.catchUp(this.store.read.bind(this.store), await this.store.read((tx) => this.startingPoint(tx)), null);
    const record = await this.store.unit(async (tx) => {
      const progress = await this.catchUp((work) => work(tx), caughtUp, await tx.trail.size());
      const latest = await tx.checkpoints.page(null, 1);
      if (options.skipIfCurrent && latest[0]?.checkpoint.treeSize === progress.accumulator.size) return null;
      if (progress.accumulator.size === 0 && trigger === 'schedule') return null;
      return this.sign(tx, trigger, progress, options);
    });
    if (record) await this.witness([record.row]);
    return record;
  }

  /** Copies checkpoints that have no witness file yet (the folder was unavailable, or configured later). */
  async retryWitness(limit = 100): Promise<number> {
    const { witnessFolder } = await this.settings.get();
    if (!witnessFolder) return 0;
    const pending = await this.store.read((tx) => tx.checkpoints.unwitnessed(limit));
    await this.witness(pending);
    return pending.length;
  }

  private async startingPoint(tx: Repositories): Promise<Progress> {
    const latest = await tx.checkpoints.latest();
    if (latest) {
      try {
        const accumulator = MerkleAccumulator.fromJSON(latest.frontier);
        if (accumulator.root().toString('base64') === latest.checkpoint.rootHash) return { accumulator, nodes: [] };
      } catch {
        // fall through: a frontier that does not rebuild the signed root is not trusted
      }
      this.log(`audit: the tree state stored with checkpoint ${latest.id} does not give its signed root; recomputing the tree from the first event`);
    }
    return { accumulator: new MerkleAccumulator(), nodes: [] };
  }

  /** Appends the trail's events after the accumulator's size (up to `until`, else the head), recording cacheable subtrees. */
  private async catchUp(read: TrailReader, progress: Progress, until: number | null): Promise<Progress> {
    const target = until ?? (await read((tx) => tx.trail.size()));
    const { accumulator, nodes } = progress;
    if (target < accumulator.size) throw new Error(`the trail has ${target} events but was already signed at ${accumulator.size}: events were removed`);
    while (accumulator.size < target) {
      const from = accumulator.size;
      const to = Math.min(target, from + BATCH);
      // Before the signing unit (until === null) the event loop gets a turn between batches: a first checkpoint of a long trail must not stall the engine.
      if (until === null) await new Promise((resolve) => setImmediate(resolve));
      const hashes = await read((tx) => tx.trail.hashes(from, to));
      if (hashes.length !== to - from) throw new MissingEventsError(from, to, hashes.length);
      for (const hash of hashes) {
        accumulator.append(eventLeaf(hash));
        const node = completedNode(accumulator);
        if (node) nodes.push(node);
      }
    }
    return progress;
  }

  private async sign(
    tx: Repositories,
    trigger: CheckpointTrigger,
    progress: Progress,
    options: { actor?: AuditActor; reason?: string },
  ): Promise<SignedRecord> {
    const now = this.clock.now();
    const at = toTimestamp(now);
    const key = await signingKeyInForce(tx, at);
    const { accumulator } = progress;
    const body: Checkpoint = { origin: this.siteId, treeSize: accumulator.size, rootHash: accumulator.root().toString('base64'), time: at, keyId: key.keyId };
    const next = trigger === 'rotation' ? generateSigningKey() : null;
    if (next) body.nextKey = { keyId: next.keyId, publicKey: next.publicKey };
    const checkpoint = signCheckpoint(body, key.privateKey);
    const id = await tx.checkpoints.insert(checkpoint, trigger, accumulator.toJSON());
    await tx.merkleNodes.put(progress.nodes);
    progress.nodes.length = 0;
    const actor = options.actor ?? { kind: 'system', component: 'audit-evidence' };
    let rotation: SignedRecord['rotation'] = null;
    if (next) {
      await tx.signingKeys.retire(key.keyId, at, id);
      await tx.site.putSecret(signingKeySecret(next.keyId), Buffer.from(exportPrivateKey(next.privateKey), 'base64'), at);
      await tx.signingKeys.insert({ keyId: next.keyId, publicKey: next.publicKey, createdAt: at });
      const current = await loadSigningKey(tx, (await tx.signingKeys.current())!);
      rotation = { previous: key, current };
      await tx.audit.append(
        {
          actor,
          action: 'audit.signing-key.rotated',
          subject: { type: 'signing-key', id: next.keyId },
          payload: {
            reason: options.reason ?? null,
            previous: { keyId: key.keyId, fingerprint: fingerprintOf(key.publicKey) },
            current: { keyId: next.keyId, publicKey: next.publicKey, fingerprint: fingerprintOf(next.publicKey) },
            checkpoint: { treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash },
          },
        },
        at,
      );
    } else if (trigger === 'manual') {
      await tx.audit.append(
        {
          actor,
          action: 'audit.checkpoint.signed',
          subject: { type: 'checkpoint', id: String(id) },
          payload: { treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash, keyId: checkpoint.keyId },
        },
        at,
      );
    }
    const row = (await tx.checkpoints.get(id)) as CheckpointRow;
    return { row, rotation };
  }

  private async witness(rows: readonly CheckpointRow[]): Promise<void> {
    const { witnessFolder } = await this.settings.get();
    if (!witnessFolder) return;
    for (const row of rows) {
      let file: string | null = null;
      let error: string | null = null;
      try {
        file = basename(writeWitness(witnessFolder, row.checkpoint));
      } catch (e) {
        error = `${(e as Error).message}; retried with the next checkpoint`;
        this.log(`audit: checkpoint ${row.id} could not be copied to the witness folder: ${error}`);
      }
      await this.store.unit((tx) => tx.checkpoints.setWitness(row.id, file, error));
      row.witnessFile = file;
      row.witnessError = error;
    }
  }
}
