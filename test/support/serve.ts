import type { ChildProcess } from 'node:child_process';
import { startCli } from './cli';

export interface Served {
  child: ChildProcess;
  url: string;
  setupToken: string | null;
  output(): string;
  /** Resolves when stdout or stderr has printed a line matching `pattern`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

/** Starts `clearline serve --port 0` on a data dir and waits until it prints its URL. */
export async function startServe(dataDir: string, env: NodeJS.ProcessEnv = {}, extraArgs: string[] = []): Promise<Served> {
  const child = startCli(['--data-dir', dataDir, 'serve', '--port', '0', ...extraArgs], { env });
  let text = '';
  const waiters = new Set<() => void>();
  const onData = (d: Buffer) => {
    text += d.toString();
    for (const w of waiters) w();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  child.stdin?.end();
  const waitFor = (pattern: RegExp, timeoutMs = 20_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(text);
        if (match) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(match[0]);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`serve did not print ${pattern} within ${timeoutMs} ms; output so far:\n${text}`));
      }, timeoutMs);
      waiters.add(check);
      child.once('exit', () => check());
      check();
    });
  const urlLine = await Promise.race([
    waitFor(/at (http\S+)/),
    new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${text}`)))),
  ]);
  const url = urlLine.replace(/^at /, '');
  const token = /setup token:\s*\n\s*(\S+)/.exec(text)?.[1] ?? null;
  return {
    child,
    url,
    setupToken: token,
    output: () => text,
    waitFor,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A minimal same-origin browser-like client for the HTTP API: cookie jar + CSRF header. */
export class ApiSession {
  private cookie: string | null = null;
  private csrf = '1';

  constructor(private readonly base: string) {}

  async call(op: string, input: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
    const response = await fetch(new URL(`api/${op}`, this.base), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-clearline-csrf': this.csrf, ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
      body: JSON.stringify(input),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = /Max-Age=0/.test(setCookie) ? null : (setCookie.split(';')[0] ?? null);
    const csrf = response.headers.get('x-clearline-csrf-token');
    if (csrf) this.csrf = csrf;
    if (setCookie && /Max-Age=0/.test(setCookie)) this.csrf = '1';
    return { status: response.status, body: await response.json(), headers: response.headers };
  }

  get sessionCookie(): string | null {
    return this.cookie;
  }
}
