import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '../../src-main/core/clock/clocks';
import { useTempDirs } from '../support/temp';
import { runCli } from '../support/cli';
import { createTestSite, testKeyContext, type TestSite } from '../support/site';
import { startTestCoreOn } from '../support/core';
import { startServe, type Served } from '../support/serve';
import { openSite } from '../../src-main/core/site/open-site';

const tempDir = useTempDirs();

/** A payment API on loopback that deduplicates by Idempotency-Key, as a bank's API does; and a legacy one that cannot. */
class TestBank {
  readonly processed = new Map<string, number>();
  readonly duplicates: string[] = [];
  legacyRequests = 0;
  private legacyArrived: (() => void) | null = null;
  private server: Server | null = null;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (c: Buffer) => (body += c.toString()));
      request.on('end', () => {
        if (request.url === '/legacy/notify') {
          this.legacyRequests += 1;
          this.legacyArrived?.();
          // Slow on purpose: the console is killed while this call is in flight.
          setTimeout(() => response.writeHead(200, { 'content-type': 'application/json' }).end('{"notified":true}'), 3000);
          return;
        }
        const key = request.headers['idempotency-key'] as string;
        if (this.processed.has(key)) this.duplicates.push(key);
        else this.processed.set(key, this.processed.size + 1);
        setTimeout(
          () => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ paid: key, body: JSON.parse(body || 'null') })),
          10 + Math.random() * 60,
        );
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server?.address() as AddressInfo).port;
  }

  whenLegacyArrives(): Promise<void> {
    return new Promise((resolve) => (this.legacyArrived = resolve));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

const bank = new TestBank();
beforeAll(() => bank.start());
afterAll(() => bank.stop());

const PAY_WORKFLOW = `workflow: pay
name: Pay in steps
steps:
  - id: reserve
    kind: task
    connector: bank
    action: post
    input: { path: '"/pay"', body: { step: '"reserve"', order: order } }
  - id: debit
    kind: task
    connector: bank
    action: post
    input: { path: '"/pay"', body: { step: '"debit"', order: order } }
  - id: credit
    kind: task
    connector: bank
    action: post
    input: { path: '"/pay"', body: { step: '"credit"', order: order } }
  - id: notify
    kind: parallel
    branches:
      - steps:
          - id: advice
            kind: task
            connector: bank
            action: post
            input: { path: '"/pay"', body: { step: '"advice"', order: order } }
      - steps:
          - id: ledger
            kind: task
            connector: bank
            action: post
            input: { path: '"/pay"', body: { step: '"ledger"', order: order } }
  - id: done
    kind: set
    set: { finished: true }
`;

const LEGACY_WORKFLOW = `workflow: legacy
name: Notify a system that cannot deduplicate
steps:
  - id: notify
    kind: task
    connector: legacy
    action: post
    input: { path: '"/legacy/notify"', body: { order: order } }
`;

async function prepareSite(dir: string): Promise<{ site: TestSite; cli: (args: string[]) => ReturnType<typeof runCli> }> {
  const site = await createTestSite(dir);
  const adminToken = await startTestCoreOn(site);
  const base = ['--data-dir', site.paths.dataDir];
  const asAdmin = (args: string[]) => runCli([...base, ...args], { env: { CLEARLINE_TOKEN: adminToken } });
  const write = (name: string, value: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
    return file;
  };
  const bankConfig = { baseUrl: `http://127.0.0.1:${bank.port}`, allowedHosts: [`127.0.0.1:${bank.port}`], idempotencyHeader: 'Idempotency-Key' };
  expect((await asAdmin(['connector', 'save', 'bank', '--type', 'http', '--config', write('bank.json', bankConfig)])).code).toBe(0);
  const legacyConfig = { baseUrl: `http://127.0.0.1:${bank.port}`, allowedHosts: [`127.0.0.1:${bank.port}`] };
  expect((await asAdmin(['connector', 'save', 'legacy', '--type', 'http', '--config', write('legacy.json', legacyConfig)])).code).toBe(0);
  const deployed = await asAdmin(['deploy', write('pay.yaml', PAY_WORKFLOW), write('legacy.yaml', LEGACY_WORKFLOW)]);
  expect(deployed.code, deployed.stdout + deployed.stderr).toBe(0);
  expect(
    (await asAdmin(['user', 'add', 'starter', '--name', 'Sam Starter', '--role', 'clerk', '--password-file', write('pw', 'Temporary-Pass-123')])).code,
  ).toBe(0);
  const issued = await asAdmin(['token', 'issue', 'starter', '--name', 'crash test']);
  const starterToken = /\n(clp_\S+)/.exec(issued.stdout)?.[1] as string;
  return { site, cli: (args) => runCli([...base, ...args], { env: { CLEARLINE_TOKEN: starterToken } }) };
}

async function statuses(site: TestSite): Promise<{ status: Map<string, string>; completions: Map<string, number> }> {
  const open = await openSite(site.paths, testKeyContext(), systemClock);
  try {
    return await open.store.read(async (tx) => {
      const rows = await tx.instances.search({ limit: 500 });
      const completions = new Map<string, number>();
      for (const row of rows) {
        const events = await tx.audit.search({ subjectType: 'instance', subjectId: row.id, action: 'instance.completed', limit: 10 });
        completions.set(row.id, events.length);
      }
      return { status: new Map(rows.map((r) => [r.id, r.status])), completions };
    });
  } finally {
    await open.close();
  }
}

const LEASE = { CLEARLINE_ENGINE_LEASE_MS: '800' };

describe('crash safety (SIGKILL of the engine owner)', () => {
  it('loses no instance and performs no effect twice across 20 random kills', async () => {
    const dir = tempDir();
    const { site, cli } = await prepareSite(dir);
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const started = await cli(['start', 'pay', '--input', writeInput(dir, i)]);
      expect(started.code, started.stderr).toBe(0);
      ids.push(started.stdout.trim());
    }

    for (let round = 0; round < 20; round++) {
      const served: Served = await startServe(site.paths.dataDir, LEASE);
      await served.waitFor(/owns the engine \(fencing token/, 10_000);
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 400));
      served.child.kill('SIGKILL');
      await new Promise((r) => served.child.once('exit', r));
    }

    const last = await startServe(site.paths.dataDir, LEASE);
    try {
      const deadline = Date.now() + 60_000;
      let state = await statuses(site);
      while ([...state.status.values()].some((s) => s !== 'completed') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 300));
        state = await statuses(site);
      }
      expect(
        [...state.status.entries()].filter(([, s]) => s !== 'completed'),
        last.output(),
      ).toEqual([]);
      expect([...state.completions.values()]).toEqual(ids.map(() => 1));
    } finally {
      await last.stop();
    }
    // Each effect has a key instance:activation:attempt; the bank did each exactly once.
    expect(bank.processed.size).toBe(ids.length * 5);
    for (const id of ids) expect([...bank.processed.keys()].filter((k) => k.startsWith(`${id}:`))).toHaveLength(5);
  }, 300_000);

  it('turns a call to a system without idempotency, in flight at the crash, into an in-doubt incident and never sends it again', async () => {
    const dir = tempDir();
    const { site, cli } = await prepareSite(dir);
    const before = bank.legacyRequests;
    const arrived = bank.whenLegacyArrives();
    const started = await cli(['start', 'legacy', '--input', writeInput(dir, 99)]);
    const id = started.stdout.trim();
    const first = await startServe(site.paths.dataDir, LEASE);
    await arrived;
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const second = await startServe(site.paths.dataDir, LEASE);
    try {
      const deadline = Date.now() + 20_000;
      let status = (await statuses(site)).status.get(id);
      while (status !== 'incident' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        status = (await statuses(site)).status.get(id);
      }
      expect(status, second.output()).toBe('incident');
      const detail = JSON.parse((await cli(['instance', id])).stdout);
      expect(detail.incidents[0]).toMatchObject({ type: 'in-doubt', step: 'notify', status: 'open', error: { code: 'IN_DOUBT' } });
      expect(detail.steps.notify.state).toBe('in-doubt');
      await new Promise((r) => setTimeout(r, 1000));
      expect(bank.legacyRequests - before).toBe(1);
    } finally {
      await second.stop();
    }
  }, 300_000);
});

function writeInput(dir: string, i: number): string {
  const file = join(dir, `input-${i}.json`);
  writeFileSync(file, JSON.stringify({ order: `PO-${1000 + i}` }));
  return file;
}
