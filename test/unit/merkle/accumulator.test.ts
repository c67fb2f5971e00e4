import { describe, expect, it } from 'vitest';
import { leafHash, MerkleAccumulator, treeRoot } from '../../../src-main/core/audit/merkle';
import { arraySource, referenceRoot, sampleLeaves } from './merkle-helpers';

describe('MerkleAccumulator', () => {
  const leaves = sampleLeaves(300);
  const source = arraySource(leaves);

  it('has the root of treeRoot (and of the RFC definition) at every size up to 300', async () => {
    const accumulator = new MerkleAccumulator();
    expect(accumulator.root().equals(await treeRoot(source, 0))).toBe(true);
    expect(accumulator.root().toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'); // SHA-256("")
    for (let size = 1; size <= 300; size++) {
      accumulator.append(leaves[size - 1] as Buffer);
      expect(accumulator.size).toBe(size);
      const expected = await treeRoot(source, size);
      expect(accumulator.root().equals(expected), `size ${size}`).toBe(true);
      expect(expected.equals(referenceRoot(leaves.slice(0, size))), `size ${size}`).toBe(true);
    }
  });

  it('resumes from its JSON state at any point, even through a JSON string', () => {
    const straight = new MerkleAccumulator();
    leaves.forEach((leaf) => straight.append(leaf));
    for (const cut of [0, 1, 2, 3, 7, 8, 100, 255, 256, 299]) {
      const first = new MerkleAccumulator();
      leaves.slice(0, cut).forEach((leaf) => first.append(leaf));
      const resumed = MerkleAccumulator.fromJSON(JSON.parse(JSON.stringify(first)));
      expect(resumed.size).toBe(cut);
      expect(resumed.root().equals(first.root())).toBe(true);
      leaves.slice(cut).forEach((leaf) => resumed.append(leaf));
      expect(resumed.root().equals(straight.root()), `cut at ${cut}`).toBe(true);
    }
  });

  it('refuses a state no accumulator could have written', () => {
    const state = (size: number, frontier: string[]) => ({ size, frontier });
    const h = 'ab'.repeat(32);
    for (const bad of [null, {}, state(-1, []), state(1.5, [h]), state(3, [h]), state(1, []), state(1, ['AB'.repeat(32)]), state(1, ['ab'])]) {
      expect(() => MerkleAccumulator.fromJSON(bad)).toThrow(TypeError);
    }
    expect(MerkleAccumulator.fromJSON(state(5, [h, h])).size).toBe(5);
  });

  it('refuses a leaf that is not a 32-byte hash, and is not changed by later writes to a leaf it was given', () => {
    const accumulator = new MerkleAccumulator();
    expect(() => accumulator.append(new Uint8Array(31))).toThrow(TypeError);
    const leaf = Buffer.from(leaves[0] as Buffer);
    accumulator.append(leaf);
    const before = accumulator.root();
    leaf.fill(0);
    expect(accumulator.root().equals(before)).toBe(true);
  });

  it('takes a million leaves in a few seconds', () => {
    const eventHash = Buffer.alloc(32);
    const accumulator = new MerkleAccumulator();
    const started = performance.now();
    for (let i = 0; i < 1_000_000; i++) {
      eventHash.writeUInt32BE(i, 0);
      accumulator.append(leafHash(eventHash));
    }
    const root = accumulator.root();
    const seconds = (performance.now() - started) / 1000;
    console.log(`MerkleAccumulator: 1,000,000 leaves (leaf hashing included) in ${seconds.toFixed(2)} s; root ${root.toString('hex').slice(0, 16)}…`);
    expect(accumulator.size).toBe(1_000_000);
  });
});
