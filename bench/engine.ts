/**
 * npm run bench:engine [-- --quick]
 *
 * The engine on an encrypted store (SQLCipher, WAL, synchronous=FULL), run as the desktop
 * app and `serve` run it: in a worker thread, driven from the main thread through the typed
 * protocol. Workflow A: 3 sequential task steps, then 4 parallel task steps joined.
 * Workflow B: A plus a decision table. Tasks call the diagnostic echo connector, so the
 * figures measure the engine and the store, not a network.
 *
 * Everything is printed beside a baseline measured in the same run on the same file
 * settings: raw single-row commits per second and fsync time, and the engine's step
 * transitions per raw commit (targets: ≥ 0.5 at 1 instance, ≥ 5 at 100).
 */
import { fsyncSync, mkdtempSync, openSync, closeSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { systemClock } from '../src-main/core/clock/clocks';
import { CoreApp } from '../src-main/core/app/core-app';
import { initSite } from '../src-main/core/maintenance/init-site';
import { openSite } from '../src-main/core/site/open-site';
import { sitePaths } from '../src-main/core/site/data-dir';
import { openEncrypted } from '../src-main/core/store/sqlite/connection';
import { DataKey } from '../src-main/core/keys/data-key';
import { CoreThread } from '../src-main/core/worker/core-thread';
import type { Credential } from '../src-main/core/auth/authenticator';
import type { KeyProviderContext } from '../src-main/core/keys/key-provider';
import type { DispatchResult } from '../src-main/core/dispatch/dispatcher';
import { seedFinishedInstances } from './seed-instances';

const quick = process.argv.includes('--quick');
const FINISHED = quick ? 5_000 : 100_000;
const MEMORY_PHASE = '--memory-phase';
const root = resolve(import.meta.dirname, '..');
const origin = { host: 'cli' as const, detail: 'bench' };
const ctx: KeyProviderContext = { env: process.env, passphrase: async () => '', revealKey: () => {} };

const task = (id: string) => `  - id: ${id}\n    kind: task\n    connector: echo\n    action: echo\n    input: { step: '"${id}"' }\n`;
const branch = (id: string) =>
  `      - steps:\n          - id: ${id}\n            kind: task\n            connector: echo\n            action: echo\n            input: { step: '"${id}"' }\n`;
const WORKFLOW_A = `workflow: bench-a\nname: Benchmark A\nsteps:\n${task('s1')}${task('s2')}${task('s3')}  - id: fan\n    kind: parallel\n    branches:\n${branch('p1')}${branch('p2')}${branch('p3')}${branch('p4')}`;
const WORKFLOW_B =
  WORKFLOW_A.replace('bench-a', 'bench-b').replace('Benchmark A', 'Benchmark B') +
  `  - id: route\n    kind: decision\n    table: bench-route\n    input: { amount: amount }\n    result: route\n`;
const TABLE = `id: bench-route\nhitPolicy: FIRST\ninputs:\n  - expression: amount\noutputs:\n  - name: level\nrules:\n  - when: ['< 1000']\n    then: ['"clerk"']\n  - when: ['< 100000']\n    then: ['"manager"']\n  - when: ['-']\n    then: ['"board"']\n`;
/** Step completions per instance: 3 tasks, 4 branch tasks, the parallel step (and the decision for B). */
const STEPS = { 'bench-a': 8, 'bench-b': 9 } as const;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Tokens: the runner (a clerk) starts instances; the auditor reads the trail for step latencies. */
async function prepare(dir: string): Promise<{ token: string; auditToken: string; keyFile: string }> {
  const paths = sitePaths(join(dir, 'site'));
  const keyFile = join(dir, 'data.key');
  await initSite({ paths, siteName: 'Benchmark', provider: { kind: 'keyfile', path: keyFile }, ctx, clock: systemClock });
  const app = await CoreApp.start({ site: await openSite(paths, ctx, systemClock), clock: systemClock, ownership: false, log: () => {} });
  const call = async (op: string, input: unknown, credential?: Credential) => {
    const r = await app.dispatch({ op, input, credential, origin });
    if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
    return r;
  };
  await call('setup.createFirstAdmin', {
    setupToken: await app.services.setup.issueToken(),
    username: 'bench',
    displayName: 'Bench Admin',
    password: 'Temporary-Root-Pass-1',
  });
  const signIn = (await call('session.signIn', { username: 'bench', password: 'Temporary-Root-Pass-1' })) as DispatchResult & {
    session: { set: { token: string } };
  };
  const admin: Credential = { kind: 'session', token: signIn.session.set.token };
  await call('session.changePassword', { currentPassword: 'Temporary-Root-Pass-1', newPassword: 'Lighthouse-Quarry-7731' }, admin);
  await call('connectors.save', { name: 'echo', type: 'echo', config: {} }, admin);
  for (const [file, text] of [
    ['route.yaml', TABLE],
    ['a.yaml', WORKFLOW_A],
    ['b.yaml', WORKFLOW_B],
  ] as const) {
    const r = (await call('workflows.deploy', { file, text }, admin)) as DispatchResult & { value: { outcome: string; problems: unknown[] } };
    if (r.value.outcome === 'invalid') throw new Error(`${file}: ${JSON.stringify(r.value.problems)}`);
  }
  await call('users.create', { username: 'runner', displayName: 'Bench Runner', roles: ['clerk'], temporaryPassword: 'Temporary-Pass-123' }, admin);
  const users = (await call('users.list', {}, admin)) as DispatchResult & { value: { items: { id: string; username: string }[] } };
  const runner = users.value.items.find((u) => u.username === 'runner');
  const issued = (await call('tokens.issue', { userId: runner?.id, name: 'bench', expiresInDays: 1 }, admin)) as DispatchResult & { value: { token: string } };
  await call('users.create', { username: 'reader', displayName: 'Bench Auditor', roles: ['auditor'], temporaryPassword: 'Temporary-Pass-123' }, admin);
  const all = (await call('users.list', {}, admin)) as DispatchResult & { value: { items: { id: string; username: string }[] } };
  const reader = all.value.items.find((u) => u.username === 'reader');
  const audit = (await call('tokens.issue', { userId: reader?.id, name: 'bench', expiresInDays: 1 }, admin)) as DispatchResult & { value: { token: string } };
  await app.close();
  return { token: issued.value.token, auditToken: audit.value.token, keyFile };
}

/** Tables an engine-sized commit writes one row into: one page each, as a transition dirties 14–18 pages. */
const WIDE_PAGES = 16;

/**
 * Single-row commits on a fresh file with the same cipher, journal and sync settings, and a
 * bare fsync; then commits that write one row into each of WIDE_PAGES tables, which is what
 * a commit costs by the pages it writes (each encrypted, authenticated and synced).
 */
function baseline(dir: string, seconds: number): { commitsPerSecond: number; fsyncMs: number; widePerSecond: number } {
  const key = DataKey.generate();
  const db = openEncrypted(join(dir, 'baseline.db'), key, { create: true });
  for (let t = 0; t < WIDE_PAGES; t++) db.exec(`CREATE TABLE rows${t} (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)`);
  const inserts = Array.from({ length: WIDE_PAGES }, (_, t) => db.prepare(`INSERT INTO rows${t} (payload) VALUES (?)`));
  const payload = 'x'.repeat(600);
  const rate = (commit: () => void) => {
    let commits = 0;
    const started = performance.now();
    while (performance.now() - started < seconds * 1000) {
      commit();
      commits += 1;
    }
    return commits / ((performance.now() - started) / 1000);
  };
  const commitsPerSecond = rate(() => inserts[0]?.run(payload));
  const wide = db.transaction(() => {
    for (const insert of inserts) insert.run(payload);
  });
  const widePerSecond = rate(() => wide());
  db.close();
  const fd = openSync(join(dir, 'fsync.bin'), 'w');
  const block = Buffer.alloc(4096, 1);
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    writeSync(fd, block);
    const t = performance.now();
    fsyncSync(fd);
    times.push(performance.now() - t);
  }
  closeSync(fd);
  times.sort((a, b) => a - b);
  return { commitsPerSecond, fsyncMs: percentile(times, 50), widePerSecond };
}

