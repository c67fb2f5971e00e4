import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../support/temp';
import { createTestSite } from '../support/site';
import { startTestCore, type TestCore } from '../support/core';
import { deployText, start, timeline } from '../support/engine';
import type { OpenSite } from '../../src-main/core/site/open-site';
import type { CoreEvent } from '@shared/contract/events';
import type { DataKey } from '../../src-main/core/keys/data-key';
import { openRaw } from '../support/raw-db';

/**
 * Group commit in the SQLite store on a real SQLCipher file: units submitted together share
 * one durable commit, each in its own savepoint; a unit submitted while that transaction is
 * open joins it. The engine relies on the latter to commit an instance's first transition
 * with the unit that creates it.
 */
const tempDir = useTempDirs();
let core: TestCore | null = null;
let site: OpenSite | null = null;
afterEach(async () => {
  await core?.close();
  await site?.close();
  core = null;
  site = null;
});

const at = () => new Date().toISOString();
const note = (action: string) => ({ actor: { kind: 'system' as const, component: 'test' }, action });

describe('the store', () => {
  it('commits units submitted together once, and rolls back only the unit that failed', async () => {
    site = await (await createTestSite(tempDir())).open();
    const store = site.store;
    const before = store.stats.commits;
    const results = await Promise.allSettled([
      store.unit((tx) => tx.audit.append(note('test.first'), at())),
      store.unit(async (tx) => {
        await tx.audit.append(note('test.refused'), at());
        throw new Error('this unit fails after writing');
      }),
      store.unit((tx) => tx.audit.append(note('test.third'), at())),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(store.stats.commits - before).toBe(1);
    const actions = (await store.read((tx) => tx.audit.search({ limit: 10 }))).map((e) => e.action);
    expect(actions.slice(0, 2)).toEqual(['test.third', 'test.first']);
    expect(actions).not.toContain('test.refused');
  });

  it('publishes what a unit announced once its commit is durable, and nothing of a unit that rolled back', async () => {
    const testSite = await createTestSite(tempDir());
    site = await testSite.open();
    const store = site.store;
    const key: DataKey = testSite.key();
    const database = testSite.paths.database;
    const published: { events: readonly CoreEvent[]; committedSeq: number }[] = [];
    store.onAnnounced((events) => {
      // Read back through a raw connection: what was announced must already be on disk.
      const raw = openRaw(database, key);
      const row = raw.prepare('SELECT max(seq) AS seq FROM audit_events').get() as { seq: number };
      raw.close();
      published.push({ events, committedSeq: row.seq });
    });
    const announce = (id: string): CoreEvent => ({ topic: 'notifications.new', payload: { id, title: id }, audience: { kind: 'user', userId: 'u1' } });
    const results = await Promise.allSettled([
      store.unit(async (tx) => {
        tx.announce(announce('kept'));
        return tx.audit.append(note('test.kept'), at());
      }),
      store.unit(async (tx) => {
        tx.announce(announce('rolled-back'));
        throw new Error('this unit fails after announcing');
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    const kept = (results[0] as PromiseFulfilledResult<{ seq: number }>).value;
    expect(published).toEqual([{ events: [announce('kept')], committedSeq: kept.seq }]);
    await expect(store.read(async (tx) => tx.announce(announce('read')))).rejects.toThrow(/a read cannot announce/);
  });

  it('lets a unit submitted while a transaction is open join it and see what the unit before it wrote', async () => {
    site = await (await createTestSite(tempDir())).open();
    const store = site.store;
    const before = store.stats.commits;
    let follower: Promise<number> | null = null;
    await store.unit(async (tx) => {
      const appended = await tx.audit.append(note('test.leader'), at());
      // Submitted from inside the open transaction, as the engine submits a new instance's first transition.
      follower = store.unit(async (inner) => {
        const head = await inner.audit.head();
        expect(head?.seq).toBe(appended.seq);
        return (await inner.audit.append(note('test.follower'), at())).seq;
      });
    });
    expect(await follower).toBeGreaterThan(0);
    expect(store.stats.commits - before).toBe(1);
  });
});

describe('the engine', () => {
  it('runs the first transition of an instance started in the owner process in the commit that creates it', async () => {
    core = await startTestCore(tempDir(), { engine: true });
    await deployText(core, 'hold.yaml', 'workflow: hold\nname: Hold\nsteps:\n  - id: hold\n    kind: wait\n    signal: { name: go }\n');
    const instanceId = await start(core, 'hold', {});
    // start() resolved when its commit was durable: the first transition is already in it.
    const row = await core.app.site.store.read((tx) => tx.instances.get(instanceId));
    expect(row).toMatchObject({ status: 'waiting', needsWork: false });
    expect((await timeline(core, instanceId)).map((e) => e.action)).toEqual(['instance.created', 'instance.started', 'signal.awaited']);
  });
});
