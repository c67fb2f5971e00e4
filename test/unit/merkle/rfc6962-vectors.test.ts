import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { consistencyProof, inclusionProof, leafHash, treeRoot, verifyConsistency, verifyInclusion } from '../../../src-main/core/audit/merkle';
import { arraySource } from './merkle-helpers';

// transparency-dev/merkle's proof vectors, read in place (see that folder's README).
const VECTORS = resolve(import.meta.dirname, '../../../../shared/data/rfc6962-merkle-vectors');

// The eight leaves of the Certificate Transparency reference tests, from which the vectors' roots and proofs were made.
const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((hex) =>
  leafHash(Buffer.from(hex, 'hex')),
);

interface InclusionCase {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  wantErr: boolean;
}
interface ConsistencyCase {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  wantErr: boolean;
}

function cases<T>(kind: 'inclusion' | 'consistency'): Array<{ name: string; vector: T }> {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith('.json')) files.push(join(dir, entry.name));
    }
  };
  walk(join(VECTORS, kind));
  return files.sort().map((file) => ({ name: relative(VECTORS, file), vector: JSON.parse(readFileSync(file, 'utf8')) as T }));
}

const b64 = (s: string): Buffer => Buffer.from(s, 'base64');
const proofOf = (proof: string[] | null): Buffer[] => (proof ?? []).map(b64);

const present = existsSync(VECTORS);
(present ? describe : describe.skip)(`RFC 6962 Merkle proof vectors${present ? '' : ` (skipped: ${VECTORS} is absent)`}`, () => {
  const inclusion = present ? cases<InclusionCase>('inclusion') : [];
  const consistency = present ? cases<ConsistencyCase>('consistency') : [];

  it('finds the vectors, with a happy path for every proof', () => {
    expect(inclusion.length).toBeGreaterThan(50);
    expect(consistency.length).toBeGreaterThan(50);
    for (const { name, vector } of [...inclusion, ...consistency]) if (name.endsWith('happy-path.json')) expect(vector.wantErr, name).toBe(false);
  });

  it.each(inclusion)('inclusion $name', ({ vector: v }) => {
    expect(verifyInclusion(v.leafIdx, v.treeSize, b64(v.leafHash), proofOf(v.proof), b64(v.root))).toBe(!v.wantErr);
  });

  it.each(consistency)('consistency $name', ({ vector: v }) => {
    expect(verifyConsistency(v.size1, v.size2, b64(v.root1), b64(v.root2), proofOf(v.proof))).toBe(!v.wantErr);
  });

  it('builds the very roots and proofs of the happy paths from the reference leaves', async () => {
    const source = arraySource(CT_LEAVES);
    for (const { name, vector: v } of inclusion.filter((c) => c.name.endsWith('happy-path.json'))) {
      expect((await treeRoot(source, v.treeSize)).toString('base64'), name).toBe(v.root);
      expect(CT_LEAVES[v.leafIdx]?.toString('base64'), name).toBe(v.leafHash);
      expect(
        (await inclusionProof(source, v.leafIdx, v.treeSize)).map((h) => h.toString('base64')),
        name,
      ).toEqual(v.proof ?? []);
    }
    for (const { name, vector: v } of consistency.filter((c) => c.name.endsWith('happy-path.json'))) {
      expect((await treeRoot(source, v.size2)).toString('base64'), name).toBe(v.root2);
      expect(
        (await consistencyProof(source, v.size1, v.size2)).map((h) => h.toString('base64')),
        name,
      ).toEqual(v.proof ?? []);
    }
  });
});
