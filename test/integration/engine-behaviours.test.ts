import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { InstanceSummary } from '@shared/contract/engine';
import { useTempDirs } from '../support/temp';
import { startTestCore, type TestCore } from '../support/core';
import { configureEcho, deployText, hasStatus, start, timeline, waitForInstance } from '../support/engine';

/**
 * Engine behaviours beyond the step kinds of engine-steps.test.ts: step timeouts (a slow
 * call, a signal that never comes), compensation after a failed step, a UNIQUE table that
 * matches twice at run time, sub-workflow pinning, and the instance search filters.
 */
const tempDir = useTempDirs();
let core: TestCore;
afterEach(async () => core?.close());

const DECISIONS = resolve(import.meta.dirname, '../fixtures/decisions');

async function engineCore(): Promise<TestCore> {
  core = await startTestCore(tempDir(), { engine: true });
  await configureEcho(core);
  return core;
}

const workflow = (key: string, steps: string, extra = '') => `workflow: ${key}\nname: ${key}\n${extra}steps:\n${steps}`;

/** Polls the instance's audit timeline until an event with this action appears. */
async function waitForEvent(instanceId: string, action: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await timeline(core, instanceId)).some((e) => e.action === action)) {
    if (Date.now() > deadline) throw new Error(`no ${action} on instance ${instanceId} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('step timeouts', () => {
  it('a task slower than its timeout fails with TIMEOUT, is retried by its policy, then becomes an incident', async () => {
    await engineCore();
    // The call answers after 800 ms; the step allows 200 ms.
    await configureEcho(core, 'slow', 800);
    await deployText(
      core,
      'slow-call.yaml',
      workflow(
        'slow-call',
        `  - id: ping
    kind: task
    connector: slow
    action: echo
    input: { what: '"ping"' }
    timeout: PT0.2S
    retry: { attempts: 2, backoff: { initial: PT10S }, jitter: 0 }
  - id: after
    kind: set
    set: { reached: true }
`,
      ),
    );
    const id = await start(core, 'slow-call', {});
    await waitForEvent(id, 'retry.scheduled');
    const scheduled = (await timeline(core, id)).find((e) => e.action === 'retry.scheduled');
    expect(scheduled?.payload).toMatchObject({ step: 'ping', attempt: 1, next: 2, error: { code: 'TIMEOUT' } });

    core.clock.advance(10_000);
    const detail = await waitForInstance(core, id, hasStatus('incident'), 20_000);
    expect(detail.incidents).toHaveLength(1);
    expect(detail.incidents[0]).toMatchObject({ step: 'ping', type: 'retries-exhausted', attempts: 2, error: { code: 'TIMEOUT' }, inputs: { what: 'ping' } });
    expect(detail.steps.after).toBeUndefined();
    const failed = (await timeline(core, id)).filter((e) => e.action === 'effect.failed');
    expect(failed.map((e) => (e.payload.error as { code: string }).code)).toEqual(['TIMEOUT', 'TIMEOUT']);
  });

  it('a signal wait that times out fails with TIMEOUT: routed by onError, or an incident without a route', async () => {
    await engineCore();
    await deployText(
      core,
      'chase.yaml',
      workflow(
        'chase',
        `  - id: confirm
    kind: wait
    signal: { name: confirmed, correlationKey: order }
    timeout: PT1H
    onError:
      - code: TIMEOUT
        next: chaseUp
  - id: done
    kind: set
    set: { outcome: '"confirmed"' }
    next: end
  - id: chaseUp
    kind: set
    set: { outcome: '"chased"', why: error.code }
`,
      ),
    );
    await deployText(
      core,
      'strict.yaml',
      workflow('strict', `  - id: confirm\n    kind: wait\n    signal: { name: confirmed, correlationKey: order }\n    timeout: PT1H\n`),
    );
    const onTime = await start(core, 'chase', { order: 'A-1' });
    const late = await start(core, 'chase', { order: 'A-2' });
    const strict = await start(core, 'strict', { order: 'A-3' });
    for (const id of [onTime, late, strict]) await waitForInstance(core, id, (d) => d.steps.confirm?.state === 'waiting');

    expect(await core.ok('signals.send', { name: 'confirmed', correlationKey: 'A-1', payload: null }, core.admin)).toEqual({ delivered: 1 });
    expect((await waitForInstance(core, onTime, hasStatus('completed'))).variables.outcome).toBe('confirmed');

    core.clock.advance(60 * 60_000 - 1_000);
    await new Promise((r) => setTimeout(r, 200));
    expect((await waitForInstance(core, late, () => true)).steps.confirm?.state).toBe('waiting');

    core.clock.advance(1_001);
    const chased = await waitForInstance(core, late, hasStatus('completed'));
    expect(chased.variables).toMatchObject({ outcome: 'chased', why: 'TIMEOUT' });
    const held = await waitForInstance(core, strict, hasStatus('incident'));
    expect(held.incidents[0]).toMatchObject({ step: 'confirm', type: 'failure', error: { code: 'TIMEOUT' } });

    // The timed-out waits no longer listen: a late signal reaches nobody.
    expect(await core.ok('signals.send', { name: 'confirmed', correlationKey: 'A-2', payload: null }, core.admin)).toEqual({ delivered: 0 });
    expect(await core.ok('signals.send', { name: 'confirmed', correlationKey: 'A-3', payload: null }, core.admin)).toEqual({ delivered: 0 });
  });
});

describe('compensation after a failed step', () => {
  it('onError unwind runs the compensations in reverse completion order and the instance ends failed', async () => {
    await engineCore();
    await deployText(
      core,
      'unwind.yaml',
      `workflow: unwind
name: Unwind on failure
steps:
  - id: reserve
    kind: task
    connector: echo
    action: echo
    input: { what: '"reserve"' }
    compensate: release
  - id: charge
    kind: task
    connector: echo
    action: echo
    input: { what: '"charge"' }
    compensate: refund
  - id: book
    kind: task
    connector: echo
    action: fail
    input: { what: '"book"', code: '"LEDGER_CLOSED"' }
    onError:
      - code: '*'
        next: unwind
  - id: never
    kind: set
    set: { reached: true }
compensations:
  - id: release
    kind: task
    connector: echo
    action: echo
    input: { what: '"release"', of: compensating.step }
  - id: refund
    kind: task
    connector: echo
    action: echo
    input: { what: '"refund"', of: compensating.step }
`,
    );
    const id = await start(core, 'unwind', {});
    const detail = await waitForInstance(core, id, hasStatus('failed', 'completed', 'incident', 'cancelled'));
    expect(detail.instance.status).toBe('failed');
    expect(detail.steps.never).toBeUndefined();
    expect(detail.variables.error).toMatchObject({ step: 'book', code: 'LEDGER_CLOSED' });
    const events = await timeline(core, id);
    const calls = events.filter((e) => e.action === 'effect.requested').map((e) => e.payload.input as { what: string; of?: string });
    expect(calls.map((c) => c.what)).toEqual(['reserve', 'charge', 'book', 'refund', 'release']);
    expect(calls.slice(3)).toEqual([
      { what: 'refund', of: 'charge' },
      { what: 'release', of: 'reserve' },
    ]);
    expect(events.find((e) => e.action === 'step.failed')?.payload).toMatchObject({ step: 'book', routedTo: 'unwind' });
    expect(events.at(-1)?.action).toBe('instance.failed');
  });
});

describe('decision tables at run time', () => {
  it('a UNIQUE table that matches two rules raises a unique-violation incident', async () => {
    await engineCore();
    // The overlap depends on a variable (the entity's own limit): the deploy can only warn.
    const table = await core.ok<{ outcome: string; problems: { code: string }[] }>(
      'workflows.deploy',
      { file: 'non-analysable.yaml', text: readFileSync(resolve(DECISIONS, 'non-analysable.yaml'), 'utf8') },
      core.admin,
    );
    expect(table.outcome).toBe('deployed');
    expect(table.problems.map((p) => p.code)).toEqual(['not-analysable']);
    // The plainly overlapping table is refused at deploy: a run-time violation needs the undecidable kind.
    const refused = await core.ok<{ outcome: string; problems: { code: string }[] }>(
      'workflows.deploy',
      { file: 'overlapping-unique.yaml', text: readFileSync(resolve(DECISIONS, 'overlapping-unique.yaml'), 'utf8') },
      core.admin,
    );
    expect(refused.outcome).toBe('invalid');
    expect(refused.problems.map((p) => p.code)).toContain('unique-overlap');

    await deployText(core, 'limits.yaml', workflow('limits', `  - id: check\n    kind: decision\n    table: entity_limits\n    result: verdict\n`));
    const fine = await start(core, 'limits', { amount: 500, entity: 'FR01', limits: { single: 100 } });
    expect((await waitForInstance(core, fine, hasStatus('completed'))).variables.verdict).toBe(true);

    // 500 < 1000 (rule 1) and 500 > the DE01 limit of 100 (rule 2): two rules of a UNIQUE table.
    const clash = await start(core, 'limits', { amount: 500, entity: 'DE01', limits: { single: 100 } });
    const detail = await waitForInstance(core, clash, hasStatus('incident'));
    expect(detail.incidents).toHaveLength(1);
    expect(detail.incidents[0]).toMatchObject({ step: 'check', type: 'unique-violation', status: 'open', error: { code: 'UNIQUE_VIOLATION' } });
    expect(JSON.stringify(detail.incidents[0]?.error)).toMatch(/rule/i);
    expect(detail.variables.verdict).toBeUndefined();
  });
});

describe('sub-workflow pinning', () => {
  it('a parent version keeps calling the child version it was deployed with, after the child changes', async () => {
    await engineCore();
    const child = (label: string) => workflow('child', `  - id: mark\n    kind: set\n    set: { label: '"${label}"', got: value }\n`);
    const parent = workflow(
      'parent',
      `  - id: hold\n    kind: wait\n    signal: { name: go, correlationKey: ref }\n  - id: sub\n    kind: call\n    workflow: child\n    input: { value: ref }\n    result: child\n`,
    );
    await deployText(core, 'child.yaml', child('child v1'));
    await deployText(core, 'parent.yaml', parent);
    const before = await start(core, 'parent', { ref: 'P-1' });
    await waitForInstance(core, before, (d) => d.steps.hold?.state === 'waiting');

    const v2 = await deployText(core, 'child.yaml', child('child v2'));
    expect(v2.deployed[0]).toMatchObject({ key: 'child', version: 2 });
    // Parent v1 is still the latest parent: a new instance of it is pinned to child v1 too.
    const after = await start(core, 'parent', { ref: 'P-2' });
    // Redeploying the parent pins the child's latest version.
    const parentV2 = await deployText(core, 'parent.yaml', parent.replace('name: parent', 'name: parent v2'));
    expect(parentV2.deployed[0]).toMatchObject({ key: 'parent', version: 2 });
    const pinned = await core.ok<{ pins: { workflows: Record<string, { version: number }> } }>('workflows.get', { key: 'parent', version: 1 }, core.admin);
    expect(pinned.pins.workflows.child?.version).toBe(1);
    const fresh = await start(core, 'parent', { ref: 'P-3' });

    for (const ref of ['P-1', 'P-2', 'P-3']) await core.ok('signals.send', { name: 'go', correlationKey: ref, payload: null }, core.admin);
    const results = [];
    for (const id of [before, after, fresh]) {
      const done = await waitForInstance(core, id, hasStatus('completed'));
      results.push([done.instance.workflowVersion, (done.variables.child as { label: string }).label, done.children[0]?.workflowVersion]);
    }
    expect(results).toEqual([
      [1, 'child v1', 1],
      [1, 'child v1', 1],
      [2, 'child v2', 2],
    ]);
  });
});

describe('instances.search', () => {
  it('filters by status, workflow, business key and a variable value (string, number, boolean), and pages', async () => {
    await engineCore();
    const steps = `  - id: hold\n    kind: wait\n    signal: { name: release, correlationKey: order.number }\n`;
    await deployText(core, 'alpha.yaml', workflow('alpha', steps, 'businessKey: order.number\n'));
    await deployText(core, 'beta.yaml', workflow('beta', `  - id: note\n    kind: set\n    set: { noted: true }\n`, 'businessKey: order.number\n'));
    const a1 = await start(core, 'alpha', { order: { number: 'A-1', qty: 3, rate: 1200.3, urgent: true } });
    const a2 = await start(core, 'alpha', { order: { number: 'A-2', qty: 5, rate: 10, urgent: false } });
    const b1 = await start(core, 'beta', { order: { number: 'B-1', qty: 3, rate: 10, urgent: true } });
    for (const id of [a1, a2]) await waitForInstance(core, id, (d) => d.steps.hold?.state === 'waiting');
    await waitForInstance(core, b1, hasStatus('completed'));

    const ids = async (query: Record<string, unknown>) =>
      (await core.ok<{ items: InstanceSummary[] }>('instances.search', query, core.admin)).items.map((i) => i.businessKey).sort();
    expect(await ids({})).toEqual(['A-1', 'A-2', 'B-1']);
    expect(await ids({ status: 'waiting' })).toEqual(['A-1', 'A-2']);
    expect(await ids({ status: 'completed' })).toEqual(['B-1']);
    expect(await ids({ status: 'failed' })).toEqual([]);
    expect(await ids({ workflow: 'beta' })).toEqual(['B-1']);
    expect(await ids({ businessKey: 'A-2' })).toEqual(['A-2']);
    expect(await ids({ variable: { path: 'order.number', equals: 'A-1' } })).toEqual(['A-1']);
    expect(await ids({ variable: { path: 'order.qty', equals: 3 } })).toEqual(['A-1', 'B-1']);
    expect(await ids({ variable: { path: 'order.rate', equals: 1200.3 } })).toEqual(['A-1']);
    // Types are compared too: the text "3" is not the number 3.
    expect(await ids({ variable: { path: 'order.qty', equals: '3' } })).toEqual([]);
    expect(await ids({ variable: { path: 'order.urgent', equals: true } })).toEqual(['A-1', 'B-1']);
    expect(await ids({ variable: { path: 'order.urgent', equals: false } })).toEqual(['A-2']);
    expect(await ids({ workflow: 'alpha', status: 'waiting', variable: { path: 'order.qty', equals: 3 } })).toEqual(['A-1']);
    expect(await ids({ variable: { path: 'order.missing', equals: 'x' } })).toEqual([]);

    const first = await core.ok<{ items: InstanceSummary[]; nextCursor: string | null }>('instances.search', { limit: 2 }, core.admin);
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await core.ok<{ items: InstanceSummary[]; nextCursor: string | null }>(
      'instances.search',
      { limit: 2, cursor: first.nextCursor },
      core.admin,
    );
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((i) => i.id).sort()).toEqual([a1, a2, b1].sort());

    const bad = await core.call('instances.search', { variable: { path: 'order..number', equals: 'A-1' } }, core.admin);
    expect(bad).toMatchObject({ ok: false, error: { status: 400, issues: [{ path: 'variable.path' }] } });
  });
});
