import { MerkleAccumulator, type AccumulatorState } from '../merkle/accumulator';
import { feedLeaves, type LeafSource } from '../merkle/leaf-source';
import { checkpointProblem, CheckpointFormatError, type SignedCheckpoint } from './checkpoint';

export type ComparisonVerdict =
  /** `anchor`: the tree state at the largest checkpoint that matched, to pass as `resumeFrom` next time (null if none). */
  { ok: true; anchor: AccumulatorState | null } | { ok: false; firstBadSeq: number; reason: string };

export interface CompareOptions {
  /**
   * An `anchor` from an earlier run: leaves before it are not read again. It is used only if
   * it still matches a checkpoint of its size, and only checkpoints from its size on are
   * compared. A resumed run cannot see changes to events it does not read, except that the
   * hash chain carries any such change into every later event; run in full periodically.
   */
  resumeFrom?: AccumulatorState;
}

/**
 * Compares the live trail with checkpoints whose signatures the caller has already checked
 * (verifyCheckpointSequence). One pass over the leaves in checkpoint order recomputes the
 * root at each checkpoint's size: memory O(log n), each leaf read once.
 *
 * A checkpoint proves its first treeSize events only as a whole, so the first checkpoint
 * that no longer matches, with the last one that still does, brackets the damage: the
 * verdict names the first event not vouched for, and the reason gives the bracket. Since a
 * changed event changes the hash of every later one, the named event is the changed one
 * when a checkpoint was made just before it; denser checkpoints (one at every export) make
 * narrower brackets.
 */
export async function compareWithCheckpoints(
  source: LeafSource,
  checkpoints: readonly SignedCheckpoint[],
  options: CompareOptions = {},
): Promise<ComparisonVerdict> {
  for (const cp of checkpoints) {
    const problem = checkpointProblem(cp);
    if (problem) throw new CheckpointFormatError(`cannot compare with a malformed checkpoint: ${problem}`);
  }
  const ordered = [...checkpoints].sort((a, b) => a.treeSize - b.treeSize);
  const resumed = options.resumeFrom && resumeAt(options.resumeFrom, ordered, source.size);
  const accumulator = resumed?.accumulator ?? new MerkleAccumulator();
  let lastGood = resumed?.checkpoint;
  for (const cp of ordered) {
    if (cp.treeSize < accumulator.size) continue; // vouched for by the anchor
    if (cp.treeSize > source.size) {
      if (resumed) return compareWithCheckpoints(source, checkpoints);
      return { ok: false, firstBadSeq: source.size + 1, reason: `events removed after seq ${source.size}: ${signedBy(cp)} covers ${cp.treeSize} events` };
    }
    await feedLeaves(source, accumulator.size, cp.treeSize, accumulator);
    if (accumulator.root().toString('base64') !== cp.rootHash) {
      if (resumed) return compareWithCheckpoints(source, checkpoints); // name the earliest damage, not merely the first seen
      return { ok: false, firstBadSeq: (lastGood?.treeSize ?? 0) + 1, reason: mismatch(cp, lastGood) };
    }
    lastGood = cp;
  }
  return { ok: true, anchor: lastGood ? accumulator.toJSON() : null };
}

/** The saved state, if it is well-formed, within the live trail, and still the state of a checkpoint; otherwise the run starts from the first event. */
function resumeAt(
  state: AccumulatorState,
  ordered: readonly SignedCheckpoint[],
  liveSize: number,
): { accumulator: MerkleAccumulator; checkpoint: SignedCheckpoint } | undefined {
  let accumulator: MerkleAccumulator;
  try {
    accumulator = MerkleAccumulator.fromJSON(state);
  } catch {
    return undefined;
  }
  const root = accumulator.root().toString('base64');
  const checkpoint = ordered.find((cp) => cp.treeSize === accumulator.size && cp.rootHash === root);
  return checkpoint && accumulator.size <= liveSize ? { accumulator, checkpoint } : undefined;
}

function signedBy(cp: SignedCheckpoint): string {
  return `the checkpoint signed at ${cp.time} by key ${cp.keyId}`;
}

function mismatch(bad: SignedCheckpoint, lastGood: SignedCheckpoint | undefined): string {
  const from = (lastGood?.treeSize ?? 0) + 1;
  const where = from === bad.treeSize ? `event ${from}` : `an event in seq ${from}..${bad.treeSize}`;
  const since = lastGood ? `; ${signedBy(lastGood)} still matches the first ${lastGood.treeSize}` : '';
  return `the first ${bad.treeSize} events no longer have the root in ${signedBy(bad)}: ${where} differs from when it was signed (changed, inserted or removed)${since}`;
}
