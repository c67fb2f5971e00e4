/**
 * npm run bench:audit [-- --quick]
 *
 * The audit trail on an encrypted store (SQLCipher, WAL, synchronous=FULL): how fast events
 * are appended (canonical JSON, SHA-256 chain hash, insert; 500 events per unit of work, so
 * the figure is the trail's own cost rather than one fsync per event), how fast a full
 * verification reads them back (every hash recomputed and linked, the Merkle tree rebuilt
 * and compared with the signed checkpoints), and how fast the background indexer makes them
 * searchable, and how fast a signed period report of every event is exported (with the
 * process's peak memory growth meanwhile). Each rate is printed as a ratio to bare SHA-256 over the same canonical bytes
 * of the same events, measured in the same run: the floor no implementation goes below.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { canonicalJson } from '@shared/domain/canonical-json';
import { hashedFields, type AuditRecord } from '@shared/domain/audit';
import { toTimestamp } from '@shared/domain/time';
import { systemClock } from '../src-main/core/clock/clocks';
import { CoreApp } from '../src-main/core/app/core-app';
import { initSite } from '../src-main/core/maintenance/init-site';
import { openSite } from '../src-main/core/site/open-site';
import { sitePaths } from '../src-main/core/site/data-dir';
import { catchUpSearchIndex } from '../src-main/core/audit/search-indexer';
import type { KeyProviderContext } from '../src-main/core/keys/key-provider';

const quick = process.argv.includes('--quick');
const EVENTS = quick ? 20_000 : 200_000;
const PER_UNIT = 500;
const ctx: KeyProviderContext = { env: process.env, passphrase: async () => '', revealKey: () => {} };
const bench = { kind: 'user' as const, userId: 'bench', username: 'bench' };

/** An event as the engine writes them: an instance step with a small structured payload. */
function record(i: number): AuditRecord {
  return {
    actor: { kind: 'system', component: 'engine' },
    action: i % 4 === 0 ? 'decision.evaluated' : 'step.completed',
    subject: { type: 'instance', id: `inst-${i % 997}` },
    payload: { step: `s${i % 9}`, amount: { value: `${i}.50`, currency: 'EUR' }, note: `booking ${i} for Müller GmbH, invoice INV-${i}` },
  };
}

const rate = (events: number, ms: number) => events / (ms / 1000);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'clearline-bench-audit-'));
  try {
    const paths = sitePaths(join(dir, 'site'));
    await initSite({ paths, siteName: 'Benchmark', provider: { kind: 'keyfile', path: join(dir, 'data.key') }, ctx, clock: systemClock });
    const app = await CoreApp.start({ site: await openSite(paths, ctx, systemClock), clock: systemClock, ownership: false, log: () => {} });
    const store = app.site.store;
    try {
      const before = await store.read((tx) => tx.trail.size());

      let start = performance.now();
      for (let done = 0; done < EVENTS; done += PER_UNIT) {
        await store.unit(async (tx) => {
          const at = toTimestamp(systemClock.now());
          for (let i = done; i < Math.min(EVENTS, done + PER_UNIT); i++) await tx.audit.append(record(i), at);
        });
        // Checkpoints as a site makes them, so that verification compares the tree with several.
        if ((done + PER_UNIT) % (EVENTS / 4) === 0) await app.services.evidence.createCheckpoint(bench);
      }
      const appendMs = performance.now() - start;
      const total = await store.read((tx) => tx.trail.size());

      // The same bytes the chain hashes: each event's RFC 8785 canonical JSON.
      const bytes: Buffer[] = [];
      for (let after = 0; after < total;) {
        const page = await store.read((tx) => tx.trail.select({}, after, 10_000));
        for (const { hash: _hash, ...event } of page) bytes.push(Buffer.from(canonicalJson(hashedFields(event)), 'utf8'));
        after = page.at(-1)?.seq ?? total;
      }
      start = performance.now();
      for (const b of bytes) createHash('sha256').update(b).digest();
      const shaMs = performance.now() - start;
      const megabytes = bytes.reduce((n, b) => n + b.length, 0) / 1e6;

      start = performance.now();
      const verdict = await app.services.evidence.verify();
      const verifyMs = performance.now() - start;
      if (!verdict.ok) throw new Error(`the benchmark trail does not verify: ${JSON.stringify(verdict.firstBad ?? verdict.checkpoints.problems)}`);

      start = performance.now();
      const indexed = await catchUpSearchIndex(store);
      const indexMs = performance.now() - start;

      // A signed period report of every event: streamed, so memory stays flat whatever the size.
      const rssBefore = process.memoryUsage().rss;
      let rssPeak = rssBefore;
      start = performance.now();
      const { jobId } = await app.services.reports.export(bench, {
        kind: 'period',
        from: toTimestamp(Date.UTC(2000, 0, 1)),
        to: toTimestamp(Date.UTC(2100, 0, 1)),
        targetDir: join(dir, 'report'),
      });
      let job = await app.services.reports.get(jobId);
      while (job.status === 'running') {
        rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
        await new Promise((resolve) => setTimeout(resolve, 100));
        job = await app.services.reports.get(jobId);
      }
      const exportMs = performance.now() - start;
      if (job.status !== 'done') throw new Error(`the benchmark export ${job.status}: ${job.error}`);

      const sha = rate(total, shaMs);
      const line = (label: string, events: number, ms: number) =>
        `  ${label.padEnd(52)} ${fmt(rate(events, ms)).padStart(12)} events/s   ratio ${(rate(events, ms) / sha).toFixed(4)}`;
      process.stdout.write(
        [
          `audit trail benchmark${quick ? ' (--quick)' : ''}: ${fmt(EVENTS)} events appended to ${fmt(before)}, ${megabytes.toFixed(1)} MB of canonical JSON`,
          `  ${'bare SHA-256 of the same canonical bytes (baseline)'.padEnd(52)} ${fmt(sha).padStart(12)} events/s   ratio 1.0000`,
          line(`append (${PER_UNIT} events per unit of work)`, EVENTS, appendMs),
          line(`full verification (chain, tree, ${verdict.checkpoints.count} checkpoints)`, total, verifyMs),
          line('full-text indexing (background catch-up)', indexed, indexMs),
          line(`signed period report of every event (peak RSS +${Math.round((rssPeak - rssBefore) / 1e6)} MB)`, job.eventCount ?? 0, exportMs),
          '',
        ].join('\n'),
      );
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
