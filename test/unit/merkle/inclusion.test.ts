import { describe, expect, it } from 'vitest';
import { inclusionProof, verifyInclusion } from '../../../src-main/core/audit/merkle';
import { bitsToFlip, flipBit, sweep, sweepLeaves, sweepRoot, sweepSizes, sweepSource } from './merkle-helpers';

describe('inclusion proofs', () => {
  it.each(sweepSizes)('verify for every leaf of a tree of %i, and fail with any bit of the proof, leaf or root flipped', async (size) => {
    const { check, failures } = sweep();
    for (let index = 0; index < size; index++) {
      const leaf = sweepLeaves[index] as Buffer;
      const proof = await inclusionProof(sweepSource, index, size);
      const at = (what: string) => () => `index ${index}: ${what}`;
      check(verifyInclusion(index, size, leaf, proof, sweepRoot(size)), at('does not verify'));
      for (let j = 0; j < proof.length; j++) {
        for (const bit of bitsToFlip(size, index + j)) {
          const bad = proof.map((h, k) => (k === j ? flipBit(h, bit) : h));
          check(!verifyInclusion(index, size, leaf, bad, sweepRoot(size)), at(`verifies with bit ${bit} of proof[${j}] flipped`));
        }
      }
      for (const bit of bitsToFlip(size, index)) {
        check(!verifyInclusion(index, size, leaf, proof, flipBit(sweepRoot(size), bit)), at(`verifies with bit ${bit} of the root flipped`));
        check(!verifyInclusion(index, size, flipBit(leaf, bit), proof, sweepRoot(size)), at(`verifies with bit ${bit} of the leaf flipped`));
      }
      if (size > 1) check(!verifyInclusion((index + 1) % size, size, leaf, proof, sweepRoot(size)), at('verifies at another index'));
      check(!verifyInclusion(index, size, leaf, [...proof, sweepRoot(size)], sweepRoot(size)), at('verifies with a hash appended'));
      if (proof.length > 0) check(!verifyInclusion(index, size, leaf, proof.slice(1), sweepRoot(size)), at('verifies with a hash removed'));
    }
    expect(failures).toEqual([]);
  });
});