interface RunResult {
  workflow: string;
  concurrency: number;
  completed: number;
  seconds: number;
  workflowsPerSecond: number;
  transitionsPerSecond: number;
  stepP50: number;
  stepP99: number;
}

async function run(
  core: CoreThread,
  token: string,
  auditToken: string,
  workflow: 'bench-a' | 'bench-b',
  concurrency: number,
  total: number,
): Promise<RunResult> {
  const credential: Credential = { kind: 'access-token', token };
  const done = new Map<string, () => void>();
  const unsubscribe = core.subscribe((event) => {
    if (event.topic !== 'instances.changed') return;
    const payload = event.payload as { instanceId: string; status: string };
    if (payload.status === 'completed') done.get(payload.instanceId)?.();
  });
  const ids: string[] = [];
  let started = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (started < total) {
      started += 1;
      const finished = new Promise<void>((resolveDone) => {
        const r = core.call({ op: 'instances.start', input: { workflow, input: { amount: 5000 + started } }, credential, origin });
        void r.then((result) => {
          if (!result.ok) throw new Error(result.error.message);
          const id = (result.value as { instanceId: string }).instanceId;
          ids.push(id);
          done.set(id, resolveDone);
        });
      });
      await finished;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  unsubscribe();

  // Step latency from the audit trail: effect requested → step completed, per step run.
  const latencies: number[] = [];
  for (const id of ids.slice(0, 40)) {
    const r = await core.call({
      op: 'audit.search',
      input: { subjectType: 'instance', subjectId: id, limit: 200 },
      credential: { kind: 'access-token', token: auditToken },
      origin,
    });
    if (!r.ok) throw new Error(`audit.search: ${r.error.message}`);
    const requested = new Map<string, number>();
    for (const e of (r.value as { items: { action: string; at: string; payload: { activation?: string } }[] }).items.reverse()) {
      if (e.action === 'effect.requested' && e.payload.activation) requested.set(e.payload.activation, Date.parse(e.at));
      if (e.action === 'step.completed' && e.payload.activation && requested.has(e.payload.activation))
        latencies.push(Date.parse(e.at) - (requested.get(e.payload.activation) as number));
    }
  }
  latencies.sort((a, b) => a - b);
  return {
    workflow,
    concurrency,
    completed: total,
    seconds,
    workflowsPerSecond: total / seconds,
    transitionsPerSecond: (total * STEPS[workflow]) / seconds,
    stepP50: percentile(latencies, 50),
    stepP99: percentile(latencies, 99),
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'clearline-bench-'));
  try {
    process.stdout.write(`engine benchmark${quick ? ' (quick)' : ''}: preparing an encrypted site in ${dir}\n`);
    const { token, auditToken } = await prepare(dir);
    const raw = baseline(dir, quick ? 1 : 3);
    process.stdout.write(
      `baseline: ${raw.commitsPerSecond.toFixed(0)} raw single-row commits/s, fsync p50 ${raw.fsyncMs.toFixed(2)} ms (same cipher, WAL, synchronous=FULL)\n` +
        `baseline: ${raw.widePerSecond.toFixed(0)} commits/s writing one row in each of ${WIDE_PAGES} tables: ${(raw.commitsPerSecond / raw.widePerSecond).toFixed(1)} raw commits each\n`,
    );

    const workerUrl = pathToFileURL(resolve(root, 'out/main/core-worker.js'));
    const core = await CoreThread.start(
      workerUrl,
      { dataDir: join(dir, 'site'), ownership: { ttlMs: 60_000, heartbeatMs: 10_000 }, issueSetupToken: false },
      { prompt: async () => '', log: () => {} },
    );
    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    const plan: [number, number][] = quick
      ? [
          [1, 20],
          [10, 60],
          [100, 200],
        ]
      : [
          [1, 100],
          [10, 500],
          [100, 2000],
        ];
    const results: RunResult[] = [];
    for (const workflow of ['bench-a', 'bench-b'] as const) {
      for (const [concurrency, total] of plan) {
        const r = await run(core, token, auditToken, workflow, concurrency, total);
        results.push(r);
        const perCommit = r.transitionsPerSecond / raw.commitsPerSecond;
        const target = concurrency === 1 ? 0.5 : concurrency === 100 ? 5 : null;
        process.stdout.write(
          `${workflow} × ${String(concurrency).padStart(3)}: ${r.workflowsPerSecond.toFixed(1)} workflows/s, ${r.transitionsPerSecond.toFixed(0)} step transitions/s, ` +
            `step p50 ${r.stepP50} ms p99 ${r.stepP99} ms, ${perCommit.toFixed(2)} transitions per raw commit${target ? ` (target ≥ ${target}: ${perCommit >= target ? 'met' : 'NOT met'})` : ''}\n`,
        );
      }
    }
    loop.disable();
    const p99 = loop.percentile(99) / 1e6;
    process.stdout.write(`main-thread event-loop delay p99 over all runs: ${p99.toFixed(1)} ms (target < 20 ms: ${p99 < 20 ? 'met' : 'NOT met'})\n`);
    await core.close();

    await seedFinishedInstances(join(dir, 'site'), ctx, FINISHED);
    // Measured in a fresh process, as a console started on that store would be: this one
    // still holds what the runs above and the seeding allocated.
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), MEMORY_PHASE, dir, ...(quick ? ['--quick'] : [])], {
      stdio: 'inherit',
      env: { ...process.env, BENCH_TOKEN: token, BENCH_AUDIT_TOKEN: auditToken },
    });
    if (child.status !== 0) throw new Error(`the memory phase failed (exit ${child.status})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The memory target: a fresh process opens the store holding FINISHED finished instances and runs 100 concurrent workflows. */
async function memoryPhase(dir: string): Promise<void> {
  const core = await CoreThread.start(
    pathToFileURL(resolve(root, 'out/main/core-worker.js')),
    { dataDir: join(dir, 'site'), ownership: { ttlMs: 60_000, heartbeatMs: 10_000 }, issueSetupToken: false },
    { prompt: async () => '', log: () => {} },
  );
  await run(core, process.env.BENCH_TOKEN ?? '', process.env.BENCH_AUDIT_TOKEN ?? '', 'bench-a', 100, quick ? 100 : 1000);
  const rssMb = process.memoryUsage().rss / 1024 / 1024;
  process.stdout.write(
    `resident memory of a fresh process with ${FINISHED} finished instances in the store, after a run: ${rssMb.toFixed(0)} MB (target < 300 MB: ${rssMb < 300 ? 'met' : 'NOT met'})\n`,
  );
  await core.close();
}

const memoryDir = process.argv.indexOf(MEMORY_PHASE);
if (memoryDir >= 0) await memoryPhase(process.argv[memoryDir + 1] as string);
else await main();
