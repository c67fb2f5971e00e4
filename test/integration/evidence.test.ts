import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEventDetail, AuditStatus, CheckpointRecord, InstanceTimeline } from '@shared/contract/evidence';
import type { AuditEvent, AuditRecord } from '@shared/domain/audit';
import { toTimestamp } from '@shared/domain/time';
import { startTestCore, type TestCore } from '../support/core';
import { openRaw } from '../support/raw-db';
import { useTempDirs } from '../support/temp';

/**
 * The evidence around the trail as the engine owner keeps it: scheduled checkpoints copied
 * to the witness folder, the background verifier's badge, the search index filled behind
 * the trail, an event with its proof, and an instance's decision chain.
 */
const tempDir = useTempDirs();

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function appendEvents(core: TestCore, count: number, make: (i: number) => AuditRecord): Promise<void> {
  await core.app.site.store.unit(async (tx) => {
    for (let i = 0; i < count; i++) await tx.audit.append(make(i), toTimestamp(core.clock.now()));
  });
  core.app.engine.wake();
}

const booking = (i: number): AuditRecord => ({
  actor: { kind: 'system', component: 'evidence-test' },
  action: 'payment.booked',
  subject: { type: 'payment', id: `p-${i}` },
  payload: { amount: { value: `${i}.00`, currency: 'EUR' }, note: i === 7 ? 'Überweisung an Müller GmbH, Rechnung INV-2026-0042' : 'routine booking' },
});

