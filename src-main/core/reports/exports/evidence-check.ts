import { join } from 'node:path';
import { z } from 'zod';
import { BUNDLE } from '../bundle-layout';
import { errorText, fail, pass, type Check } from '../check';
import { evidenceItems } from '../data/evidence-reader';
import { verifyCheckpointSignature } from '../../audit/checkpoints/signature';
import { checkpointProblem, type SignedCheckpoint } from '../../audit/checkpoints/checkpoint';
import { decodeBase64 } from '../../audit/checkpoints/keys';
import { verifySubset, type ProvenLeaf } from '../../audit/merkle/subset';
import { eventLeaf } from '../../audit/evidence/trail-leaves';

/**
 * The part of a report folder that ties its events to the signed trail: the checkpoint in
 * evidence.json is signed by the site key, and the proof with the events of the file
 * leads to that checkpoint's root. Together they show the events are exactly those of the
 * site's trail at those positions, not merely a self-consistent file.
 */
const Tail = z.object({
  checkpoint: z
    .object({ origin: z.string(), treeSize: z.number(), rootHash: z.string(), time: z.string(), keyId: z.string(), signature: z.string() })
    .passthrough(),
  rangeProof: z
    .object({ treeSize: z.number(), proof: z.array(z.string()) })
    .passthrough()
    .nullable(),
});

async function* leavesOf(path: string): AsyncGenerator<ProvenLeaf> {
  for await (const item of evidenceItems(path)) {
    if (item.type !== 'event') continue;
    const event = item.event as { seq?: unknown; hash?: unknown };
    if (typeof event.seq !== 'number' || typeof event.hash !== 'string' || !/^[0-9a-f]{64}$/.test(event.hash)) {
      yield { index: -1, leafHash: new Uint8Array() }; // refused by verifySubset, which names it
      return;
    }
    yield { index: event.seq - 1, leafHash: eventLeaf(event.hash) };
  }
}

/** Checks the checkpoint's signature with `publicKeyRaw` (the key the manifest was checked with) and the proof of the events. */
export async function checkReportEvidence(folder: string, publicKeyRaw: string | null): Promise<Check[]> {
  const path = join(folder, BUNDLE.evidence);
  const SIGNED = `${BUNDLE.evidence} checkpoint signature`;
  const PROOF = `${BUNDLE.evidence} proof against the checkpoint`;
  let tail: z.infer<typeof Tail> | null = null;
  let events = 0;
  try {
    for await (const item of evidenceItems(path)) {
      if (item.type === 'event') events += 1;
      if (item.type === 'tail') tail = Tail.parse(item.tail);
    }
  } catch (error) {
    const why = `cannot read the checkpoint and proof: ${errorText(error)}`;
    return [fail(SIGNED, why), fail(PROOF, why)];
  }
  if (!tail) return [fail(SIGNED, 'no checkpoint'), fail(PROOF, 'no proof')];
  const checkpoint = tail.checkpoint as unknown as SignedCheckpoint;
  const checks: Check[] = [];
  const problem = checkpointProblem(checkpoint);
  if (problem) checks.push(fail(SIGNED, `the checkpoint is malformed: ${problem}`));
  else if (!publicKeyRaw) checks.push(fail(SIGNED, 'no site key to check it with (the manifest could not be read)'));
  else if (!verifyCheckpointSignature(checkpoint, publicKeyRaw))
    checks.push(fail(SIGNED, `the checkpoint of ${checkpoint.treeSize} events is not signed by the site key (key ${checkpoint.keyId})`));
  else checks.push(pass(SIGNED, `${checkpoint.treeSize} events, root ${checkpoint.rootHash}, signed at ${checkpoint.time} by key ${checkpoint.keyId}`));

  if (events === 0) {
    checks.push(tail.rangeProof === null ? pass(PROOF, 'the report holds no events: nothing to prove') : fail(PROOF, 'a proof without events'));
    return checks;
  }
  const root = decodeBase64(checkpoint.rootHash, 32);
  if (!tail.rangeProof || !root) return [...checks, fail(PROOF, 'the proof or the checkpoint root is missing')];
  if (tail.rangeProof.treeSize !== checkpoint.treeSize)
    return [...checks, fail(PROOF, `the proof is for a tree of ${tail.rangeProof.treeSize} events, the checkpoint covers ${checkpoint.treeSize}`)];
  const proof = tail.rangeProof.proof.map((h) => decodeBase64(h, 32) ?? new Uint8Array());
  const verdict = await verifySubset(checkpoint.treeSize, proof, root, leavesOf(path));
  checks.push(
    verdict.ok
      ? pass(PROOF, `the ${verdict.leaves} events are those at their positions in the signed trail of ${checkpoint.treeSize} events`)
      : fail(PROOF, verdict.reason),
  );
  return checks;
}
