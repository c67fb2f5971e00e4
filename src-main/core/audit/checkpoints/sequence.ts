import { checkpointProblem, type SignedCheckpoint } from './checkpoint';
import { keyIdOf } from './keys';
import { verifyCheckpointSignature } from './signature';

export type SequenceVerdict = { ok: true; keysInForce: string[] } | { ok: false; index: number; reason: string };

/**
 * Follows checkpoints in (treeSize, time) order with the set of keys in force, which starts
 * as `trustedKeys` (base64 raw public keys; throws if one is malformed). Each checkpoint
 * must be signed by a key in force. A checkpoint that announces `nextKey` retires its own
 * key and puts the announced one in force: a key change is accepted only from the key being
 * replaced, and a retired key can neither sign nor come back, so a stolen old key cannot
 * extend the trail. Checkpoints signed before a rotation stay verifiable because the walk
 * starts from the original keys. Two validly signed checkpoints of the same size with
 * different roots (a forked trail) are refused too.
 */
export function verifyCheckpointSequence(checkpoints: readonly SignedCheckpoint[], trustedKeys: readonly string[]): SequenceVerdict {
  const inForce = new Map(trustedKeys.map((key) => [keyIdOf(key), key] as const));
  const retired = new Map<string, string>(); // keyId → how it was retired, for the verdict
  const rootBySize = new Map<number, string>();
  let previous: SignedCheckpoint | undefined;
  for (const [index, cp] of checkpoints.entries()) {
    const fail = (reason: string): SequenceVerdict => ({ ok: false, index, reason });
    const problem = checkpointProblem(cp);
    if (problem) return fail(problem);
    if (previous && cp.origin !== previous.origin) return fail(`belongs to the trail of ${cp.origin}, not ${previous.origin}`);
    if (previous && (cp.treeSize < previous.treeSize || (cp.treeSize === previous.treeSize && cp.time < previous.time)))
      return fail(`out of order: ${cp.treeSize} events at ${cp.time} comes after ${previous.treeSize} events at ${previous.time}`);
    const key = inForce.get(cp.keyId);
    if (!key) return fail(`signed by key ${cp.keyId}, ${retired.get(cp.keyId) ?? 'which is neither trusted nor announced by an earlier checkpoint'}`);
    if (!verifyCheckpointSignature(cp, key)) return fail(`the signature does not verify with key ${cp.keyId} (the checkpoint was altered or forged)`);
    const seenRoot = rootBySize.get(cp.treeSize);
    if (seenRoot !== undefined && seenRoot !== cp.rootHash)
      return fail(`two signed checkpoints give different roots for the first ${cp.treeSize} events (a forked trail)`);
    if (cp.nextKey) {
      if (retired.has(cp.nextKey.keyId)) return fail(`announces key ${cp.nextKey.keyId}, which was retired earlier`);
      inForce.delete(cp.keyId);
      retired.set(cp.keyId, `retired at checkpoint ${index} (${cp.time}) in favour of key ${cp.nextKey.keyId}`);
      inForce.set(cp.nextKey.keyId, cp.nextKey.publicKey);
    }
    rootBySize.set(cp.treeSize, cp.rootHash);
    previous = cp;
  }
  return { ok: true, keysInForce: [...inForce.values()] };
}
