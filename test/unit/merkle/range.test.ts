import { describe, expect, it } from 'vitest';
import { inclusionProof, rangeProof, verifyRange } from '../../../src-main/core/audit/merkle';
import { splitPoint } from '../../../src-main/core/audit/merkle/tree-shape';
import { flipBit, sweep, sweepLeaves, sweepRoot, sweepSizes, sweepSource } from './merkle-helpers';

describe('range proofs', () => {
  // Every range of every tree up to 40 leaves. Beyond that (all ranges would be ~n^4/4 hashes
  // in all), every range of one or two leaves, and every range whose two ends lie where the
  // tree's shape changes: the edges, the power-of-two boundaries, either side of the top split.
  const rangesOf = (size: number): Array<[number, number]> => {
    const top = size > 1 ? splitPoint(size) : 1;
    const edges = new Set([0, 1, size - 1, size, top - 1, top + 1]);
    for (let k = 1; k < size; k *= 2) edges.add(k);
    const all: Array<[number, number]> = [];
    for (let start = 0; start < size; start++)
      for (let end = start + 1; end <= size; end++) if (size <= 40 || end - start <= 2 || (edges.has(start) && edges.has(end))) all.push([start, end]);
    return all;
  };

  it.each(sweepSizes)('verify for the ranges of a tree of %i, and fail with a bit flipped, a hash added or the range moved', async (size) => {
    const { check, failures } = sweep();
    for (const [start, end] of rangesOf(size)) {
      const given = sweepLeaves.slice(start, end);
      const proof = await rangeProof(sweepSource, start, end, size);
      const at = (what: string) => () => `[${start}, ${end}): ${what}`;
      check(verifyRange(start, end, size, given, proof, sweepRoot(size)), at('does not verify'));
      const salt = start * 7 + end;
      // One proof hash per range (a different position each time): each check costs a rehash of the range.
      if (proof.length > 0) {
        const j = salt % proof.length;
        const bad = proof.map((h, k) => (k === j ? flipBit(h, salt) : h));
        check(!verifyRange(start, end, size, given, bad, sweepRoot(size)), at(`verifies with proof[${j}] changed`));
      }
      const badLeaves = given.map((h, k) => (k === salt % given.length ? flipBit(h, salt) : h));
      check(!verifyRange(start, end, size, badLeaves, proof, sweepRoot(size)), at('verifies with a leaf changed'));
      check(!verifyRange(start, end, size, given, proof, flipBit(sweepRoot(size), salt)), at('verifies with the root changed'));
      check(!verifyRange(start, end, size, given, [...proof, sweepRoot(size)], sweepRoot(size)), at('verifies with a hash appended'));
      if (end < size) check(!verifyRange(start + 1, end + 1, size, given, proof, sweepRoot(size)), at('verifies one leaf to the right'));
    }
    expect(failures).toEqual([]);
  });

  it('carries the hashes of an inclusion proof for a single leaf', async () => {
    const proof = await rangeProof(sweepSource, 77, 78, 130);
    expect(new Set(proof.map((h) => h.toString('hex')))).toEqual(new Set((await inclusionProof(sweepSource, 77, 130)).map((h) => h.toString('hex'))));
  });
});
