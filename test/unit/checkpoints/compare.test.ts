import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '@shared/domain/audit';
import { eventHash } from '../../../src-main/core/audit/chain-hash';
import type { AccumulatorState } from '../../../src-main/core/audit/merkle';
import { compareWithCheckpoints, generateSigningKey, type ComparisonVerdict, type SignedCheckpoint } from '../../../src-main/core/audit/checkpoints';
import { buildChain, chainSource, checkpointAt, rewriteFrom } from './checkpoint-helpers';

const key = generateSigningKey();
const original = buildChain(1000);
const checkpointsAt = (events: readonly AuditEvent[], sizes: number[]): Promise<SignedCheckpoint[]> =>
  Promise.all(sizes.map((size) => checkpointAt(events, size, key)));
const scheduled = await checkpointsAt(original, [100, 250, 500, 1000]);

function anchorOf(verdict: ComparisonVerdict): AccumulatorState {
  if (!verdict.ok || !verdict.anchor) throw new Error(`expected a passing comparison with an anchor: ${JSON.stringify(verdict)}`);
  return verdict.anchor;
}

/** The hash chain alone: what the rewrite is built to pass. */
function chainHolds(events: readonly AuditEvent[]): boolean {
  return events.every(
    ({ hash, ...rest }, i) => rest.seq === i + 1 && rest.prevHash === (i === 0 ? '0'.repeat(64) : events[i - 1]?.hash) && eventHash(rest) === hash,
  );
}

describe('comparing the live trail with signed checkpoints', () => {
  it('passes when the trail only grew, and returns the state at the last checkpoint', async () => {
    const grown = buildChain(1200, original);
    expect(await compareWithCheckpoints(chainSource(grown), scheduled)).toMatchObject({ ok: true, anchor: { size: 1000 } });
    expect(await compareWithCheckpoints(chainSource(grown), [])).toEqual({ ok: true, anchor: null });
  });

  it('names the removal of the newest events after a checkpoint', async () => {
    const truncated = original.slice(0, 730);
    expect(chainHolds(truncated)).toBe(true);
    expect(await compareWithCheckpoints(chainSource(truncated), scheduled)).toEqual({
      ok: false,
      firstBadSeq: 731,
      reason: expect.stringMatching(/^events removed after seq 730: the checkpoint signed at .* covers 1000 events$/),
    });
  });

  it('catches an event changed with every later hash recomputed, which the hash chain alone cannot', async () => {
    const rewritten = rewriteFrom(original, 501);
    expect(chainHolds(rewritten)).toBe(true);
    expect(rewritten[500]?.hash).not.toBe(original[500]?.hash);
    expect(await compareWithCheckpoints(chainSource(rewritten), scheduled)).toEqual({
      ok: false,
      firstBadSeq: 501,
      reason: expect.stringMatching(
        /^the first 1000 events no longer have the root in the checkpoint signed at .*: an event in seq 501\.\.1000 differs .* still matches the first 500$/,
      ),
    });
  });

  it('names the changed event exactly when there is a checkpoint just before it, and brackets it between sparser ones', async () => {
    const rewritten = chainSource(rewriteFrom(original, 377));
    const atEveryExport = await checkpointsAt(original, [100, 200, 376, 377, 378, 600]);
    expect(await compareWithCheckpoints(rewritten, atEveryExport)).toMatchObject({
      ok: false,
      firstBadSeq: 377,
      reason: expect.stringContaining('event 377 differs'),
    });
    expect(await compareWithCheckpoints(rewritten, scheduled)).toMatchObject({ ok: false, firstBadSeq: 251, reason: expect.stringContaining('seq 251..500') });
  });

  it('catches events removed and others appended in their place', async () => {
    const regrown = buildChain(1100, original.slice(0, 900), 'appended by someone else');
    expect(chainHolds(regrown)).toBe(true);
    expect(await compareWithCheckpoints(chainSource(regrown), scheduled)).toMatchObject({
      ok: false,
      firstBadSeq: 501,
      reason: expect.stringContaining('seq 501..1000'),
    });
  });

  it('resumes from an anchor, reading only the events after it', async () => {
    const resumeFrom = anchorOf(await compareWithCheckpoints(chainSource(original.slice(0, 600)), scheduled.slice(0, 3)));
    expect(resumeFrom.size).toBe(500);
    const source = chainSource(buildChain(1200, original));
    expect(await compareWithCheckpoints(source, scheduled, { resumeFrom })).toMatchObject({ ok: true, anchor: { size: 1000 } });
    expect(source.served).toBe(500);
  });

  it('falls back to a full comparison when resuming finds damage or the anchor no longer holds', async () => {
    const resumeFrom = anchorOf(await compareWithCheckpoints(chainSource(original), scheduled.slice(0, 3)));
    // Rewritten from 300 on: the resumed run sees only the checkpoint at 1000 fail, the full run names the bracket before the anchor.
    const rewritten = chainSource(rewriteFrom(original, 300));
    expect(await compareWithCheckpoints(rewritten, scheduled, { resumeFrom })).toMatchObject({ ok: false, firstBadSeq: 251 });
    // An anchor that matches no checkpoint (here: a forged state) is not trusted.
    const forged = { size: 500, frontier: resumeFrom.frontier.map(() => 'ab'.repeat(32)) };
    const source = chainSource(original);
    expect(await compareWithCheckpoints(source, scheduled, { resumeFrom: forged })).toMatchObject({ ok: true });
    expect(source.served).toBe(1000);
    expect(await compareWithCheckpoints(chainSource(original.slice(0, 400)), scheduled, { resumeFrom })).toMatchObject({ ok: false, firstBadSeq: 401 });
  });

  it('refuses a malformed checkpoint rather than calling it a mismatch', async () => {
    await expect(compareWithCheckpoints(chainSource(original), [{ ...(scheduled[0] as SignedCheckpoint), rootHash: 'nope' }])).rejects.toThrow(/malformed/);
  });
});
