import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
// ajv comes with electron-builder (a dev dependency); it is the JSON Schema validator editors use too.
import Ajv2020 from 'ajv/dist/2020';
import { runCli, type CliResult } from '../support/cli';
import { startTestCoreOn } from '../support/core';
import { startServe, type Served } from '../support/serve';
import { createTestSite, type TestSite } from '../support/site';

/**
 * The engine commands of the built `clearline`, as a script or an operator runs them:
 * schema, decide, start (with the note when no engine owner runs), instances, instance
 * (masked, and --unmask for those who may), signal, cancel and retry with reasons.
 */
const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const IBAN = 'DE89370400440532013000';
const STEP_KINDS = ['approval', 'branch', 'call', 'decision', 'flag', 'foreach', 'loop', 'parallel', 'set', 'task', 'task.human', 'wait'];

let dir: string;
let site: TestSite;
let serve: Served | null = null;
const tokens: Record<'admin' | 'clerk' | 'compliance', string> = { admin: '', clerk: '', compliance: '' };

const write = (name: string, value: unknown): string => {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};
const cli = (as: keyof typeof tokens, args: string[]): Promise<CliResult> =>
  runCli(['--data-dir', site.paths.dataDir, ...args], { env: { CLEARLINE_TOKEN: tokens[as] } });
const ok = async (as: keyof typeof tokens, args: string[]): Promise<string> => {
  const result = await cli(as, args);
  expect(result.code, `clearline ${args.join(' ')}\n${result.stdout}${result.stderr}`).toBe(0);
  return result.stdout;
};

