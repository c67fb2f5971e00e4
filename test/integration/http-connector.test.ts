import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InstanceDetail } from '@shared/contract/engine';
import { useTempDirs } from '../support/temp';
import { startTestCore, type TestCore } from '../support/core';
import { deployText, hasStatus, start, timeline, waitForInstance } from '../support/engine';

/**
 * The http connector through the engine, against a real HTTP server on 127.0.0.1: credentials
 * are write-only secrets that reach the other system and nothing else; a workflow cannot
 * replace them with its own headers; the idempotency header carries the effect's key; and a
 * call to a host the connector does not allow is refused before a byte leaves.
 */
const tempDir = useTempDirs();
let core: TestCore;
let server: Server | null = null;
afterEach(async () => {
  await core?.close();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  server = null;
});

const TOKEN = 'tok-9f2c1e77-never-shown';
const PASSWORD = 'pa55-Ledger-never-shown';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A loopback API that records every request and answers 200 with a JSON body. */
async function startApi(): Promise<{ port: number; received: Received[] }> {
  const received: Received[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ accepted: true, ref: `R-${received.length}` }));
    });
  });
  await new Promise<void>((done) => server?.listen(0, '127.0.0.1', () => done()));
  return { port: (server?.address() as AddressInfo).port, received };
}

async function setup(): Promise<{ port: number; received: Received[] }> {
  core = await startTestCore(tempDir(), { engine: true });
  return startApi();
}

const callWorkflow = (key: string, connector: string, input: string) =>
  `workflow: ${key}\nname: ${key}\nsteps:\n  - id: call\n    kind: task\n    connector: ${connector}\n    action: post\n    input:\n${input}    result: answer\n`;

