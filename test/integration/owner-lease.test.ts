import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock/clocks';
import { EngineOwnership } from '../../src-main/core/lease/engine-ownership';
import { StaleFenceError } from '../../src-main/core/store/store';
import { createTestSite } from '../support/site';
import { useTempDirs } from '../support/temp';

const tempDir = useTempDirs();
const options = { ttlMs: 10_000, heartbeatMs: 60_000 };

function recorder() {
  const events: string[] = [];
  return {
    events,
    listener: { acquired: (fence: number) => void events.push(`acquired ${fence}`), lost: (reason: string) => void events.push(`lost: ${reason}`) },
  };
}

describe('engine owner lease (one process, two stores)', () => {
  it('grants one owner, lets a standby take over after expiry, and fences the old owner out', async () => {
    const site = await createTestSite(tempDir());
    const clock = new ManualClock(Date.UTC(2026, 10, 29, 9));
    const siteA = await site.open(clock);
    const siteB = await site.open(clock);
    const a = recorder();
    const b = recorder();
    const ownerA = new EngineOwnership(siteA.store, clock, a.listener, options);
    const ownerB = new EngineOwnership(siteB.store, clock, b.listener, options);
    try {
      expect(await ownerA.start()).toEqual({ role: 'owner', fence: 1 });
      const standby = await ownerB.start();
      expect(standby.role).toBe('standby');
      expect(a.events).toEqual(['acquired 1']);
      await expect(siteA.store.unit(async () => 'engine write', { fenced: true })).resolves.toBe('engine write');
      await expect(siteB.store.unit(async () => 'engine write', { fenced: true })).rejects.toBeInstanceOf(StaleFenceError);

      // A stalls past its lease (think SIGSTOP); B takes over with the next fencing token.
      clock.advance(options.ttlMs + 1);
      await ownerB.beat();
      expect(ownerB.state).toEqual({ role: 'owner', fence: 2 });
      expect(b.events).toEqual(['acquired 2']);

      // A wakes up and writes before noticing: refused by the fence.
      await expect(siteA.store.unit(async () => 'late engine write', { fenced: true })).rejects.toThrow(/no longer the owner's \(2\)/);
      // Non-engine writes from A still work (they are not fenced).
      await expect(siteA.store.unit(async () => 'user edit')).resolves.toBe('user edit');
      // A's next heartbeat finds out and stops its engine.
      await ownerA.beat();
      expect(a.events.at(-1)).toMatch(/^lost: another process took over/);
      expect(ownerA.state.role).toBe('standby');

      const takeovers = (await siteB.store.read((tx) => tx.audit.range(1, 100))).filter((e) => e.action === 'engine.owner.acquired');
      expect(takeovers.map((e) => e.payload.fence)).toEqual([1, 2]);
    } finally {
      await ownerA.stop();
      await ownerB.stop();
      await siteA.close();
      await siteB.close();
    }
  });

  it('hands over at once on a clean stop', async () => {
    const site = await createTestSite(tempDir());
    const clock = new ManualClock(Date.UTC(2026, 10, 29, 9));
    const siteA = await site.open(clock);
    const siteB = await site.open(clock);
    const ownerA = new EngineOwnership(siteA.store, clock, recorder().listener, options);
    const ownerB = new EngineOwnership(siteB.store, clock, recorder().listener, options);
    try {
      await ownerA.start();
      expect((await ownerB.start()).role).toBe('standby');
      await ownerA.stop();
      await ownerB.beat();
      expect(ownerB.state).toEqual({ role: 'owner', fence: 2 });
    } finally {
      await ownerB.stop();
      await siteA.close();
      await siteB.close();
    }
  });
});
