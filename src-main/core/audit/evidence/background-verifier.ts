import type { AuditStatus } from '@shared/contract/evidence';
import type { Clock } from '@shared/domain/time';
import { toTimestamp } from '@shared/domain/time';
import type { Store } from '../../store/store';
import type { EventBus } from '../../events/event-bus';
import type { DueWork } from '../../engine/runtime/engine';
import type { AccumulatorState } from '../merkle/accumulator';
import type { SignedCheckpoint } from '../checkpoints/checkpoint';
import { verifyCheckpointSignature } from '../checkpoints/signature';
import { CHAIN_START, ChainWalker, type ChainPosition } from '../chain-walker';
import { collectCheckpoints, compareTree, type WitnessSummary } from './trail-verifier';
import type { TrailReader } from './trail-leaves';
import type { EvidenceSettings } from './evidence-settings';

export interface VerifierOptions {
  /** Events checked per batch; the verifier yields to the event loop between batches. */
  batch: number;
  /** How soon newly appended events and checkpoints are checked. */
  incrementalEveryMs: number;
  /** How often everything is read again: only a full pass sees a change to events already verified. */
  fullEveryMs: number;
}

export const DEFAULT_VERIFIER_OPTIONS: VerifierOptions = { batch: 2_000, incrementalEveryMs: 30_000, fullEveryMs: 6 * 3600_000 };

type Bad = { seq: number; reason: string };

/** What the verifier has established; the cheap facts (head, counts, key) are added when status is asked for. */
export interface VerifierVerdict {
  state: AuditStatus['state'];
  verifiedUpTo: number;
  verifiedAt: string | null;
  lastFullAt: string | null;
  progress: AuditStatus['progress'];
  firstBad: Bad | null;
  checkpointProblems: string[];
  witness: WitnessSummary | null;
}

/**
 * Keeps the Audit view's badge current in the engine owner, without holding up the engine:
 * fireDue only starts a round, which then runs on its own in batches, yielding between
 * them. A full round (at owner start, then every fullEveryMs) reads every event, every
 * checkpoint and the witness folder. In between, incremental rounds check only what was
 * appended: the chain from the last verified event, the tree from the anchor of the last
 * matching checkpoint against the checkpoints made since.
 */
