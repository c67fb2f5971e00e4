import { describe, expect, it } from 'vitest';
import { createHash, generateKeyPairSync } from 'node:crypto';
import {
  checkpointBody,
  CheckpointFormatError,
  exportPrivateKey,
  fingerprintOf,
  generateSigningKey,
  importPrivateKey,
  keyIdOf,
  signCheckpoint,
  verifyCheckpointSignature,
  type Checkpoint,
} from '../../../src-main/core/audit/checkpoints';
import { ORIGIN } from './checkpoint-helpers';

const ROOT = Buffer.alloc(32, 7).toString('base64');
const key = generateSigningKey();
const next = generateSigningKey();
const base: Checkpoint = { origin: ORIGIN, treeSize: 1234, rootHash: ROOT, time: '2026-11-29T04:38:18.123Z', keyId: key.keyId };

describe('checkpoint body', () => {
  it('is the documented lines, byte for byte', () => {
    expect(checkpointBody(base)).toBe(`${ORIGIN}\n1234\n${ROOT}\ntime 2026-11-29T04:38:18.123Z\nkey ${key.keyId}\n`);
    expect(checkpointBody({ ...base, nextKey: { keyId: next.keyId, publicKey: next.publicKey } })).toBe(
      `${ORIGIN}\n1234\n${ROOT}\ntime 2026-11-29T04:38:18.123Z\nkey ${key.keyId}\nnext-key ${next.keyId} ${next.publicKey}\n`,
    );
  });

  it('refuses fields that would make it ambiguous or unverifiable', () => {
    const bad: Array<Partial<Checkpoint>> = [
      { origin: '' },
      { origin: 'site a' },
      { origin: 'site\nb' },
      { origin: 'sité' },
      { treeSize: -1 },
      { treeSize: 1.5 },
      { treeSize: 2 ** 53 },
      { rootHash: Buffer.alloc(31).toString('base64') },
      { rootHash: ROOT.replace(/=$/, '') },
      { rootHash: `${ROOT.slice(0, 42)}B=` }, // non-zero padding bits: not the canonical spelling
      { time: '2026-11-29T04:38:18Z' },
      { time: '2026-11-29T05:38:18.123+01:00' },
      { time: '2026-02-30T04:38:18.123Z' },
      { keyId: key.keyId.toUpperCase() },
      { keyId: key.keyId.slice(1) },
      { nextKey: { keyId: key.keyId, publicKey: next.publicKey } },
      { nextKey: { keyId: next.keyId, publicKey: 'AAAA' } },
      { nextKey: { keyId: key.keyId, publicKey: key.publicKey } },
    ];
    for (const change of bad) expect(() => checkpointBody({ ...base, ...change }), JSON.stringify(change)).toThrow(CheckpointFormatError);
  });
});

describe('checkpoint signature', () => {
  const signed = signCheckpoint(base, key.privateKey);

  it('verifies with the key it names, and is plain Ed25519 over the body', () => {
    expect(verifyCheckpointSignature(signed, key.publicKey)).toBe(true);
    expect(Buffer.from(signed.signature, 'base64')).toHaveLength(64);
    expect(verifyCheckpointSignature(signed, next.publicKey)).toBe(false);
  });

  it('fails when any field is changed', () => {
    const changes: Array<Partial<typeof signed>> = [
      { origin: `${ORIGIN}x` },
      { treeSize: 1235 },
      { treeSize: 1233 },
      { rootHash: Buffer.alloc(32, 8).toString('base64') },
      { time: '2026-11-29T04:38:18.124Z' },
      { keyId: next.keyId },
      { nextKey: { keyId: next.keyId, publicKey: next.publicKey } },
      { signature: Buffer.from(Buffer.from(signed.signature, 'base64').map((b, i) => (i === 10 ? b ^ 1 : b))).toString('base64') },
    ];
    for (const change of changes) expect(verifyCheckpointSignature({ ...signed, ...change }, key.publicKey), JSON.stringify(change)).toBe(false);
  });

  it('answers false, never throws, on malformed keys or checkpoints', () => {
    for (const badKey of ['', 'AAAA', key.publicKey.slice(1), null as never]) expect(verifyCheckpointSignature(signed, badKey)).toBe(false);
    for (const bad of [{ ...signed, signature: '' }, { ...signed, signature: 'x' }, { ...signed, time: 'yesterday' }, {} as never])
      expect(verifyCheckpointSignature(bad, key.publicKey)).toBe(false);
  });

  it('carries a rotation announcement under the signature, and refuses to sign with a key the checkpoint does not name', () => {
    const rotation = signCheckpoint({ ...base, nextKey: { keyId: next.keyId, publicKey: next.publicKey } }, key.privateKey);
    expect(verifyCheckpointSignature(rotation, key.publicKey)).toBe(true);
    expect(verifyCheckpointSignature({ ...rotation, nextKey: { keyId: key.keyId, publicKey: key.publicKey } }, key.publicKey)).toBe(false);
    expect(() => signCheckpoint(base, next.privateKey)).toThrow(/names key/);
  });

  it('copies only checkpoint fields into what it signs', () => {
    const withExtra = { ...base, note: 'not signed' } as Checkpoint;
    expect(Object.keys(signCheckpoint(withExtra, key.privateKey)).sort()).toEqual(['keyId', 'origin', 'rootHash', 'signature', 'time', 'treeSize']);
  });
});

describe('signing keys', () => {
  it('are identified by SHA-256 of the raw public key: 16 hex digits as id, all 64 as fingerprint (what sha256sum prints)', () => {
    const digest = createHash('sha256').update(Buffer.from(key.publicKey, 'base64')).digest('hex');
    expect(Buffer.from(key.publicKey, 'base64')).toHaveLength(32);
    expect(key.keyId).toBe(digest.slice(0, 16));
    expect(keyIdOf(key.publicKey)).toBe(key.keyId);
    expect(fingerprintOf(key.publicKey)).toBe(digest);
    expect(() => keyIdOf('AAAA')).toThrow(TypeError);
  });

  it('survive storage as PKCS#8, and only Ed25519 keys are taken', () => {
    const restored = importPrivateKey(exportPrivateKey(key.privateKey));
    expect(verifyCheckpointSignature(signCheckpoint(base, restored), key.publicKey)).toBe(true);
    const x25519 = generateKeyPairSync('x25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    expect(() => importPrivateKey(x25519)).toThrow(/Ed25519/);
    expect(() => exportPrivateKey(generateKeyPairSync('ed25519').publicKey)).toThrow(TypeError);
  });
});
