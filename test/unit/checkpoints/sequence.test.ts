import { describe, expect, it } from 'vitest';
import { generateSigningKey, signCheckpoint, verifyCheckpointSequence, type SignedCheckpoint } from '../../../src-main/core/audit/checkpoints';
import { ORIGIN } from './checkpoint-helpers';

const k1 = generateSigningKey();
const k2 = generateSigningKey();
const k3 = generateSigningKey();
type Key = typeof k1;

function cp(treeSize: number, key: Key, extra: { announce?: Key; root?: number; minute?: number } = {}): SignedCheckpoint {
  return signCheckpoint(
    {
      origin: ORIGIN,
      treeSize,
      rootHash: Buffer.alloc(32, extra.root ?? treeSize % 251).toString('base64'),
      time: new Date(Date.UTC(2026, 0, 1) + (extra.minute ?? treeSize) * 60_000).toISOString(),
      keyId: key.keyId,
      ...(extra.announce ? { nextKey: { keyId: extra.announce.keyId, publicKey: extra.announce.publicKey } } : {}),
    },
    key.privateKey,
  );
}

describe('checkpoint sequence', () => {
  // k1 signs, announces k2 at size 30, and k2 signs from then on.
  const history = [cp(10, k1), cp(20, k1), cp(30, k1, { announce: k2 }), cp(30, k2, { minute: 31 }), cp(40, k2)];

  it('accepts a rotation announced by the old key, and ends with the new key in force', () => {
    expect(verifyCheckpointSequence(history, [k1.publicKey])).toEqual({ ok: true, keysInForce: [k2.publicKey] });
  });

  it('keeps the checkpoints from before the rotation verifiable from the original key', () => {
    expect(verifyCheckpointSequence(history.slice(0, 2), [k1.publicKey]).ok).toBe(true);
    expect(verifyCheckpointSequence([], [k1.publicKey])).toEqual({ ok: true, keysInForce: [k1.publicKey] });
  });

  it('refuses a new key that no checkpoint of the old key announced', () => {
    const unannounced = [cp(10, k1), cp(20, k2)];
    expect(verifyCheckpointSequence(unannounced, [k1.publicKey])).toMatchObject({
      ok: false,
      index: 1,
      reason: expect.stringContaining('neither trusted nor announced'),
    });
  });

  it('refuses a forged rotation: an announcement signed by an unknown key', () => {
    const forged = [cp(10, k1), cp(20, k3, { announce: k2 }), cp(30, k2)];
    expect(verifyCheckpointSequence(forged, [k1.publicKey])).toMatchObject({ ok: false, index: 1, reason: expect.stringContaining(k3.keyId) });
  });

  it('refuses an announcement whose signature does not hold', () => {
    const tampered = { ...cp(20, k1, { announce: k3 }), nextKey: { keyId: k2.keyId, publicKey: k2.publicKey } };
    expect(verifyCheckpointSequence([cp(10, k1), tampered, cp(30, k2)], [k1.publicKey])).toMatchObject({
      ok: false,
      index: 1,
      reason: expect.stringContaining('does not verify'),
    });
  });

  it('refuses the retired key after a rotation, even a trusted one, and its return', () => {
    expect(verifyCheckpointSequence([...history, cp(50, k1)], [k1.publicKey, k2.publicKey])).toMatchObject({
      ok: false,
      index: 5,
      reason: expect.stringContaining('retired at checkpoint 2'),
    });
    expect(verifyCheckpointSequence([...history, cp(50, k2, { announce: k1 })], [k1.publicKey])).toMatchObject({
      ok: false,
      index: 5,
      reason: expect.stringContaining('retired earlier'),
    });
  });

  it('refuses an altered checkpoint, a fork, another origin and a sequence out of order', () => {
    expect(verifyCheckpointSequence([history[0] as SignedCheckpoint, { ...(history[1] as SignedCheckpoint), treeSize: 21 }], [k1.publicKey])).toMatchObject({
      ok: false,
      index: 1,
    });
    expect(verifyCheckpointSequence([cp(10, k1), cp(10, k1, { root: 99, minute: 11 })], [k1.publicKey])).toMatchObject({
      ok: false,
      index: 1,
      reason: expect.stringContaining('forked'),
    });
    const elsewhere = signCheckpoint({ ...cp(20, k1), origin: 'another-site' }, k1.privateKey);
    expect(verifyCheckpointSequence([cp(10, k1), elsewhere], [k1.publicKey])).toMatchObject({
      ok: false,
      index: 1,
      reason: expect.stringContaining('another-site'),
    });
    expect(verifyCheckpointSequence([cp(20, k1), cp(10, k1)], [k1.publicKey])).toMatchObject({
      ok: false,
      index: 1,
      reason: expect.stringContaining('out of order'),
    });
  });
});
