import { describe, expect, it } from 'vitest';
import { inclusionProof, rangeProof, subsetProof, verifySubset, runsProblem, type LeafRuns, type ProvenLeaf } from '../../../src-main/core/audit/merkle';
import { arraySource, flipBit, sampleLeaves, sweepLeaves, sweepRoot, sweepSource } from './merkle-helpers';

/** The leaves of the runs, in order, as a verifier reads them from a report's events. */
function leavesOf(runs: LeafRuns, leaves: readonly Buffer[] = sweepLeaves): ProvenLeaf[] {
  return runs.flatMap(([start, end]) => Array.from({ length: end - start }, (_, i) => ({ index: start + i, leafHash: leaves[start + i] as Buffer })));
}

/** A reproducible scattered subset of [0, size): each leaf in with probability ~1/3, as runs. */
function scattered(size: number, seed: number): [number, number][] {
  const runs: [number, number][] = [];
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    if (x % 3 !== 0) continue;
    const last = runs.at(-1);
    if (last && last[1] === i) last[1] = i + 1;
    else runs.push([i, i + 1]);
  }
  return runs.length ? runs : [[0, 1]];
}

describe('subset proofs', () => {
  it('for a contiguous range are the range proof, and for one leaf hold the inclusion proof hashes', async () => {
    for (const size of [1, 2, 7, 64, 100, 130]) {
      for (const [start, end] of [
        [0, size],
        [0, 1],
        [size - 1, size],
        [Math.floor(size / 3), Math.ceil((2 * size) / 3)],
      ] as [number, number][]) {
        if (start >= end) continue;
        const subset = await subsetProof(sweepSource, [[start, end]], size);
        expect(subset).toEqual(await rangeProof(sweepSource, start, end, size));
      }
      const one = await subsetProof(sweepSource, [[0, 1]], size);
      expect(new Set(one.map((h) => h.toString('hex')))).toEqual(new Set((await inclusionProof(sweepSource, 0, size)).map((h) => h.toString('hex'))));
    }
  });

  it('verify for scattered subsets of trees of every size up to 130, and fail when anything is altered', async () => {
    const failures: string[] = [];
    for (let size = 1; size <= 130; size++) {
      const runs = scattered(size, size);
      const proof = await subsetProof(sweepSource, runs, size);
      const root = sweepRoot(size);
      const ok = await verifySubset(size, proof, root, leavesOf(runs));
      if (!ok.ok) failures.push(`${size}: ${ok.reason}`);
      const altered: [string, Promise<{ ok: boolean }>][] = [
        ['root flipped', verifySubset(size, proof, flipBit(root, size), leavesOf(runs))],
        [
          'leaf flipped',
          verifySubset(
            size,
            proof,
            root,
            leavesOf(runs).map((l, i) => (i === 0 ? { ...l, leafHash: flipBit(l.leafHash, 3) } : l)),
          ),
        ],
        ['leaf dropped', verifySubset(size, proof, root, leavesOf(runs).slice(1))],
        ['hash added', verifySubset(size, [...proof, root], root, leavesOf(runs))],
      ];
      if (proof.length > 0) {
        altered.push([
          'proof hash flipped',
          verifySubset(
            size,
            proof.map((h, i) => (i === size % proof.length ? flipBit(h, size) : h)),
            root,
            leavesOf(runs),
          ),
        ]);
        altered.push(['proof hash removed', verifySubset(size, proof.slice(1), root, leavesOf(runs))]);
      }
      for (const [what, verdict] of altered) if ((await verdict).ok) failures.push(`${size}: ${what} still verifies`);
    }
    expect(failures).toEqual([]);
  });

  it('read only a few dozen subtree roots through a node cache, and stream the leaves in order', async () => {
    const leaves = sampleLeaves(4_096);
    const source = arraySource(leaves);
    const runs: LeafRuns = [
      [100, 110],
      [2_000, 2_001],
      [4_000, 4_096],
    ];
    const proof = await subsetProof(source, runs, 4_096);
    expect(proof.length).toBeLessThan(40);
    async function* stream(): AsyncGenerator<ProvenLeaf> {
      yield* leavesOf(runs, leaves);
    }
    const { referenceRoot } = await import('./merkle-helpers');
    expect(await verifySubset(4_096, proof, referenceRoot(leaves), stream())).toEqual({ ok: true, leaves: 107 });
    const outOfOrder = [...leavesOf(runs, leaves)].reverse();
    expect((await verifySubset(4_096, proof, referenceRoot(leaves), outOfOrder)).ok).toBe(false);
  });

  it('refuse runs that are empty, overlapping, out of order or beyond the tree', () => {
    expect(runsProblem([], 10)).toMatch(/no leaves/);
    expect(runsProblem([[3, 3]], 10)).toMatch(/not a non-empty range/);
    expect(
      runsProblem(
        [
          [0, 4],
          [3, 6],
        ],
        10,
      ),
    ).toMatch(/not after the previous range/);
    expect(
      runsProblem(
        [
          [0, 4],
          [4, 6],
        ],
        10,
      ),
    ).toMatch(/not after the previous range and apart/);
    expect(runsProblem([[8, 11]], 10)).toMatch(/beyond a tree of 10/);
    expect(
      runsProblem(
        [
          [0, 2],
          [5, 10],
        ],
        10,
      ),
    ).toBeNull();
  });
});
