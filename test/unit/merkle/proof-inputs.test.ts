import { describe, expect, it } from 'vitest';
import { consistencyProof, inclusionProof, rangeProof, treeRoot, verifyConsistency, verifyInclusion, verifyRange } from '../../../src-main/core/audit/merkle';
import { arraySource, sweepLeaves, sweepRoot, SWEEP_MAX, sweepSource } from './merkle-helpers';

describe('proof generation', () => {
  it('reads each leaf at most once per proof', async () => {
    const counting = arraySource(sweepLeaves);
    await inclusionProof(counting, 5, SWEEP_MAX);
    expect(counting.served).toBe(SWEEP_MAX - 1);
    counting.served = 0;
    await rangeProof(counting, 40, 90, SWEEP_MAX);
    expect(counting.served).toBe(SWEEP_MAX - 50);
  });

  it('refuses sizes and indices the source cannot serve', async () => {
    await expect(treeRoot(sweepSource, SWEEP_MAX + 1)).rejects.toThrow(RangeError);
    await expect(inclusionProof(sweepSource, 3, 3)).rejects.toThrow(RangeError);
    await expect(consistencyProof(sweepSource, 0, 5)).rejects.toThrow(RangeError);
    await expect(consistencyProof(sweepSource, 6, 5)).rejects.toThrow(RangeError);
    await expect(rangeProof(sweepSource, 4, 4, 10)).rejects.toThrow(RangeError);
    await expect(treeRoot({ size: 10, leaves: async () => [] }, 10)).rejects.toThrow(/returned 0 leaves/);
  });
});

describe('verifiers never throw', () => {
  const junk: unknown[] = [undefined, null, -1, 1.5, NaN, Infinity, 2 ** 53, '3', {}, [], new Uint8Array(31), 'x'.repeat(32)];
  it('answer false for any malformed argument', () => {
    const proof = [sweepLeaves[1] as Buffer];
    for (const bad of junk) {
      const b = bad as never;
      for (const call of [
        () => verifyInclusion(b, 2, sweepLeaves[0] as Buffer, proof, sweepRoot(2)),
        () => verifyInclusion(0, b, sweepLeaves[0] as Buffer, proof, sweepRoot(2)),
        () => verifyInclusion(0, 2, b, proof, sweepRoot(2)),
        () => verifyInclusion(0, 2, sweepLeaves[0] as Buffer, b, sweepRoot(2)),
        () => verifyInclusion(0, 2, sweepLeaves[0] as Buffer, [b], sweepRoot(2)),
        () => verifyInclusion(0, 2, sweepLeaves[0] as Buffer, proof, b),
        () => verifyConsistency(b, 2, sweepRoot(1), sweepRoot(2), proof),
        () => verifyConsistency(1, b, sweepRoot(1), sweepRoot(2), proof),
        () => verifyConsistency(1, 2, b, sweepRoot(2), proof),
        () => verifyConsistency(1, 2, sweepRoot(1), b, proof),
        () => verifyConsistency(1, 2, sweepRoot(1), sweepRoot(2), b),
        () => verifyConsistency(1, 2, sweepRoot(1), sweepRoot(2), [b]),
        () => verifyRange(b, 1, 2, [sweepLeaves[0] as Buffer], proof, sweepRoot(2)),
        () => verifyRange(0, b, 2, [sweepLeaves[0] as Buffer], proof, sweepRoot(2)),
        () => verifyRange(0, 1, b, [sweepLeaves[0] as Buffer], proof, sweepRoot(2)),
        () => verifyRange(0, 1, 2, b, proof, sweepRoot(2)),
        () => verifyRange(0, 1, 2, [b], proof, sweepRoot(2)),
        () => verifyRange(0, 1, 2, [sweepLeaves[0] as Buffer], b, sweepRoot(2)),
        () => verifyRange(0, 1, 2, [sweepLeaves[0] as Buffer], [b], sweepRoot(2)),
        () => verifyRange(0, 1, 2, [sweepLeaves[0] as Buffer], proof, b),
      ]) {
        expect(call()).toBe(false);
      }
    }
    // The well-formed calls above do verify, so each false comes from the one bad argument.
    expect(verifyInclusion(0, 2, sweepLeaves[0] as Buffer, proof, sweepRoot(2))).toBe(true);
    expect(verifyConsistency(1, 2, sweepRoot(1), sweepRoot(2), proof)).toBe(true);
    expect(verifyRange(0, 1, 2, [sweepLeaves[0] as Buffer], proof, sweepRoot(2))).toBe(true);
  });
});