describe('audit evidence in the engine owner', () => {
  it('signs checkpoints on schedule into the witness folder, and the background verifier publishes its verdict', async () => {
    const dir = tempDir();
    const core = await startTestCore(dir, { engine: true });
    try {
      const statuses: { state: string; verifiedUpTo: number }[] = [];
      core.app.events.subscribe((e) => {
        if (e.topic === 'audit.status') statuses.push(e.payload as { state: string; verifiedUpTo: number });
      });
      const witness = join(dir, 'witness');
      mkdirSync(witness);
      await core.ok('evidence.configure', { witnessFolder: witness, schedule: { everyMinutes: 60, everyEvents: 20 }, reason: 'evidence test' }, core.admin);
      await appendEvents(core, 25, booking);
      const scheduled = await until('a scheduled checkpoint', async () => {
        const page = await core.ok<{ items: CheckpointRecord[] }>('checkpoints.list', {}, core.admin);
        return page.items.find((c) => c.trigger === 'schedule' && c.witness.file !== null);
      });
      expect(readdirSync(witness)).toContain(scheduled.witness.file);

      // Time-based: fewer events than everyEvents, but an hour later.
      await appendEvents(core, 3, booking);
      core.clock.advance(61 * 60_000);
      core.app.engine.wake();
      await until('a second scheduled checkpoint', async () => {
        const page = await core.ok<{ items: CheckpointRecord[] }>('checkpoints.list', {}, core.admin);
        return page.items.filter((c) => c.trigger === 'schedule').length >= 2;
      });

      // The verifier: a full round at start, then incremental rounds as time passes.
      core.clock.advance(31_000);
      core.app.engine.wake();
      const status = await until('a verified trail', async () => {
        const s = await core.ok<AuditStatus>('audit.status', {}, core.admin);
        return s.state === 'verified' && s.checkpoints.count >= 2 && s.verifiedUpTo === s.head ? s : null;
      });
      expect(status).toMatchObject({ firstBad: null, witness: { state: 'ok', folder: witness, unwitnessed: 0 }, checkpoints: { ok: true } });
      expect(status.signingKey?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(statuses.some((s) => s.state === 'verified')).toBe(true);

      // The owner fills the full-text index behind the trail, with no search asking for it.
      const head = await core.app.site.store.read((tx) => tx.trail.size());
      core.clock.advance(6_000);
      core.app.engine.wake();
      await until('the search index to catch up', async () => {
        const db = openRaw(core.site.paths.database, core.site.key());
        try {
          return (db.prepare('SELECT indexed_up_to AS n FROM audit_search_progress').get() as { n: number }).n >= head;
        } finally {
          db.close();
        }
      });
    } finally {
      await core.close();
    }
  });

  it('finds text through the index filled behind the trail, and shows an event with its proof', async () => {
    const dir = tempDir();
    const core = await startTestCore(dir);
    try {
      await appendEvents(core, 12, booking);
      // Nothing indexed these events on append: the search catches the index up first.
      const db = openRaw(core.site.paths.database, core.site.key());
      const before = (db.prepare('SELECT indexed_up_to AS n FROM audit_search_progress').get() as { n: number }).n;
      db.close();
      const head = await core.app.site.store.read((tx) => tx.trail.size());
      expect(before).toBeLessThan(head);
      const found = await core.ok<{ items: AuditEvent[] }>('audit.search', { text: 'müller rechn', limit: 10 }, core.admin);
      expect(found.items.map((e) => e.payload.note)).toEqual(['Überweisung an Müller GmbH, Rechnung INV-2026-0042']);
      const byNumber = await core.ok<{ items: AuditEvent[] }>('audit.search', { text: 'INV-2026-0042', limit: 10 }, core.admin);
      expect(byNumber.items).toHaveLength(1);
      const filtered = await core.ok<{ items: AuditEvent[] }>(
        'audit.search',
        { action: 'payment.booked', actor: 'system:evidence-test', limit: 5 },
        core.admin,
      );
      expect(filtered.items).toHaveLength(5);

      const seq = found.items[0]!.seq;
      const unproven = await core.ok<AuditEventDetail>('audit.get', { seq }, core.admin);
      expect(unproven.proof).toBeNull();
      await core.ok('checkpoints.create', {}, core.admin);
      const detail = await core.ok<AuditEventDetail>('audit.get', { seq }, core.admin);
      expect(detail.event.seq).toBe(seq);
      expect(detail.proof).toMatchObject({ verified: true, inclusion: { seq, eventHash: detail.event.hash } });
      const missing = await core.call('audit.get', { seq: 1_000_000 }, core.admin);
      expect(missing.ok).toBe(false);
    } finally {
      await core.close();
    }
  });

  it("tells an instance's decision chain with kinds and one-line summaries", async () => {
    const dir = tempDir();
    const core = await startTestCore(dir);
    try {
      const events = [
        {
          action: 'instance.created',
          subject: { type: 'instance', id: 'inst-9' },
          payload: { workflow: 'payments', version: 3, input: { amount: '1250.00' } },
        },
        {
          action: 'decision.evaluated',
          subject: { type: 'instance', id: 'inst-9' },
          payload: {
            step: 'route',
            table: 'credit-limit',
            version: 2,
            input: { amount: '1250.00' },
            matchedRules: [{ id: 'r2' }],
            result: { route: 'manual' },
          },
        },
        { action: 'approval.approved', subject: { type: 'task', id: 't-1' }, payload: { instance: 'inst-9', level: 1, comment: 'fine' } },
        {
          action: 'effect.requested',
          subject: { type: 'instance', id: 'inst-9' },
          payload: { step: 'book', connector: 'core-banking', action: 'book', attempt: 1, input: {} },
        },
        { action: 'instance.completed', subject: { type: 'instance', id: 'inst-9' }, payload: {} },
        { action: 'payment.booked', subject: { type: 'payment', id: 'other' }, payload: { instance: 'inst-other' } },
      ];
      await appendEvents(core, events.length, (i) => ({
        actor: { kind: 'user', userId: 'u-1', username: 'clerk' },
        ...(events[i] as Omit<AuditRecord, 'actor'>),
      }));
      const timeline = await core.ok<InstanceTimeline>('audit.timeline', { instanceId: 'inst-9' }, core.admin);
      expect(timeline.items.map((e) => e.kind)).toEqual(['input', 'decision', 'approval', 'connector', 'state']);
      expect(timeline.items[1]?.summary).toMatch(/decision table credit-limit v2.*rules r2 matched/);
      expect(timeline.items[1]?.step).toBe('route');
      const page = await core.ok<InstanceTimeline>('audit.timeline', { instanceId: 'inst-9', limit: 2 }, core.admin);
      expect(page.items).toHaveLength(2);
      const rest = await core.ok<InstanceTimeline>('audit.timeline', { instanceId: 'inst-9', cursor: page.nextCursor }, core.admin);
      expect(rest.items.map((e) => e.event.action)).toEqual(['approval.approved', 'effect.requested', 'instance.completed']);
    } finally {
      await core.close();
    }
  });

  it('puts a witness folder change under four-eyes control once the site has two admins, and refuses a missing folder', async () => {
    const dir = tempDir();
    const core = await startTestCore(dir);
    try {
      const missing = await core.call(
        'evidence.configure',
        { witnessFolder: join(dir, 'nowhere'), schedule: { everyMinutes: 60, everyEvents: 100 }, reason: 'test' },
        core.admin,
      );
      expect(JSON.stringify(!missing.ok && missing.error)).toMatch(/witnessFolder.*does not exist/);
      await core.userWith(['admin'], 'second-admin');
      const witness = join(dir, 'witness');
      mkdirSync(witness);
      const pending = await core.ok<{ status: string; changeId: string }>(
        'evidence.configure',
        { witnessFolder: witness, schedule: { everyMinutes: 30, everyEvents: 100 }, reason: 'move the witness' },
        core.admin,
      );
      expect(pending.status).toBe('pending-approval');
      expect((await core.ok<{ witnessFolder: string | null }>('evidence.settings', {}, core.admin)).witnessFolder).toBeNull();
      await core.approveChange(pending.changeId);
      expect((await core.ok<{ witnessFolder: string | null }>('evidence.settings', {}, core.admin)).witnessFolder).toBe(witness);
    } finally {
      await core.close();
    }
  });
});
