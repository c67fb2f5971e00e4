import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base } from '@playwright/test';

const REPO = resolve(import.meta.dirname, '../../..');
const CLI = join(REPO, 'bin/clearline.mjs');
const STARTUP_MS = 60_000;

/** A running `clearline serve` on a fresh site of its own. */
export interface ConsoleServer {
  /** e.g. http://127.0.0.1:41235/ */
  url: string;
  /** The one-time token `serve` printed for the first-run screen. */
  setupToken: string;
  /** Everything the server wrote to stderr so far (its log), for failure messages. */
  log(): string;
}

function requireBuild(): void {
  for (const file of ['out/main/cli.js', 'out/renderer/index.html']) {
    if (!existsSync(join(REPO, file))) throw new Error(`${file} is missing: build first with \`npx electron-vite build\` (npm run test:e2e does)`);
  }
}

function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}

/** Waits for the banner: `Clearline is serving site "…" at http://127.0.0.1:PORT/` and the token line after "setup token:". */
function waitForBanner(child: ChildProcess, stderr: () => string): Promise<{ url: string; setupToken: string }> {
  return new Promise((done, fail) => {
    let stdout = '';
    const timer = setTimeout(() => fail(new Error(`clearline serve did not start within ${STARTUP_MS} ms:\n${stdout}\n${stderr()}`)), STARTUP_MS);
    const onData = (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /Clearline is serving site ".*" at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)?.[1];
      const token = /setup token:\s*\n\s*(\S+)\s*\n/.exec(stdout)?.[1];
      if (url && token) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        done({ url, setupToken: token });
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`clearline serve exited with ${code} before serving:\n${stdout}\n${stderr()}`));
    });
  });
}

/**
 * Creates a site in a temporary folder (key file provider: no keychain or prompt needed),
 * starts `clearline serve --port 0` on it and returns its address and setup token. The
 * returned `stop` kills the server and removes the folder.
 */
export async function startConsole(): Promise<ConsoleServer & { stop(): Promise<void> }> {
  requireBuild();
  const dir = mkdtempSync(join(tmpdir(), 'clearline-e2e-'));
  const dataDir = join(dir, 'site');
  const init = await run(['--data-dir', dataDir, 'init', '--key-provider', 'keyfile', '--key-file', join(dir, 'data.key'), '--site-name', 'E2E Test Bank']);
  if (init.code !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`clearline init failed (${init.code}):\n${init.output}`);
  }
  const child = spawn(process.execPath, [CLI, '--data-dir', dataDir, 'serve', '--port', '0'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timeout);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const banner = await waitForBanner(child, () => stderr);
    return { ...banner, log: () => stderr, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** `server`: a fresh site and `clearline serve` for one test; `baseURL` points the page at it. */
export const test = base.extend<{ server: ConsoleServer }>({
  server: async ({}, use, testInfo) => {
    const server = await startConsole();
    try {
      await use(server);
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('clearline serve log', { body: server.log(), contentType: 'text/plain' });
      await server.stop();
    }
  },
  baseURL: async ({ server }, use) => use(server.url),
});

export { expect } from '@playwright/test';