export class BackgroundVerifier implements DueWork {
  readonly name = 'audit-verifier';
  private active = false;
  private round: Promise<void> | null = null;
  private nextRoundAt = 0;
  private nextFullAt = 0;
  private stopped = false;
  private position: ChainPosition = CHAIN_START;
  private anchor: { state: AccumulatorState; checkpoint: SignedCheckpoint } | null = null;
  private lastCheckpointId = 0;
  /** Problems with the checkpoints themselves: from the last full round, and signatures found bad since. */
  private checkpointProblems: string[] = [];
  private witness: WitnessSummary | null = null;
  private verdict: VerifierVerdict = {
    state: 'not-running',
    verifiedUpTo: 0,
    verifiedAt: null,
    lastFullAt: null,
    progress: null,
    firstBad: null,
    checkpointProblems: [],
    witness: null,
  };

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly siteId: string,
    private readonly settings: EvidenceSettings,
    private readonly events: EventBus,
    private readonly log: (message: string) => void,
    private readonly options: VerifierOptions = DEFAULT_VERIFIER_OPTIONS,
  ) {}

  /** Reads for the tree comparison, each after a turn of the event loop: the engine and the UI go on between batches. */
  private readonly yieldingRead: TrailReader = async (work) => {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.stopped) throw new Error('the verifier was stopped');
    return this.store.read(work);
  };

  get current(): VerifierVerdict {
    return { ...this.verdict };
  }

  ownerStarted(): void {
    this.active = true;
    this.nextFullAt = this.clock.now();
    this.nextRoundAt = this.nextFullAt;
    if (this.verdict.state === 'not-running') this.update({ state: 'verifying' });
  }

  /** Asks for a full round as soon as possible (e.g. after the witness folder changed). */
  requestFull(): void {
    this.nextFullAt = this.clock.now();
    this.nextRoundAt = this.nextFullAt;
  }

  async nextDueAt(): Promise<number | null> {
    return this.active && !this.round && !this.stopped ? this.nextRoundAt : null;
  }

  async fireDue(now: number): Promise<void> {
    if (!this.active || this.round || this.stopped || now < this.nextRoundAt) return;
    const full = now >= this.nextFullAt;
    this.round = (full ? this.fullRound() : this.incrementalRound())
      .catch((error: unknown) => {
        if (!this.stopped) this.log(`audit: background verification failed: ${(error as Error).stack ?? String(error)}`);
      })
      .finally(() => {
        this.round = null;
        this.nextRoundAt = this.clock.now() + this.options.incrementalEveryMs;
        if (full) this.nextFullAt = this.clock.now() + this.options.fullEveryMs;
      });
  }

  /** Stops after the current batch; for shutdown. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.round;
  }

  private async fullRound(): Promise<void> {
    this.settings.refresh();
    const total = await this.store.read((tx) => tx.trail.size());
    this.update({ state: this.verdict.lastFullAt ? this.verdict.state : 'verifying', progress: { phase: 'chain', done: 0, total } });
    const walker = new ChainWalker(this.store);
    if (!(await this.walk(walker, total))) return;
    const { witnessFolder } = await this.settings.get();
    this.update({ progress: { phase: 'tree', done: 0, total } });
    const set = await collectCheckpoints(this.store, this.siteId, witnessFolder);
    const tree = await compareTree(this.store, set.checkpoints, null, this.yieldingRead);
    const stored = await this.store.read((tx) => tx.checkpoints.page(null, 1));
    this.lastCheckpointId = stored[0]?.id ?? 0;
    this.anchor = tree.anchor && set.checkpoints.length ? { state: tree.anchor, checkpoint: largestMatching(set.checkpoints, tree.anchor) } : null;
    this.position = walker.verified;
    this.checkpointProblems = set.problems;
    this.witness = set.witness;
    this.conclude(walker.firstBad, tree.firstBad, true);
  }

  private async incrementalRound(): Promise<void> {
    const head = await this.store.read((tx) => tx.trail.size());
    const newCheckpoints = await this.store.read((tx) => tx.checkpoints.page(null, 100));
    const fresh = newCheckpoints.filter((row) => row.id > this.lastCheckpointId).reverse();
    if (head === this.position.seq && fresh.length === 0) return;
    // An event already verified that has changed means someone rewrote the trail: read it all again.
    const [hashAtPosition] =
      this.position.seq > 0 ? await this.store.read((tx) => tx.trail.hashes(this.position.seq - 1, this.position.seq)) : [CHAIN_START.hash];
    if (hashAtPosition !== this.position.hash || fresh.length === 100) return this.fullRound();

    const walker = new ChainWalker(this.store, this.position);
    if (!(await this.walk(walker, head))) return;
    const keys = new Map((await this.store.read((tx) => tx.signingKeys.list())).map((k) => [k.keyId, k.publicKey]));
    const badlySigned = fresh
      .filter((row) => !verifyCheckpointSignature(row.checkpoint, keys.get(row.checkpoint.keyId) ?? ''))
      .map((row) => `checkpoint ${row.id} (${row.checkpoint.treeSize} events at ${row.checkpoint.time}) is not validly signed by key ${row.checkpoint.keyId}`);
    const compared = [...(this.anchor ? [this.anchor.checkpoint] : []), ...fresh.map((row) => row.checkpoint)];
    const tree = await compareTree(this.store, compared, this.anchor?.state, this.yieldingRead);
    this.lastCheckpointId = fresh.at(-1)?.id ?? this.lastCheckpointId;
    if (tree.anchor) this.anchor = { state: tree.anchor, checkpoint: largestMatching(compared, tree.anchor) };
    this.position = walker.verified;
    this.checkpointProblems.push(...badlySigned);
    this.conclude(walker.firstBad, tree.firstBad, false);
  }

  /** Walks the chain in batches up to `until`, yielding between them; false if stopped. */
  private async walk(walker: ChainWalker, until: number): Promise<boolean> {
    let lastPublished = 0;
    while (!this.stopped && (await walker.step(this.options.batch, until))) {
      if (this.clock.now() - lastPublished >= 1_000) {
        lastPublished = this.clock.now();
        this.update({ progress: { phase: 'chain', done: walker.verified.seq, total: until } });
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    return !this.stopped;
  }

  private conclude(chainBad: Bad | null, treeBad: Bad | null, full: boolean): void {
    const firstBad = [chainBad, treeBad].filter((b): b is Bad => b !== null).sort((a, b) => a.seq - b.seq)[0] ?? null;
    const checkpointProblems = [...this.checkpointProblems, ...(treeBad ? [treeBad.reason] : [])];
    const witness = this.witness;
    const broken = firstBad !== null || checkpointProblems.length > 0 || (witness?.problems.length ?? 0) > 0;
    const now = toTimestamp(this.clock.now());
    if (firstBad && firstBad.seq !== this.verdict.firstBad?.seq) this.log(`audit: verification failed at event ${firstBad.seq}: ${firstBad.reason}`);
    this.update({
      state: broken ? 'broken' : 'verified',
      verifiedUpTo: firstBad ? firstBad.seq - 1 : this.position.seq,
      verifiedAt: now,
      ...(full ? { lastFullAt: now } : {}),
      progress: null,
      firstBad,
      checkpointProblems,
      witness,
    });
  }

  private update(patch: Partial<VerifierVerdict>): void {
    const before = this.verdict;
    this.verdict = { ...before, ...patch };
    const moved = before.state !== this.verdict.state || before.verifiedUpTo !== this.verdict.verifiedUpTo || patch.progress !== undefined;
    if (moved) {
      this.events.publish(
        'audit.status',
        { state: this.verdict.state, verifiedUpTo: this.verdict.verifiedUpTo, firstBadSeq: this.verdict.firstBad?.seq ?? null },
        { kind: 'permission', permission: 'audit.read' },
      );
    }
  }
}

/** The checkpoint whose tree the anchor is (the anchor is the tree at the largest checkpoint that matched). */
function largestMatching(checkpoints: readonly SignedCheckpoint[], anchor: AccumulatorState): SignedCheckpoint {
  return checkpoints.filter((cp) => cp.treeSize === anchor.size).at(-1) as SignedCheckpoint;
}
