import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fingerprintOf, verifyCheckpointSequence } from '../../../src-main/core/audit/checkpoints';
import { parseWitness } from '../../../src-main/core/audit/checkpoints/witness-file';
import { verifyInclusion, leafHash } from '../../../src-main/core/audit/merkle';

// docs/audit-evidence.md promises that an auditor can check the evidence with openssl and a
// short Python script: its recipes and worked example are run here as they stand.
const doc = readFileSync(resolve(import.meta.dirname, '../../../docs/audit-evidence.md'), 'utf8');

/** The fenced block right after `<!-- marker -->` (Prettier puts an empty line between them). */
function block(marker: string): string {
  const match = new RegExp(`<!-- ${marker} -->\\n+\`\`\`\\w+\\n([\\s\\S]*?)\`\`\`\\n`).exec(doc);
  if (!match?.[1]) throw new Error(`docs/audit-evidence.md has no block after <!-- ${marker} -->`);
  return match[1];
}

const checkSignature = block('recipe: check-signature');
const verifyInclusionPy = block('recipe: verify-inclusion');
const witnessFile = block('example: witness-file');
const proofJson = block('example: inclusion-proof');
const publicKey = /^PUB='([^']+)'/m.exec(checkSignature)?.[1] ?? '';
const fileName = /^CKPT='([^']+)'/m.exec(checkSignature)?.[1] ?? '';

describe('the worked example in docs/audit-evidence.md', () => {
  it('is a valid witness file and inclusion proof, with the fingerprint the page prints', () => {
    const cp = parseWitness(fileName, witnessFile);
    if ('problem' in cp) throw new Error(cp.problem);
    expect(verifyCheckpointSequence([cp], [publicKey]).ok).toBe(true);
    expect(doc).toContain(fingerprintOf(publicKey));
    const proof = JSON.parse(proofJson) as { seq: number; eventHash: string; treeSize: number; inclusionProof: string[] };
    const b64 = (s: string) => Buffer.from(s, 'base64');
    expect(verifyInclusion(proof.seq - 1, cp.treeSize, leafHash(Buffer.from(proof.eventHash, 'hex')), proof.inclusionProof.map(b64), b64(cp.rootHash))).toBe(
      true,
    );
  });
});

const has = (tool: string, ...args: string[]) => spawnSync(tool, args).status === 0;
const tools = has('openssl', 'version') && has('python3', '--version') && has('sh', '-c', 'true');

describe.skipIf(!tools)(`the auditor's recipes${tools ? '' : ' (skipped: openssl, python3 or sh is missing)'}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'clearline-auditor-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (command: string, ...args: string[]) => spawnSync(command, args, { cwd: dir, encoding: 'utf8' });
  writeFileSync(join(dir, 'check-signature.sh'), checkSignature);
  writeFileSync(join(dir, 'verify_inclusion.py'), verifyInclusionPy);

  it('openssl verifies the example checkpoint, and refuses it once its tree size is changed', () => {
    writeFileSync(join(dir, fileName), witnessFile);
    const good = run('sh', '-e', 'check-signature.sh');
    expect(good.stdout + good.stderr).toContain('Signature Verified Successfully');
    expect(good.status).toBe(0);
    writeFileSync(join(dir, fileName), witnessFile.replace(/\n6\n/, '\n7\n'));
    expect(run('sh', '-e', 'check-signature.sh').status).not.toBe(0);
  });

  it('the Python script verifies the example proof, and refuses a changed event hash or a wrong seq', () => {
    writeFileSync(join(dir, fileName), witnessFile);
    writeFileSync(join(dir, 'proof.json'), proofJson);
    const good = run('python3', 'verify_inclusion.py', fileName, 'proof.json');
    expect(good.stdout).toMatch(/^OK: event 4 /);
    expect(good.status).toBe(0);
    const proof = JSON.parse(proofJson) as { seq: number; eventHash: string };
    for (const bad of [
      { ...proof, eventHash: `0${proof.eventHash.slice(1)}` },
      { ...proof, seq: 3 },
      { ...proof, seq: 5 },
    ]) {
      writeFileSync(join(dir, 'proof.json'), JSON.stringify(bad));
      const result = run('python3', 'verify_inclusion.py', fileName, 'proof.json');
      expect(result.status, JSON.stringify(bad)).toBe(1);
      expect(result.stderr).toMatch(/^FAILED: /);
    }
  });
});