/** Polls `clearline instances --status` until the business keys are listed. */
async function waitForStatus(status: string, keys: string[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const listed = await ok('admin', ['instances', '--status', status]);
    if (keys.every((k) => listed.includes(` ${k} `))) return;
    if (Date.now() > deadline) throw new Error(`not all of ${keys.join(', ')} are ${status}:\n${listed}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

const WAIT_FLOW = `workflow: cli-wait
name: Waits for a go
businessKey: ref
steps:
  - id: hold
    kind: wait
    signal: { name: go, correlationKey: ref, result: got }
  - id: done
    kind: set
    set: { finished: true }
`;
const FAIL_FLOW = `workflow: cli-fail
name: Calls a bank that is down
businessKey: ref
steps:
  - id: call
    kind: task
    connector: echo
    action: fail
    input: { code: '"BANK_DOWN"' }
`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clearline-cli-engine-'));
  site = await createTestSite(dir);
  tokens.admin = await startTestCoreOn(site);
  const password = write('pw', 'Temporary-Pass-123');
  for (const [username, role] of [
    ['casey', 'clerk'],
    ['cora', 'compliance'],
  ] as const) {
    await ok('admin', ['user', 'add', username, '--name', `Test ${username}`, '--role', role, '--password-file', password]);
    const issued = await ok('admin', ['token', 'issue', username, '--name', 'cli engine test']);
    tokens[role] = /\n(clp_\S+)/.exec(issued)?.[1] as string;
  }
  await ok('admin', ['connector', 'save', 'echo', '--type', 'echo', '--config', write('echo.json', {})]);
}, 120_000);

afterAll(async () => {
  await serve?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('clearline engine commands', () => {
  it('schema prints a JSON Schema (draft 2020-12) of definitions that editors can validate with', async () => {
    const schema = JSON.parse(await ok('admin', ['schema'])) as Record<string, unknown>;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const kinds = new Set<string>();
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node && typeof node === 'object') {
        const kind = (node as { properties?: { kind?: { const?: unknown } } }).properties?.kind?.const;
        if (typeof kind === 'string') kinds.add(kind);
        Object.values(node).forEach(visit);
      }
    };
    visit(schema);
    expect([...kinds].sort()).toEqual(STEP_KINDS);

    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
    for (const file of ['all-steps.yaml', 'invoice-approval.yaml', 'matrix-approval.yaml']) {
      const valid = validate(parseYaml(readFileSync(join(FIXTURES, 'workflows', file), 'utf8')));
      expect(valid, `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(validate(parseYaml(WAIT_FLOW.replace('kind: wait', 'kind: teleport')))).toBe(false);
    expect(validate({ workflow: 'Bad Key', name: 'x', steps: [{ id: 'a', kind: 'set', set: { x: '1' } }] })).toBe(false);
  });

  it('decide evaluates a local table file or a deployed table and prints the result and the rules that matched', async () => {
    const input = write('payment.json', { payment: { amount: 5000, currency: 'EUR', urgent: true, executionDate: '2026-06-01' } });
    const local = JSON.parse(await ok('admin', ['decide', join(FIXTURES, 'decisions/payment-routing.yaml'), '--input', input]));
    expect(local).toMatchObject({ table: 'payment_routing', result: 'SEPA-INSTANT', matchedRules: [{ index: 3, id: 'DecisionRule_instant' }] });
    expect(local.contentHash).toMatch(/^[0-9a-f]{64}$/);

    expect(await ok('admin', ['deploy', join(FIXTURES, 'workflows/fees.yaml')])).toMatch(/deployed: decision-table fees v1/);
    const deployed = JSON.parse(await ok('clerk', ['decide', 'fees', '--input', write('amount.json', { amount: 1200.3 })]));
    expect(deployed).toMatchObject({ table: 'fees', version: 1, result: 25, matchedRules: [{ index: 1 }] });

    const missing = await cli('admin', ['decide', join(dir, 'nope.yaml'), '--input', input]);
    expect(missing.code).not.toBe(0);
  });

  it('start notes on stderr when no engine owner runs; instances, instance (masked), signal, cancel and retry work with reasons', async () => {
    expect(await ok('admin', ['deploy', write('cli-wait.yaml', WAIT_FLOW), write('cli-fail.yaml', FAIL_FLOW)])).toMatch(/deployed: workflow cli-wait v1/);

    const queued = await cli('clerk', ['start', 'cli-wait', '--input', write('w1.json', { ref: 'W-1', payee: { name: 'ACME', iban: IBAN } })]);
    expect(queued.code, queued.stderr).toBe(0);
    const w1 = queued.stdout.trim();
    expect(queued.stderr).toMatch(/no engine owner is running.*queued.*clearline serve/);

    serve = await startServe(site.paths.dataDir);
    await serve.waitFor(/engine: this process owns/);
    const started = await cli('clerk', ['start', 'cli-wait', '--input', write('w2.json', { ref: 'W-2' })]);
    expect(started.code).toBe(0);
    expect(started.stderr).not.toMatch(/no engine owner/);
    const w3 = (await ok('clerk', ['start', 'cli-wait', '--input', write('w3.json', { ref: 'W-3' })])).trim();
    const f1 = (await ok('clerk', ['start', 'cli-fail', '--input', write('f1.json', { ref: 'F-1' })])).trim();
    await waitForStatus('waiting', ['W-1', 'W-2', 'W-3']);
    await waitForStatus('incident', ['F-1']);
    const waiting = await ok('admin', ['instances', '--status', 'waiting', '--workflow', 'cli-wait']);
    expect(waiting).not.toContain('F-1');
    expect(await ok('admin', ['instances', '--business-key', 'W-2'])).toMatch(/waiting\s+cli-wait v1\s+W-2/);

    // Masked for every role; --unmask is for those who may, and is audited.
    const shown = await ok('admin', ['instance', w1]);
    expect(shown).not.toContain(IBAN);
    const detail = JSON.parse(shown);
    expect(detail.variables.payee).toEqual({ name: 'ACME', iban: 'DE•• •••• 3000' });
    expect(detail.maskedPaths).toEqual(['payee.iban']);
    const refused = await cli('admin', ['instance', w1, '--unmask', 'payee.iban']);
    expect(refused.code).toBe(7);
    expect(refused.stdout).not.toContain(IBAN);
    expect(JSON.parse(await ok('compliance', ['instance', w1, '--unmask', 'payee.iban'])).unmasked).toEqual({ 'payee.iban': IBAN });

    expect(await ok('admin', ['signal', 'go', '--key', 'W-1', '--payload', write('go.json', { by: 'treasury' })])).toBe('delivered to 1 instance(s)\n');
    expect(await ok('admin', ['signal', 'go', '--key', 'W-9'])).toBe('delivered to 0 instance(s)\n');
    await waitForStatus('completed', ['W-1']);
    expect(JSON.parse(await ok('admin', ['instance', w1])).variables).toMatchObject({ got: { by: 'treasury' }, finished: true });

    const tooShort = await cli('admin', ['cancel', w3, '--reason', 'x']);
    expect(tooShort.code).toBe(2);
    expect(tooShort.stderr).toMatch(/reason/);
    expect(await ok('admin', ['cancel', w3, '--reason', 'customer withdrew the order'])).toMatch(new RegExp(`^cancel requested: ${w3.replace(/\./g, '\\.')}`));
    await waitForStatus('cancelled', ['W-3']);
    const noReason = await cli('admin', ['cancel', w3]);
    expect(noReason.code).toBe(2);

    const wrongStep = await cli('admin', ['retry', f1, '--step', 'nope', '--reason', 'the bank is back']);
    expect(wrongStep.code).toBe(2);
    expect(wrongStep.stderr).toContain('step "nope"');
    expect(await ok('admin', ['retry', f1, '--step', 'call', '--reason', 'the bank is back'])).toMatch(/^retry requested: /);
    const deadline = Date.now() + 30_000;
    let incidents: { status: string; resolution: string | null }[] = [];
    while (incidents.length < 2 && Date.now() < deadline) {
      incidents = JSON.parse(await ok('admin', ['instance', f1])).incidents;
      if (incidents.length < 2) await new Promise((r) => setTimeout(r, 300));
    }
    expect(incidents.map((i) => [i.status, i.resolution])).toEqual([
      ['resolved', 'retried: the bank is back'],
      ['open', null],
    ]);
    // Only operators operate: a clerk may not cancel.
    expect((await cli('clerk', ['cancel', f1, '--reason', 'not mine to cancel'])).code).toBe(7);
  });
});
