import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTempDirs } from '../support/temp';
import { runCli } from '../support/cli';
import { startServe } from '../support/serve';

const tempDir = useTempDirs();
const LEASE = { CLEARLINE_ENGINE_LEASE_MS: '1500' };

async function ownerPid(dataDir: string): Promise<number | null> {
  const doctor = await runCli(['--data-dir', dataDir, 'doctor', '--json']);
  const engine = (JSON.parse(doctor.stdout) as { name: string; detail: string }[]).find((c) => c.name === 'engine owner');
  const match = /^owned by .* \(pid (\d+) on /.exec(engine?.detail ?? '');
  return match ? Number(match[1]) : null;
}

describe('one engine owner per data folder, across processes', () => {
  it('runs one engine for two consoles; after kill -9 of the owner the other takes over once the lease expires', async () => {
    const dir = tempDir();
    const dataDir = join(dir, 'site');
    expect((await runCli(['--data-dir', dataDir, 'init', '--key-provider', 'keyfile', '--key-file', join(dir, 'key')])).code).toBe(0);
    const a = await startServe(dataDir, LEASE);
    const b = await startServe(dataDir, LEASE);
    try {
      expect(a.output()).toContain('Engine: this process owns the engine.');
      expect(b.output()).toContain('Engine: standby');
      expect(await ownerPid(dataDir)).toBe(a.child.pid);

      await new Promise((r) => setTimeout(r, 3000));
      expect(b.output()).not.toMatch(/owns the engine \(fencing token/);

      a.child.kill('SIGKILL');
      await b.waitFor(/this process owns the engine \(fencing token 2, takeover\)/, 10_000);
      expect(await ownerPid(dataDir)).toBe(b.child.pid);
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('an owner that stalls past its lease finds out on waking and stops its engine; a clean stop hands over at once', async () => {
    const dir = tempDir();
    const dataDir = join(dir, 'site');
    expect((await runCli(['--data-dir', dataDir, 'init', '--key-provider', 'keyfile', '--key-file', join(dir, 'key')])).code).toBe(0);
    const a = await startServe(dataDir, LEASE);
    const b = await startServe(dataDir, LEASE);
    try {
      a.child.kill('SIGSTOP');
      await b.waitFor(/owns the engine \(fencing token 2, takeover\)/, 10_000);
      a.child.kill('SIGCONT');
      await a.waitFor(/ownership ended: another process took over/, 10_000);

      const started = Date.now();
      await b.stop();
      await a.waitFor(/owns the engine \(fencing token 3, takeover\)/, 10_000);
      // Released on stop: no need to wait for expiry (well under one lease + a beat).
      expect(Date.now() - started).toBeLessThan(1500 + 1000);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