describe('the http connector', () => {
  it('sends the bearer token from a write-only secret with the idempotency key, and refuses credentials a workflow puts in headers', async () => {
    const { port, received } = await setup();
    const saved = await core.ok<{ secrets: string[]; idempotent: boolean }>(
      'connectors.save',
      {
        name: 'bank',
        type: 'http',
        config: {
          baseUrl: `http://127.0.0.1:${port}/api/`,
          allowedHosts: [`127.0.0.1:${port}`],
          idempotencyHeader: 'Idempotency-Key',
          auth: { kind: 'bearer', tokenSecret: 'token' },
          headers: { 'X-Client': 'clearline' },
        },
        secrets: { token: TOKEN },
      },
      core.admin,
    );
    expect(saved).toMatchObject({ secrets: ['token'], idempotent: true });
    expect(JSON.stringify(saved)).not.toContain(TOKEN);

    await deployText(
      core,
      'pay.yaml',
      callWorkflow('pay', 'bank', `      path: '"transfers"'\n      headers: { X-Trace: '"trace-1"' }\n      body: { amount: '"12.50"', currency: '"EUR"' }\n`),
    );
    const id = await start(core, 'pay', {});
    const done = await waitForInstance(core, id, hasStatus('completed', 'incident'));
    expect(done.instance.status).toBe('completed');
    expect(done.variables.answer).toEqual({ status: 200, contentType: 'application/json', body: { accepted: true, ref: 'R-1' } });

    expect(received).toHaveLength(1);
    const [request] = received as [Received];
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/api/transfers');
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request.headers['x-trace']).toBe('trace-1');
    expect(request.headers['x-client']).toBe('clearline');
    expect(JSON.parse(request.body)).toEqual({ amount: '12.50', currency: 'EUR' });
    const requested = (await timeline(core, id)).find((e) => e.action === 'effect.requested');
    expect(request.headers['idempotency-key']).toBe(requested?.payload.idempotencyKey);
    expect(request.headers['idempotency-key']).toMatch(new RegExp(`^${id.replace(/[.]/g, '\\.')}:.+:1$`));

    // A workflow cannot put credentials in headers (they would sit in the definition and the
    // trail): the call is refused before it leaves, and the step becomes an incident.
    await deployText(
      core,
      'forged.yaml',
      callWorkflow('forged', 'bank', `      path: '"transfers"'\n      headers: { Authorization: '"Bearer forged-by-the-workflow"' }\n`),
    );
    const forged = await waitForInstance(core, await start(core, 'forged', {}), hasStatus('completed', 'incident'));
    expect(forged.instance.status).toBe('incident');
    expect(JSON.stringify(forged.incidents)).toMatch(/INVALID_INPUT[^]*input\.headers: credentials do not go in headers/);
    expect(received).toHaveLength(1);

    // The token is in no answer and no audit event.
    const listed = await core.ok<{ items: { name: string; secrets: string[]; config: unknown }[] }>('connectors.list', {}, core.admin);
    expect(listed.items).toEqual([expect.objectContaining({ name: 'bank', secrets: ['token'] })]);
    expect(JSON.stringify(listed)).not.toContain(TOKEN);
    const trail = await core.ok<{ items: unknown[] }>('audit.search', { limit: 500 }, core.admin);
    expect(trail.items.length).toBeGreaterThan(3);
    expect(JSON.stringify(trail)).not.toContain(TOKEN);
    expect(JSON.stringify(await core.ok<InstanceDetail>('instances.get', { instanceId: id }, core.admin))).not.toContain(TOKEN);
  });

  it('sends basic credentials from a secret, keeps the secret when the config changes, and sends no idempotency header unless configured', async () => {
    const { port, received } = await setup();
    const config = {
      baseUrl: `http://127.0.0.1:${port}/`,
      allowedHosts: ['127.0.0.1'],
      auth: { kind: 'basic', username: 'clearline', passwordSecret: 'password' },
    };
    await core.ok('connectors.save', { name: 'ledger', type: 'http', config, secrets: { password: PASSWORD } }, core.admin);
    // A later change without secrets keeps the stored password.
    const changed = await core.ok<{ secrets: string[]; idempotent: boolean }>(
      'connectors.save',
      { name: 'ledger', type: 'http', config: { ...config, timeoutMs: 5_000 } },
      core.admin,
    );
    expect(changed).toMatchObject({ secrets: ['password'], idempotent: false });

    await deployText(core, 'book.yaml', callWorkflow('book', 'ledger', `      path: '"/entries"'\n      body: { entry: '"E-1"' }\n`));
    const id = await start(core, 'book', {});
    expect((await waitForInstance(core, id, hasStatus('completed', 'incident'))).instance.status).toBe('completed');
    expect(received).toHaveLength(1);
    expect(received[0]?.headers.authorization).toBe(`Basic ${Buffer.from(`clearline:${PASSWORD}`).toString('base64')}`);
    expect(Object.keys(received[0]?.headers ?? {}).filter((h) => /idempotency/i.test(h))).toEqual([]);
    expect(JSON.stringify(await core.ok('connectors.list', {}, core.admin))).not.toContain(PASSWORD);
  });

  it('refuses a host the connector does not allow before sending anything, as an incident', async () => {
    const { port, received } = await setup();
    await core.ok(
      'connectors.save',
      { name: 'elsewhere', type: 'http', config: { baseUrl: `http://127.0.0.1:${port}/`, allowedHosts: ['api.bank.example'] } },
      core.admin,
    );
    await core.ok(
      'connectors.save',
      { name: 'bank', type: 'http', config: { baseUrl: `http://127.0.0.1:${port}/`, allowedHosts: [`127.0.0.1:${port}`] } },
      core.admin,
    );
    await deployText(core, 'to-a.yaml', callWorkflow('to-a', 'elsewhere', `      path: '"/x"'\n`));
    // An absolute path would leave the base URL's host: the allowed list still decides.
    await deployText(core, 'to-b.yaml', callWorkflow('to-b', 'bank', `      path: '"http://127.0.0.2:${port}/x"'\n`));
    for (const [key, host] of [
      ['to-a', `127.0.0.1:${port}`],
      ['to-b', `127.0.0.2:${port}`],
    ] as const) {
      const id = await start(core, key, {});
      const detail = await waitForInstance(core, id, hasStatus('incident', 'completed'));
      expect(detail.incidents[0], key).toMatchObject({ step: 'call', type: 'failure', error: { code: 'HOST_NOT_ALLOWED' } });
      expect(JSON.stringify(detail.incidents[0]?.error)).toContain(`${host} is not an allowed host`);
    }
    expect(received).toEqual([]);
  });

  it('refuses credentials in configured headers and credential names the connector does not have', async () => {
    await setup();
    const inHeaders = await core.call(
      'connectors.save',
      {
        name: 'leaky',
        type: 'http',
        config: { baseUrl: 'http://127.0.0.1:9/', allowedHosts: ['127.0.0.1'], headers: { Authorization: `Bearer ${TOKEN}` } },
      },
      core.admin,
    );
    expect(inHeaders).toMatchObject({
      ok: false,
      error: { status: 400, issues: [{ path: 'config.headers', message: expect.stringMatching(/use auth with a secret/) }] },
    });
    const unknownSecret = await core.call(
      'connectors.save',
      { name: 'leaky', type: 'http', config: { baseUrl: 'http://127.0.0.1:9/', allowedHosts: ['127.0.0.1'] }, secrets: { apiKey: TOKEN } },
      core.admin,
    );
    expect(unknownSecret).toMatchObject({ ok: false, error: { status: 400, issues: [{ path: 'secrets.apiKey' }] } });
    expect(JSON.stringify(await core.ok('audit.search', { limit: 500 }, core.admin))).not.toContain(TOKEN);
  });
});
