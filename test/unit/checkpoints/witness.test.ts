import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  generateSigningKey,
  readWitnesses,
  signCheckpoint,
  verifyCheckpointSequence,
  writeWitness,
  type SignedCheckpoint,
} from '../../../src-main/core/audit/checkpoints';
import { formatWitness, witnessFileName } from '../../../src-main/core/audit/checkpoints/witness-file';
import { ORIGIN } from './checkpoint-helpers';

const key = generateSigningKey();
const checkpoint = (treeSize: number, second: number): SignedCheckpoint =>
  signCheckpoint(
    {
      origin: ORIGIN,
      treeSize,
      rootHash: Buffer.alloc(32, treeSize % 256).toString('base64'),
      time: `2026-01-06T10:00:${String(second).padStart(2, '0')}.000Z`,
      keyId: key.keyId,
    },
    key.privateKey,
  );

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'clearline-witness-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('witness folder', () => {
  it('round-trips checkpoints, listed by tree size then time', () => {
    const written = [checkpoint(1000, 3), checkpoint(20, 1), checkpoint(300, 2), checkpoint(300, 4)];
    for (const cp of written) writeWitness(folder, cp);
    const { checkpoints, problems } = readWitnesses(folder);
    expect(problems).toEqual([]);
    expect(checkpoints).toEqual([written[1], written[2], written[3], written[0]]);
    expect(
      readdirSync(folder)
        .sort()
        .map((name) => name.slice(0, 21)),
    ).toEqual(['ckpt-0000000000000020', 'ckpt-0000000000000300', 'ckpt-0000000000000300', 'ckpt-0000000000001000']);
    expect(verifyCheckpointSequence(checkpoints, [key.publicKey]).ok).toBe(true);
  });

  it('writes the signed body, an empty line and the signature line, under a name that needs no quoting anywhere', () => {
    const cp = checkpoint(42, 5);
    const path = writeWitness(folder, cp);
    expect(basename(path)).toMatch(/^ckpt-0000000000000042-20260106T100005000Z-[0-9a-f]{8}\.txt$/);
    expect(readFileSync(path, 'utf8')).toBe(`${ORIGIN}\n42\n${cp.rootHash}\ntime ${cp.time}\nkey ${key.keyId}\n\nsignature ${cp.signature}\n`);
    expect(writeWitness(folder, cp)).toBe(path); // writing the same checkpoint again changes nothing
    expect(readdirSync(folder)).toHaveLength(1);
  });

  it('reports a truncated, edited or converted file, and still reads the others', () => {
    const good = checkpoint(10, 1);
    writeWitness(folder, good);
    const truncated = writeWitness(folder, checkpoint(20, 2));
    writeFileSync(truncated, readFileSync(truncated, 'utf8').slice(0, 60));
    const edited = writeWitness(folder, checkpoint(30, 3));
    writeFileSync(edited, readFileSync(edited, 'utf8').replace(/\n30\n/, '\n31\n'));
    const rerooted = writeWitness(folder, checkpoint(40, 4));
    writeFileSync(rerooted, readFileSync(rerooted, 'utf8').replace(/\n[A-Za-z0-9+/]{43}=\n/, `\n${Buffer.alloc(32, 9).toString('base64')}\n`));
    const converted = writeWitness(folder, checkpoint(60, 6));
    writeFileSync(converted, readFileSync(converted, 'utf8').replace(/\n/g, '\r\n'));
    const { checkpoints, problems } = readWitnesses(folder);
    expect(checkpoints).toEqual([good]);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/ckpt-0000000000000020.*(truncated|signature)/);
    expect(problems[1]).toMatch(/ckpt-0000000000000030.*does not match its name/);
    expect(problems[2]).toMatch(/ckpt-0000000000000040.*does not match its name/);
    expect(problems[3]).toMatch(/ckpt-0000000000000060.*line endings were converted/);
  });

  it('leaves an edit that is renamed to fit to the signature check', () => {
    const cp = checkpoint(50, 5);
    const path = writeWitness(folder, cp);
    const forged = { ...cp, rootHash: Buffer.alloc(32, 1).toString('base64') };
    rmSync(path);
    writeFileSync(join(folder, witnessFileName(forged)), formatWitness(forged));
    const { checkpoints, problems } = readWitnesses(folder);
    expect(problems).toEqual([]);
    expect(verifyCheckpointSequence(checkpoints, [key.publicKey])).toMatchObject({ ok: false, index: 0, reason: expect.stringContaining('does not verify') });
  });

  it('ignores other files and interrupted writes, but not a misnamed checkpoint', () => {
    const path = writeWitness(folder, checkpoint(10, 1));
    writeFileSync(join(folder, 'README.txt'), 'witness copies of the audit checkpoints');
    writeFileSync(`${path}.tmp-4242`, 'half a chec');
    renameSync(path, join(folder, 'ckpt-10.txt'));
    expect(readWitnesses(folder)).toEqual({ checkpoints: [], problems: ['ckpt-10.txt: not the name of a witness file'] });
  });

  it('refuses to write into a missing folder, and says so when reading one', () => {
    const missing = join(folder, 'unmounted-share');
    expect(() => writeWitness(missing, checkpoint(10, 1))).toThrow(/does not exist/);
    expect(readWitnesses(missing).problems[0]).toMatch(/cannot be read/);
    expect(() => writeWitness(folder, { ...checkpoint(10, 1), signature: '' })).toThrow(/signature/);
  });
});
