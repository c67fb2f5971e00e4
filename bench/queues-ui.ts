/**
 * npm run bench:queues [-- --quick]
 *
 * The Queues view in Chromium against `clearline serve`, with 100,000 open tasks (--quick:
 * 5,000) and with 100, as a clerk sees it: the same build, the same browser, the same
 * gesture. Printed as ratios large ÷ small, never asserted:
 *
 * - first render: from the start of loading #/queues to the first row of the table in the
 *   page (application start, session, the first page of `tasks.list`, the table), median of
 *   several loads after a warm-up;
 * - scrolling: the same scroll gesture (a fixed step every animation frame, turning at the
 *   ends of the list) on both; the intervals between animation frames (16.7 ms is a frame
 *   kept at 60 Hz), the frames Chromium reports as long (≥ 50 ms), and the most rows in the
 *   page at once (the table is virtualized: it stays near a screenful at any size).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CLERK, seedTaskSite } from './seed-tasks';

const quick = process.argv.includes('--quick');
const SMALL = 100;
const LARGE = quick ? 5_000 : 100_000;
const LOADS = quick ? 3 : 7;
const FRAMES = quick ? 120 : 400;
const STEP_PX = 120;
const root = resolve(import.meta.dirname, '..');

/** The little of the browser the in-page probes use (this file compiles without the DOM library). */
interface ScrollBox {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
}
interface PageGlobals {
  document: { querySelector(selector: string): ScrollBox | null; querySelectorAll(selector: string): { length: number } };
  performance: { now(): number };
  requestAnimationFrame(callback: (time: number) => void): number;
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: { childList: boolean; subtree: boolean }): void; disconnect(): void };
  PerformanceObserver: {
    new (callback: (list: { getEntries(): unknown[] }) => void): { observe(options: { type: string }): void; disconnect(): void };
    supportedEntryTypes: readonly string[];
  };
  firstRowAt?: number;
}

interface Measured {
  firstRenderMs: number;
  intervals: number[];
  longFrames: number | null;
  maxRowsInPage: number;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Runs in the page before its scripts: notes when the first row of the queue appears. */
function watchFirstRow(): void {
  const w = globalThis as unknown as PageGlobals;
  const observer = new w.MutationObserver(() => {
    if (w.document.querySelector('tr[data-row]') === null) return;
    w.firstRowAt = w.performance.now();
    observer.disconnect();
  });
  observer.observe(w.document, { childList: true, subtree: true });
}

/** Runs in the page: the scroll gesture, one step per animation frame, and what the frames did. */
async function scrollGesture({ frames, step }: { frames: number; step: number }): Promise<Omit<Measured, 'firstRenderMs'>> {
  const w = globalThis as unknown as PageGlobals;
  const box = w.document.querySelector('[data-testid="queue-scroller"]');
  if (!box) throw new Error('the queue is not on the page');
  const longFramesSupported = w.PerformanceObserver.supportedEntryTypes.includes('long-animation-frame');
  let longFrames = 0;
  const observer = new w.PerformanceObserver((list) => {
    longFrames += list.getEntries().length;
  });
  if (longFramesSupported) observer.observe({ type: 'long-animation-frame' });
  const intervals: number[] = [];
  let maxRowsInPage = 0;
  let direction = 1;
  let last = -1;
  // One step per animation frame (the code after each await runs inside that frame). No named
  // inner functions: the bundler would wrap them in a helper the page does not have.
  for (let i = 0; i < frames; i++) {
    const time = await new Promise<number>((done) => w.requestAnimationFrame(done));
    if (last >= 0) intervals.push(time - last);
    last = time;
    maxRowsInPage = Math.max(maxRowsInPage, w.document.querySelectorAll('tr[data-row]').length);
    const end = box.scrollHeight - box.clientHeight;
    const next = box.scrollTop + step * direction;
    if (next > end || next < 0) direction = -direction;
    box.scrollTop += step * direction;
  }
  observer.disconnect();
  return { intervals, longFrames: longFramesSupported ? longFrames : null, maxRowsInPage };
}

/** `clearline serve` on a seeded site, on a free loopback port. */
async function serve(dataDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [join(root, 'bin/clearline.mjs'), '--data-dir', dataDir, 'serve', '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`clearline serve did not start within 60 s:\n${output}`)), 60_000);
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      const found = /Clearline is serving site ".*" at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
      if (found) {
        clearTimeout(timer);
        done(found);
      }
    });
    child.once('exit', (code) => fail(new Error(`clearline serve exited with ${code}:\n${output}`)));
  });
  return {
    url,
    async stop() {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Signs the clerk in, loads the queue LOADS times (after a warm-up), then scrolls it. */
async function measure(browser: Browser, url: string): Promise<Measured> {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1366, height: 800 }, colorScheme: 'light' });
  try {
    const signedIn = await context.request.post('api/session.signIn', {
      data: { username: CLERK.username, password: CLERK.password },
      headers: { 'x-clearline-csrf': '1' },
    });
    if (!signedIn.ok()) throw new Error(`sign-in failed: ${signedIn.status()} ${await signedIn.text()}`);
    const page = await context.newPage();
    await page.addInitScript(watchFirstRow);
    const firstRender: number[] = [];
    for (let load = 0; load <= LOADS; load++) {
      await page.goto('about:blank');
      await page.goto('/#/queues');
      await page.waitForFunction(() => (globalThis as unknown as PageGlobals).firstRowAt !== undefined, undefined, { timeout: 60_000 });
      const at = await page.evaluate(() => (globalThis as unknown as PageGlobals).firstRowAt as number);
      if (load > 0) firstRender.push(at);
    }
    const scrolled = await page.evaluate(scrollGesture, { frames: FRAMES, step: STEP_PX });
    return { firstRenderMs: percentile(firstRender, 50), ...scrolled };
  } finally {
    await context.close();
  }
}

