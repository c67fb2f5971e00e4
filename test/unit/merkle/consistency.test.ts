import { describe, expect, it } from 'vitest';
import { consistencyProof, verifyConsistency } from '../../../src-main/core/audit/merkle';
import { bitsToFlip, flipBit, sweep, sweepRoot, sweepSizes, sweepSource } from './merkle-helpers';

describe('consistency proofs', () => {
  it.each(sweepSizes)('verify from every smaller tree to a tree of %i, and fail with any bit flipped', async (size2) => {
    const { check, failures } = sweep();
    for (let size1 = 1; size1 <= size2; size1++) {
      const proof = await consistencyProof(sweepSource, size1, size2);
      const at = (what: string) => () => `from ${size1}: ${what}`;
      check(verifyConsistency(size1, size2, sweepRoot(size1), sweepRoot(size2), proof), at('does not verify'));
      for (let j = 0; j < proof.length; j++) {
        for (const bit of bitsToFlip(size2, size1 + j)) {
          const bad = proof.map((h, k) => (k === j ? flipBit(h, bit) : h));
          check(!verifyConsistency(size1, size2, sweepRoot(size1), sweepRoot(size2), bad), at(`verifies with bit ${bit} of proof[${j}] flipped`));
        }
      }
      for (const bit of bitsToFlip(size2, size1)) {
        check(!verifyConsistency(size1, size2, flipBit(sweepRoot(size1), bit), sweepRoot(size2), proof), at(`verifies with bit ${bit} of root1 flipped`));
        check(!verifyConsistency(size1, size2, sweepRoot(size1), flipBit(sweepRoot(size2), bit), proof), at(`verifies with bit ${bit} of root2 flipped`));
      }
      if (size1 < size2) check(!verifyConsistency(size1, size2, sweepRoot(size2), sweepRoot(size1), proof), at('verifies with the roots swapped'));
      check(!verifyConsistency(size1, size2, sweepRoot(size1), sweepRoot(size2), [...proof, sweepRoot(size2)]), at('verifies with a hash appended'));
    }
    expect(failures).toEqual([]);
  });
});
