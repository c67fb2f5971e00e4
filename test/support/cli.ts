import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const REPO = resolve(__dirname, '../..');
export const CLI = resolve(REPO, 'bin/clearline.mjs');

export function requireBuild(): void {
  if (!existsSync(resolve(REPO, 'out/main/cli.js'))) throw new Error('integration tests run the built CLI: run `npm run build` first (npm test does)');
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: NodeJS.ProcessEnv;
  input?: string;
  /** Replace the environment instead of extending it (e.g. to drop the D-Bus session). */
  cleanEnv?: boolean;
}

/** Starts the real `clearline` command as a child process. */
export function startCli(args: readonly string[], options: CliOptions = {}): ChildProcess {
  requireBuild();
  const env = options.cleanEnv ? { ...options.env } : { ...process.env, ...options.env };
  return spawn(process.execPath, [CLI, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
}

export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const child = startCli(args, options);
  return collect(child, options.input);
}

export function collect(child: ChildProcess, input?: string): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin?.end(input ?? '');
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
  });
}

/** Extracts the recovery key that init (or recovery-key) printed. */
export function recoveryKeyFrom(output: string): string {
  const match = /CLR1(-[0-9A-Z]{1,5})+/.exec(output);
  if (!match) throw new Error(`no recovery key in output:\n${output}`);
  return match[0];
}
