/**
 * npm run bench:tasks [-- --quick]
 *
 * `tasks.list` at 100,000 open tasks (--quick: 5,000), called as every host calls it — through
 * the dispatcher (session, permission, input validation, the viewer's roles and stand-ins,
 * candidate rules, the output schema) — with the filters the Queues view sends, against a bare
 * indexed SELECT of a page of open tasks on the same encrypted file in the same process.
 *
 * The store gathers the planner's statistics when it opens and every 2,000 commits
 * (PRAGMA optimize): with them the queue's sort orders are read from the indexes of
 * migration 008 and a page stops after 200 rows, instead of sorting every open task.
 *
 * Each figure is the median of repeated calls after a warm-up (up to 25, fewer for a case
 * that takes seconds), printed beside the baseline as a ratio; nothing is asserted (a timed
 * test would fail on a busy machine, a ratio does not).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TaskQuery } from '@shared/contract/work';
import { systemClock } from '../src-main/core/clock/clocks';
import { CoreApp } from '../src-main/core/app/core-app';
import { openSite } from '../src-main/core/site/open-site';
import { unlockSite } from '../src-main/core/site/unlock';
import { sitePaths } from '../src-main/core/site/data-dir';
import { openEncrypted } from '../src-main/core/store/sqlite/connection';
import type { Credential } from '../src-main/core/auth/authenticator';
import { CLERK, KEY_CONTEXT, seedTaskSite, WORKFLOWS } from './seed-tasks';

const quick = process.argv.includes('--quick');
const TASKS = quick ? 5_000 : 100_000;
const REPEAT = quick ? 7 : 25;
const TIME_BUDGET_MS = 5_000;
const origin = { host: 'cli' as const, detail: 'bench' };

type ListInput = Partial<TaskQuery>;

/** The queries of the Queues view: its default, each filter of its filter bar, and the second page. */
const CASES: { label: string; input: ListInput; nextPage?: true; deep?: true }[] = [
  { label: 'available, due first (the default queue)', input: { scope: 'available', sort: 'due', limit: 200 } },
  { label: 'available, second page (cursor)', input: { scope: 'available', sort: 'due', limit: 200 }, nextPage: true },
  { label: 'available, a page 90 % deep (cursor)', input: { scope: 'available', sort: 'due', limit: 200 }, deep: true },
  { label: 'available, highest priority first', input: { scope: 'available', sort: 'priority', limit: 200 } },
  { label: 'available, oldest first', input: { scope: 'available', sort: 'created', limit: 200 } },
  { label: 'available, kind task, one workflow', input: { scope: 'available', kind: 'task', workflow: WORKFLOWS[2], limit: 200 } },
  { label: 'available, overdue only', input: { scope: 'available', overdue: true, limit: 200 } },
  { label: 'available, text "INV-00421"', input: { scope: 'available', text: 'INV-00421', limit: 200 } },
  { label: 'mine (claimed by me)', input: { scope: 'mine', limit: 200 } },
];

/** The baseline: one page of open tasks straight from the index on (status, due_at, priority), no joins, no rules. */
const BARE_SELECT = "SELECT id, title, due_at, priority FROM tasks WHERE status = 'open' ORDER BY due_at, priority LIMIT 201";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Median of up to REPEAT calls after a warm-up; slow cases stop after TIME_BUDGET_MS (at least 3 calls). */
async function timed(run: () => Promise<unknown> | unknown): Promise<number> {
  await run();
  const times: number[] = [];
  const started = performance.now();
  while (times.length < REPEAT && (times.length < 3 || performance.now() - started < TIME_BUDGET_MS)) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return median(times);
}

type Figures = Map<string, { rows: number; ms: number }>;

/** The cursor of the task 90 % of the way down the queue in due order: a page someone scrolled far to. */
const DEEP_CURSOR = `SELECT coalesce(due_at, '9999') || '|' || id AS cursor FROM tasks WHERE status IN ('open', 'claimed')
  ORDER BY coalesce(due_at, '9999'), id LIMIT 1 OFFSET ?`;

/** Every case of CASES through the dispatcher, as the clerk. */
async function listCases(app: CoreApp, deepCursor: string): Promise<Figures> {
  const call = async <T>(op: string, input: unknown, credential?: Credential): Promise<T> => {
    const result = await app.dispatch({ op, input, credential, origin });
    if (!result.ok) throw new Error(`${op}: ${result.error.message}`);
    return result.value as T;
  };
  const signedIn = await app.dispatch({ op: 'session.signIn', input: { username: CLERK.username, password: CLERK.password }, origin });
  if (!signedIn.ok || !signedIn.session || !('set' in signedIn.session)) throw new Error('the clerk could not sign in');
  const clerk: Credential = { kind: 'session', token: signedIn.session.set.token };
  const figures: Figures = new Map();
  for (const c of CASES) {
    let input: ListInput = c.input;
    if (c.nextPage) {
      const first = await call<{ nextCursor: string | null }>('tasks.list', c.input, clerk);
      if (!first.nextCursor) throw new Error(`${c.label}: the first page has no next page`);
      input = { ...c.input, cursor: first.nextCursor };
    }
    if (c.deep) input = { ...c.input, cursor: deepCursor };
    let rows = 0;
    const ms = await timed(async () => {
      rows = (await call<{ items: unknown[] }>('tasks.list', input, clerk)).items.length;
    });
    figures.set(c.label, { rows, ms });
  }
  return figures;
}

async function withCore<T>(dataDir: string, work: (app: CoreApp) => Promise<T>): Promise<T> {
  const app = await CoreApp.start({ site: await openSite(sitePaths(dataDir), KEY_CONTEXT, systemClock), clock: systemClock, ownership: false, log: () => {} });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'clearline-bench-tasks-'));
  try {
    process.stdout.write(`tasks.list benchmark${quick ? ' (quick)' : ''}: seeding ${TASKS} open tasks in an encrypted site in ${dir}\n`);
    const seedStarted = performance.now();
    const seeded = await seedTaskSite(dir, TASKS);
    process.stdout.write(`seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s\n`);

    // The baseline, on its own connection to the same file (read-only).
    const { key } = await unlockSite(sitePaths(seeded.dataDir), KEY_CONTEXT);
    const database = sitePaths(seeded.dataDir).database;
    const raw = openEncrypted(database, key, { readonly: true });
    const bare = raw.prepare(BARE_SELECT);
    const baselineMs = await timed(() => bare.all());
    const plan = (raw.prepare(`EXPLAIN QUERY PLAN ${BARE_SELECT}`).all() as { detail: string }[]).map((r) => r.detail).join('; ');
    const deepCursor = (raw.prepare(DEEP_CURSOR).get(Math.floor(TASKS * 0.9)) as { cursor: string }).cursor;
    raw.close();
    process.stdout.write(`baseline: bare indexed SELECT of 201 open tasks: ${baselineMs.toFixed(2)} ms (median) [plan: ${plan}]\n`);

    const measured = await withCore(seeded.dataDir, (app) => listCases(app, deepCursor));

    const ratio = (ms: number) => `${(ms / baselineMs).toFixed(1).padStart(7)} ×`;
    process.stdout.write(`\n${'tasks.list, as the clerk'.padEnd(44)} rows  ${'median'.padStart(22)}\n`);
    for (const c of CASES) {
      const a = measured.get(c.label);
      if (!a) continue;
      process.stdout.write(`${c.label.padEnd(44)} ${String(a.rows).padStart(4)}  ${a.ms.toFixed(2).padStart(9)} ms ${ratio(a.ms)}\n`);
    }
    process.stdout.write('(× = times the bare indexed SELECT, measured in the same process on the same file)\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
