import { afterEach, describe, expect, it } from 'vitest';
import type { InstanceDetail } from '@shared/contract/engine';
import { useTempDirs } from '../support/temp';
import { startTestCore, type TestCore } from '../support/core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { configureEcho, deployFixture, deployText, hasStatus, start, timeline, waitForInstance, WORKFLOWS } from '../support/engine';

const tempDir = useTempDirs();
let core: TestCore;
afterEach(async () => core?.close());

async function engineCore(): Promise<TestCore> {
  core = await startTestCore(tempDir(), { engine: true });
  await configureEcho(core);
  return core;
}

const workflow = (key: string, steps: string, extra = '') => `workflow: ${key}\nname: ${key}\n${extra}steps:\n${steps}`;

describe('the engine runs every step kind', () => {
  it('set, decision, branch, parallel, foreach, loop, wait, signal and call, with decimal money', async () => {
    await engineCore();
    await deployFixture(core, 'fees.yaml');
    await deployFixture(core, 'child-echo.yaml');
    await deployFixture(core, 'all-steps.yaml');
    const id = await start(core, 'all-steps', {
      order: {
        number: 'PO-1001',
        net: 1000.1,
        tax: 200.2,
        lines: [
          { sku: 'A', qty: 1 },
          { sku: 'B', qty: 2 },
          { sku: 'C', qty: 3 },
        ],
      },
    });

    let detail = await waitForInstance(core, id, (d) => d.steps.pause?.state === 'waiting');
    expect(detail.instance.businessKey).toBe('PO-1001');
    expect(detail.variables.total).toBe(1200.3);
    expect(detail.variables.exact).toBe(true);
    expect(detail.variables.fee).toBe(25);
    expect(detail.variables.size).toBe('big');
    expect(detail.steps.small).toBeUndefined();
    expect(detail.variables.a).toEqual({ branch: 'a' });
    expect(detail.variables.b).toEqual({ branch: 'b' });
    expect(detail.variables.doubled).toEqual([2, 4, 6]);
    expect(detail.variables.counter).toBe(3);
    expect(detail.steps.increment?.runs).toBe(3);

    core.clock.advance(60 * 60_000 + 1);
    detail = await waitForInstance(core, id, (d) => d.steps.confirmation?.state === 'waiting');

    const wrongKey = await core.ok<{ delivered: number }>(
      'signals.send',
      { name: 'order-confirmed', correlationKey: 'PO-9999', payload: { by: 'bank' } },
      core.admin,
    );
    expect(wrongKey.delivered).toBe(0);
    const delivered = await core.ok<{ delivered: number }>(
      'signals.send',
      { name: 'order-confirmed', correlationKey: 'PO-1001', payload: { by: 'bank' } },
      core.admin,
    );
    expect(delivered.delivered).toBe(1);

    detail = await waitForInstance(core, id, hasStatus('completed'));
    expect(detail.variables.confirmation).toEqual({ by: 'bank' });
    expect(detail.variables.child).toMatchObject({ value: 1200.3, echoed: { value: 1200.3 } });
    expect(detail.children).toHaveLength(1);
    expect(detail.children[0]?.status).toBe('completed');

    const events = await timeline(core, id);
    const decision = events.find((e) => e.action === 'decision.evaluated');
    expect(decision?.payload).toMatchObject({ table: 'fees', version: 1, matchedRules: [{ index: 1 }], result: 25 });
    expect(decision?.payload.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(events.at(-1)?.action).toBe('instance.completed');
    expect(detail.provenance.total).toMatchObject({ by: { kind: 'step', step: 'amounts' } });
    expect(detail.provenance['order.net']).toMatchObject({ by: { kind: 'input', username: 'starter' } });
  });

  it('joins parallel branches on any and on N of M, cancelling the rest', async () => {
    await engineCore();
    await core.ok('connectors.save', { name: 'slow', type: 'echo', config: { delayMs: 300 } }, core.admin);
    const branch = (id: string, connector: string) =>
      `      - steps:\n          - id: ${id}\n            kind: task\n            connector: ${connector}\n            action: echo\n            input: {}\n`;
    await deployText(
      core,
      'any.yaml',
      workflow('join-any', `  - id: race\n    kind: parallel\n    join: any\n    branches:\n${branch('fast', 'echo')}${branch('late', 'slow')}`),
    );
    await deployText(
      core,
      'two.yaml',
      workflow(
        'join-two',
        `  - id: race\n    kind: parallel\n    join: { atLeast: 2 }\n    branches:\n${branch('f1', 'echo')}${branch('f2', 'echo')}${branch('s1', 'slow')}`,
      ),
    );
    const any = await waitForInstance(core, await start(core, 'join-any', {}), hasStatus('completed'));
    expect(any.steps.fast?.state).toBe('done');
    expect(any.steps.late?.state).toBe('cancelled');
    const two = await waitForInstance(core, await start(core, 'join-two', {}), hasStatus('completed'));
    expect([two.steps.f1?.state, two.steps.f2?.state, two.steps.s1?.state]).toEqual(['done', 'done', 'cancelled']);
  });

  it('runs foreach sequentially in order and stops a loop at its maximum with an incident', async () => {
    await engineCore();
    await deployText(
      core,
      'seq.yaml',
      workflow(
        'seq',
        `  - id: each\n    kind: foreach\n    items: names\n    as: name\n    collect: upper case(name)\n    result: upper\n    steps:\n      - id: say\n        kind: task\n        connector: echo\n        action: echo\n        input:\n          n: name\n  - id: spin\n    kind: loop\n    max: 3\n    until: false\n    steps:\n      - id: nop\n        kind: set\n        set:\n          x: 1\n`,
      ),
    );
    const id = await start(core, 'seq', { names: ['ann', 'bob', 'cy'] });
    const detail = await waitForInstance(core, id, hasStatus('incident'));
    expect(detail.variables.upper).toEqual(['ANN', 'BOB', 'CY']);
    const order = (await timeline(core, id)).filter((e) => e.action === 'effect.requested').map((e) => (e.payload.input as { n: string }).n);
    expect(order).toEqual(['ann', 'bob', 'cy']);
    expect(detail.incidents[0]).toMatchObject({ step: 'spin', type: 'failure', error: { code: 'LOOP_LIMIT' } });
    expect(detail.steps.nop?.runs).toBe(3);
  });

  it('parks approval and human steps until people complete them', async () => {
    await engineCore();
    await deployText(
      core,
      'human.yaml',
      workflow('human', `  - id: review\n    kind: task.human\n    title: Review the invoice\n    candidates:\n      roles: [clerk]\n    result: review\n`),
    );
    const id = await start(core, 'human', {});
    const detail = await waitForInstance(core, id, (d) => d.steps.review?.state === 'waiting');
    expect(detail.instance.status).toBe('waiting');
    expect((await timeline(core, id)).map((e) => e.action)).toContain('human-work.requested');
  });
});

describe('errors, retries, compensation', () => {
  it('routes errors by code, retries with backoff, and raises an incident with error, attempts and inputs when retries run out', async () => {
    await engineCore();
    await deployText(
      core,
      'errors.yaml',
      workflow(
        'errors',
        `  - id: flaky
    kind: task
    connector: echo
    action: fail
    input:
      code: '"HTTP_503"'
      retryable: true
    retry:
      attempts: 3
      backoff: { initial: PT10S, factor: 2, max: PT1M }
      jitter: 0
  - id: done
    kind: set
    set:
      finished: true
`,
      ),
    );
    await deployText(
      core,
      'routed.yaml',
      workflow(
        'routed',
        `  - id: reject\n    kind: task\n    connector: echo\n    action: fail\n    input:\n      code: '"REJECTED"'\n    onError:\n      - code: REJ*\n        next: handled\n  - id: never\n    kind: set\n    set:\n      x: 1\n    next: end\n  - id: handled\n    kind: set\n    set:\n      why: error.code\n`,
      ),
    );
    const routed = await waitForInstance(core, await start(core, 'routed', {}), hasStatus('completed'));
    expect(routed.variables.why).toBe('REJECTED');
    expect(routed.steps.never).toBeUndefined();

    const id = await start(core, 'errors', {});
    await waitForInstance(core, id, (d) => d.steps.flaky?.state === 'waiting');
    const startedAt = core.clock.now();
    core.clock.advance(10_000);
    await waitForInstance(core, id, (d) => d.steps.flaky?.attempt === 2 && d.steps.flaky.state === 'waiting');
    core.clock.advance(20_000);
    const detail = await waitForInstance(core, id, hasStatus('incident'));
    expect(detail.incidents).toHaveLength(1);
    expect(detail.incidents[0]).toMatchObject({
      step: 'flaky',
      type: 'retries-exhausted',
      attempts: 3,
      inputs: { code: 'HTTP_503', retryable: true },
      error: { code: 'HTTP_503' },
    });
    const retries = (await timeline(core, id)).filter((e) => e.action === 'retry.scheduled').map((e) => Date.parse(String(e.payload.at)) - startedAt);
    expect(retries).toEqual([10_000, 30_000]);

    const incidents = await core.ok<{ items: { id: string }[] }>('incidents.search', { status: 'open' }, core.admin);
    expect(incidents.items.map((i) => i.id)).toContain(detail.incidents[0]?.id);
  });

  it('unwinds on cancel: compensations run in reverse completion order', async () => {
    await engineCore();
    await deployText(
      core,
      'comp.yaml',
      `workflow: comp
name: Compensation order
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
  - id: hold
    kind: wait
    signal: { name: never-comes }
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
    const id = await start(core, 'comp', {});
    await waitForInstance(core, id, (d) => d.steps.hold?.state === 'waiting');
    await core.ok('instances.cancel', { instanceId: id, reason: 'customer withdrew the order' }, core.admin);
    await waitForInstance(core, id, hasStatus('cancelled'));
    const calls = (await timeline(core, id)).filter((e) => e.action === 'effect.requested').map((e) => e.payload.input as { what: string; of?: string });
    expect(calls).toEqual([{ what: 'reserve' }, { what: 'charge' }, { what: 'refund', of: 'charge' }, { what: 'release', of: 'reserve' }]);
  });

  it('lets an operator retry or skip a step held by an incident, never skip a human step', async () => {
    await engineCore();
    await deployText(
      core,
      'op.yaml',
      workflow(
        'op',
        `  - id: broken\n    kind: task\n    connector: echo\n    action: fail\n    input: {}\n    result: value\n  - id: after\n    kind: set\n    set:\n      got: value.amount\n`,
      ),
    );
    const id = await start(core, 'op', {});
    let detail = await waitForInstance(core, id, hasStatus('incident'));
    const activationId = detail.incidents[0]?.activationId as string;
    await core.ok('instances.retry', { instanceId: id, activationId, reason: 'try again after the fix' }, core.admin);
    detail = await waitForInstance(core, id, (d) => d.incidents.length === 2 && d.instance.status === 'incident');
    expect(detail.incidents[0]).toMatchObject({ status: 'resolved', resolution: expect.stringMatching(/^retried/) });
    const second = detail.incidents.find((i) => i.status === 'open');
    const tooShort = await core.call('instances.skip', { instanceId: id, activationId: second?.activationId, value: {}, reason: 'x' }, core.admin);
    expect(tooShort).toMatchObject({ ok: false, error: { status: 400, issues: [{ path: 'reason' }] } });
    await core.ok(
      'instances.skip',
      { instanceId: id, activationId: second?.activationId, value: { amount: { amount: '12.50', currency: 'EUR' } }, reason: 'booked by hand in the ERP' },
      core.admin,
    );
    detail = await waitForInstance(core, id, hasStatus('completed'));
    expect(detail.variables.got).toEqual({ amount: '12.50', currency: 'EUR' });
    expect(detail.provenance.value).toMatchObject({ by: { kind: 'user', username: 'admin' } });

    await deployText(core, 'hh.yaml', workflow('hh', `  - id: review\n    kind: task.human\n    title: Review\n    candidates: { roles: [clerk] }\n`));
    const human = await start(core, 'hh', {});
    const waiting = await waitForInstance(core, human, (d) => d.steps.review?.state === 'waiting');
    const refused = await core.call(
      'instances.skip',
      { instanceId: human, activationId: waiting.steps.review?.activation, value: null, reason: 'no time to review' },
      core.admin,
    );
    expect(refused).toMatchObject({ ok: false, error: { status: 409 } });
  });

  it('suspends and resumes; operator actions are audited with the reason', async () => {
    await engineCore();
    await deployText(core, 'wt.yaml', workflow('wt', `  - id: wait\n    kind: wait\n    duration: PT1M\n  - id: after\n    kind: set\n    set:\n      x: 1\n`));
    const id = await start(core, 'wt', {});
    await waitForInstance(core, id, (d) => d.steps.wait?.state === 'waiting');
    await core.ok('instances.suspend', { instanceId: id, reason: 'vendor under review' }, core.admin);
    core.clock.advance(120_000);
    await new Promise((r) => setTimeout(r, 200));
    let detail = await core.ok<InstanceDetail>('instances.get', { instanceId: id }, core.admin);
    expect(detail.instance.status).toBe('suspended');
    expect(detail.steps.after).toBeUndefined();
    await core.ok('instances.resume', { instanceId: id, reason: 'review cleared' }, core.admin);
    detail = await waitForInstance(core, id, hasStatus('completed'));
    const actions = (await timeline(core, id)).map((e) => [e.action, e.payload.reason]);
    expect(actions).toContainEqual(['instance.suspended', 'vendor under review']);
    expect(actions).toContainEqual(['instance.resumed', 'review cleared']);
  });
});

describe('versions', () => {
  it('keeps instances on the version and tables they started with', async () => {
    await engineCore();
    await deployFixture(core, 'fees.yaml');
    const v1 = workflow(
      'pinned',
      `  - id: hold\n    kind: wait\n    signal: { name: go }\n  - id: fee\n    kind: decision\n    table: fees\n    input: { amount: amount }\n    result: fee\n`,
    );
    await deployText(core, 'pinned.yaml', v1);
    const old = await start(core, 'pinned', { amount: 500 });
    await waitForInstance(core, old, (d) => d.steps.hold?.state === 'waiting');

    await deployText(core, 'fees.yaml', readFees().replace("then: ['5']", "then: ['7']"));
    const v2 = await deployText(core, 'pinned.yaml', v1.replace('name: pinned', 'name: pinned v2'));
    expect(v2.deployed[0]).toMatchObject({ key: 'pinned', version: 2 });
    expect((await deployText(core, 'pinned.yaml', v1.replace('name: pinned', 'name: pinned v2'))).outcome).toBe('unchanged');
    const fresh = await start(core, 'pinned', { amount: 500 });
    await waitForInstance(core, fresh, (d) => d.steps.hold?.state === 'waiting');

    const sent = await core.ok<{ delivered: number }>('signals.send', { name: 'go', correlationKey: null, payload: null }, core.admin);
    expect(sent.delivered).toBe(2);
    const a = await waitForInstance(core, old, hasStatus('completed'));
    const b = await waitForInstance(core, fresh, hasStatus('completed'));
    expect([a.instance.workflowVersion, a.variables.fee]).toEqual([1, 5]);
    expect([b.instance.workflowVersion, b.variables.fee]).toEqual([2, 7]);
  });
});

function readFees(): string {
  return readFileSync(resolve(WORKFLOWS, 'fees.yaml'), 'utf8');
}