function line(label: string, small: number, large: number, unit: string): string {
  return `${label.padEnd(42)} ${small.toFixed(1).padStart(8)} ${unit}  ${large.toFixed(1).padStart(8)} ${unit}  ratio ${(large / small).toFixed(2)}\n`;
}

async function main(): Promise<void> {
  for (const file of ['out/main/cli.js', 'out/renderer/index.html']) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: build first (npm run bench:queues does)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'clearline-bench-queues-'));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const results: Record<'small' | 'large', Measured> = {} as Record<'small' | 'large', Measured>;
    for (const [size, count] of [
      ['small', SMALL],
      ['large', LARGE],
    ] as const) {
      process.stdout.write(`queues UI benchmark${quick ? ' (quick)' : ''}: seeding ${count} open tasks …\n`);
      const siteDir = join(dir, size);
      mkdirSync(siteDir);
      const site = await seedTaskSite(siteDir, count);
      const server = await serve(site.dataDir);
      try {
        results[size] = await measure(browser, server.url);
      } finally {
        await server.stop();
      }
    }
    const { small, large } = results;
    process.stdout.write(`\n${''.padEnd(42)} ${`${SMALL} tasks`.padStart(11)}  ${`${LARGE} tasks`.padStart(11)}\n`);
    process.stdout.write(line(`first render (median of ${LOADS})`, small.firstRenderMs, large.firstRenderMs, 'ms'));
    process.stdout.write(line(`scroll frame interval p50 (${FRAMES} frames)`, percentile(small.intervals, 50), percentile(large.intervals, 50), 'ms'));
    process.stdout.write(line('scroll frame interval p95', percentile(small.intervals, 95), percentile(large.intervals, 95), 'ms'));
    process.stdout.write(line('scroll frame interval max', Math.max(...small.intervals), Math.max(...large.intervals), 'ms'));
    if (small.longFrames !== null && large.longFrames !== null)
      process.stdout.write(
        `${'long animation frames (≥ 50 ms)'.padEnd(42)} ${String(small.longFrames).padStart(11)}  ${String(large.longFrames).padStart(11)}\n`,
      );
    process.stdout.write(
      `${'most table rows in the page'.padEnd(42)} ${String(small.maxRowsInPage).padStart(11)}  ${String(large.maxRowsInPage).padStart(11)}  (virtualized)\n`,
    );
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
