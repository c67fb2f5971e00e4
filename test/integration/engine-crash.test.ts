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

/** One arrival of an idempotent payment request at the bank. */
interface Arrival {
  key: string;
  /** What the request asks for: its step and order, the same on every redelivery of one effect. */
  effect: string;
  at: number;
}

/**
 * A payment API on loopback that deduplicates by Idempotency-Key, as a bank's API does; and a
 * legacy one that cannot. Payments answer after 200–500 ms so that a kill of the console
 * finds calls in flight; `open` counts the requests not yet answered.
 */
class TestBank {
  /** Keys the bank applied (first arrival), with the effect each applied. */
  readonly applied = new Map<string, Arrival>();
  /** Later arrivals of an applied key: answered from the first result, never applied again. */
  readonly redeliveries: Arrival[] = [];
  open = 0;
  legacyRequests = 0;
  private legacyArrived: (() => void) | null = null;
  private server: Server | null = null;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      if (request.url === '/pay') {
        this.open += 1;
        response.once('close', () => (this.open -= 1));
      }
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
        const { step, order } = JSON.parse(body || '{}') as { step?: string; order?: string };
        const arrival = { key, effect: `${order}/${step}`, at: Date.now() };
        if (this.applied.has(key)) this.redeliveries.push(arrival);
        else this.applied.set(key, arrival);
        setTimeout(
          () => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ paid: key, step, order })),
          200 + Math.random() * 300,
        );
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server?.address() as AddressInfo).port;
  }

  /** Resolves once at least one payment request is open (arrived, not yet answered). */
  async whenBusy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.open === 0) {
      if (Date.now() > deadline) throw new Error(`no payment request was in flight within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 5));
    }
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
  /** Runs a command as the admin and fails with its output unless it exits 0. */
  const asAdmin = async (args: string[]) => {
    const result = await runCli([...base, ...args], { env: { CLEARLINE_TOKEN: adminToken } });
    expect(result.code, `clearline ${args.join(' ')}:\n${result.stdout}${result.stderr}`).toBe(0);
    return result;
  };
  const write = (name: string, value: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
    return file;
  };
  const bankConfig = { baseUrl: `http://127.0.0.1:${bank.port}`, allowedHosts: [`127.0.0.1:${bank.port}`], idempotencyHeader: 'Idempotency-Key' };
  await asAdmin(['connector', 'save', 'bank', '--type', 'http', '--config', write('bank.json', bankConfig)]);
  const legacyConfig = { baseUrl: `http://127.0.0.1:${bank.port}`, allowedHosts: [`127.0.0.1:${bank.port}`] };
  await asAdmin(['connector', 'save', 'legacy', '--type', 'http', '--config', write('legacy.json', legacyConfig)]);
  await asAdmin(['deploy', write('pay.yaml', PAY_WORKFLOW), write('legacy.yaml', LEGACY_WORKFLOW)]);
  await asAdmin(['user', 'add', 'starter', '--name', 'Sam Starter', '--role', 'clerk', '--password-file', write('pw', 'Temporary-Pass-123')]);
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
const ROUNDS = 20;
const STARTS_PER_ROUND = 2;
const PAY_STEPS = ['reserve', 'debit', 'credit', 'advice', 'ledger'];

describe('crash safety (SIGKILL of the engine owner)', () => {
  it('loses no instance and performs no effect twice across 20 kills, each landing while payments are in flight', async () => {
    const dir = tempDir();
    const { site, cli } = await prepareSite(dir);
    const ids: string[] = [];
    /** When each kill was sent, and how many payment requests the bank had open at that moment. */
    const kills: { at: number; open: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // New work every round, queued while no owner is alive: the next owner has it to do
      // besides recovering the effects the previous kill cut off.
      const started = await Promise.all(
        Array.from({ length: STARTS_PER_ROUND }, (_, i) => cli(['start', 'pay', '--input', writeInput(dir, round * STARTS_PER_ROUND + i)])),
      );
      for (const s of started) {
        expect(s.code, s.stderr).toBe(0);
        ids.push(s.stdout.trim());
      }
      const served: Served = await startServe(site.paths.dataDir, LEASE);
      await served.waitFor(/owns the engine \(fencing token/, 10_000);
      await new Promise((r) => setTimeout(r, Math.random() * 400));
      await bank.whenBusy(10_000);
      // Read and kill in the same tick: the request counted open is still unanswered when SIGKILL lands.
      kills.push({ at: Date.now(), open: bank.open });
      served.child.kill('SIGKILL');
      await new Promise((r) => served.child.once('exit', r));
    }
    expect(kills).toHaveLength(ROUNDS);
    expect(kills.filter((k) => k.open === 0)).toEqual([]);

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
      expect(state.status.size).toBe(ids.length);
      // Exactly one instance.completed event per instance: none lost, none finished twice.
      expect(ids.map((id) => state.completions.get(id))).toEqual(ids.map(() => 1));
    } finally {
      await last.stop();
    }

    // Each payment step of each instance was applied by the bank exactly once: one idempotency
    // key per effect (a re-run of a step under a new key would be a second payment).
    const keysByEffect = new Map<string, string[]>();
    for (const { key, effect } of bank.applied.values()) keysByEffect.set(effect, [...(keysByEffect.get(effect) ?? []), key]);
    const expected = ids.flatMap((_, i) => PAY_STEPS.map((step) => `PO-${1000 + i}/${step}`)).sort();
    expect([...keysByEffect.keys()].sort()).toEqual(expected);
    expect([...keysByEffect.entries()].filter(([, keys]) => keys.length !== 1)).toEqual([]);
    // Keys are instance:activation:attempt, so each instance's five keys carry its id.
    for (const id of ids) expect([...bank.applied.keys()].filter((k) => k.startsWith(`${id}:`))).toHaveLength(PAY_STEPS.length);
    // A key the bank saw again is a redelivery of the same effect (after a kill, a lost lease or
    // a lost connection), answered from the first result: never a second payment.
    for (const again of bank.redeliveries) expect(again.effect, again.key).toBe(bank.applied.get(again.key)?.effect);
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
