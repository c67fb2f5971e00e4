import type { AuditVerification, ChainVerification } from '@shared/contract/audit';
import type { Store } from '../../store/store';
import type { AccumulatorState } from '../merkle/accumulator';
import type { SignedCheckpoint } from '../checkpoints/checkpoint';
import { verifyCheckpointSequence } from '../checkpoints/sequence';
import { readWitnesses } from '../checkpoints/witness-folder';
import { witnessFileName } from '../checkpoints/witness-file';
import { compareWithCheckpoints } from '../checkpoints/compare';
import { ChainWalker } from '../chain-walker';
import { MissingEventsError, trailLeaves, type TrailReader } from './trail-leaves';

type Bad = { seq: number; reason: string };
export type WitnessSummary = AuditVerification['witness'];

/** Every checkpoint to hold the trail to: the database's and the witness folder's, checked for signatures and key rotations. */
export interface CheckpointSet {
  /** Validly signed and in a valid sequence, in (treeSize, time) order. */
  checkpoints: SignedCheckpoint[];
  /** Distinct checkpoints found (stored and witnessed). */
  found: number;
  problems: string[];
  witness: WitnessSummary;
}

function describe(cp: SignedCheckpoint): string {
  return `the checkpoint of ${cp.treeSize} events signed at ${cp.time} by key ${cp.keyId}`;
}

function earliest(...bads: (Bad | null)[]): Bad | null {
  return bads.filter((b): b is Bad => b !== null).sort((a, b) => a.seq - b.seq)[0] ?? null;
}

/**
 * Gathers the stored checkpoints and the witness copies, and checks them as a sequence from
 * the site's first signing key (docs/audit-evidence.md § Key rotation). A witness copy the
 * database no longer has still counts (that is what it is for); a stored checkpoint whose
 * witness copy is gone is a problem. Checkpoints of other sites sharing the folder are ignored.
 */
export async function collectCheckpoints(store: Store, siteId: string, witnessFolder: string | null): Promise<CheckpointSet> {
  const { stored, keys } = await store.read(async (tx) => ({ stored: await tx.checkpoints.all(), keys: await tx.signingKeys.list() }));
  const problems: string[] = [];
  const bySignature = new Map<string, SignedCheckpoint>(stored.map((row) => [row.checkpoint.signature, row.checkpoint]));
  let witness: WitnessSummary = { state: 'not-configured', folder: null, files: 0, problems: [] };
  if (witnessFolder) {
    const read = readWitnesses(witnessFolder);
    const own = read.checkpoints.filter((cp) => cp.origin === siteId);
    const names = new Set(own.map(witnessFileName));
    const missing = stored
      .filter((row) => row.witnessFile !== null && !names.has(row.witnessFile))
      .map((row) => `witness copy ${row.witnessFile} of ${describe(row.checkpoint)} is missing from the folder`);
    const unreadable = read.problems.some((p) => p.startsWith(`the witness folder ${witnessFolder} cannot be read`));
    witness = {
      state: unreadable ? 'unavailable' : read.problems.length + missing.length > 0 ? 'problems' : 'ok',
      folder: witnessFolder,
      files: own.length,
      problems: [...read.problems, ...(unreadable ? [] : missing)],
    };
    for (const cp of own) bySignature.set(cp.signature, cp);
  }
  const ordered = [...bySignature.values()].sort((a, b) => a.treeSize - b.treeSize || (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  if (ordered.length === 0) return { checkpoints: [], found: 0, problems, witness };
  const first = keys[0];
  if (!first)
    return { checkpoints: [], found: ordered.length, problems: ['there are checkpoints but the site has no signing key to check them with'], witness };
  const sequence = verifyCheckpointSequence(ordered, [first.publicKey]);
  if (sequence.ok) return { checkpoints: ordered, found: ordered.length, problems, witness };
  const bad = ordered[sequence.index] as SignedCheckpoint;
  problems.push(`${describe(bad)}: ${sequence.reason}`);
  return { checkpoints: ordered.slice(0, sequence.index), found: ordered.length, problems, witness };
}

export interface TreeComparison {
  firstBad: Bad | null;
  /** Resume the next comparison from here (the tree at the largest checkpoint that matched). */
  anchor: AccumulatorState | null;
}

/**
 * The live trail's Merkle tree against the checkpoints, from `anchor` when given
 * (compareWithCheckpoints). `read` defaults to the store's; the background verifier passes
 * one that yields to the event loop before each batch of leaves.
 */
export async function compareTree(
  store: Store,
  checkpoints: readonly SignedCheckpoint[],
  anchor?: AccumulatorState | null,
  read: TrailReader = store.read.bind(store),
): Promise<TreeComparison> {
  if (checkpoints.length === 0) return { firstBad: null, anchor: null };
  const size = await store.read((tx) => tx.trail.size());
  try {
    const verdict = await compareWithCheckpoints(trailLeaves(read, size, false), checkpoints, anchor ? { resumeFrom: anchor } : {});
    return verdict.ok ? { firstBad: null, anchor: verdict.anchor } : { firstBad: { seq: verdict.firstBadSeq, reason: verdict.reason }, anchor: null };
  } catch (error) {
    if (!(error instanceof MissingEventsError)) throw error;
    return { firstBad: { seq: error.fromSeq, reason: error.message }, anchor: null };
  }
}

export interface VerifyOptions {
  /** Events read per batch. */
  batch?: number;
  onProgress?: (phase: 'chain' | 'tree', done: number, total: number) => void;
}

/**
 * A full verification: every event's hash and link (the chain), the Merkle tree against
 * every checkpoint stored or witnessed, their signatures and key rotations, and the witness
 * copies. The verdict names the earliest event any check finds at fault.
 */
export async function verifyTrail(store: Store, siteId: string, witnessFolder: string | null, options: VerifyOptions = {}): Promise<AuditVerification> {
  const batch = options.batch ?? 10_000;
  const total = await store.read((tx) => tx.trail.size());
  const walker = new ChainWalker(store);
  while (await walker.step(batch)) options.onProgress?.('chain', walker.verified.seq, total);
  const chain: ChainVerification = walker.verdict();
  options.onProgress?.('chain', chain.checked, total);

  const set = await collectCheckpoints(store, siteId, witnessFolder);
  options.onProgress?.('tree', 0, set.checkpoints.at(-1)?.treeSize ?? 0);
  const tree = await compareTree(store, set.checkpoints);
  const firstBad = earliest(chain.firstBad, tree.firstBad);
  const checkpointProblems = [...set.problems, ...(tree.firstBad ? [tree.firstBad.reason] : [])];
  return {
    ok: firstBad === null && checkpointProblems.length === 0 && set.witness.problems.length === 0,
    checked: firstBad ? firstBad.seq - 1 : chain.checked,
    head: chain.head,
    firstBad,
    chain,
    tree: chain.ok && walker.tree ? { size: walker.tree.size, rootHash: walker.tree.root().toString('base64') } : null,
    checkpoints: { ok: checkpointProblems.length === 0, count: set.found, problems: checkpointProblems },
    witness: set.witness,
  };
}
