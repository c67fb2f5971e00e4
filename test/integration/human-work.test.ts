import { afterEach, describe, expect, it } from 'vitest';
import type { DelegationsView, TaskDetail, TaskSummary } from '@shared/contract/work';
import type { Credential } from '../../src-main/core/auth/authenticator';
import { useTempDirs } from '../support/temp';
import { startTestCore, type TestCore } from '../support/core';
import { configureEcho, deployFixture, hasStatus, waitForInstance } from '../support/engine';

const tempDir = useTempDirs();
let core: TestCore;
afterEach(async () => core?.close());

interface Person {
  credential: Credential;
  userId: string;
  username: string;
}

async function setup(): Promise<{ clerk: Person; lead: Person; finance1: Person; finance2: Person; compliance: Person }> {
  core = await startTestCore(tempDir(), { engine: true });
  await configureEcho(core);
  await deployFixture(core, 'invoice-approval.yaml');
  return {
    clerk: await core.userWith(['clerk'], 'carla'),
    lead: await core.userWith(['approver'], 'lena'),
    finance1: await core.userWith(['approver'], 'frank'),
    finance2: await core.userWith(['approver'], 'fiona'),
    compliance: await core.userWith(['compliance'], 'cora'),
  };
}

async function waitForTask(person: Person, predicate: (t: TaskSummary) => boolean, timeoutMs = 10_000): Promise<TaskSummary> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = await core.ok<{ items: TaskSummary[] }>('tasks.list', { scope: 'available' }, person.credential);
    const found = page.items.find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no task for ${person.username} in time; had ${JSON.stringify(page.items.map((t) => [t.title, t.level]))}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const detail = (person: Person, taskId: string) => core.ok<TaskDetail>('tasks.get', { taskId }, person.credential);
const decide = (person: Person, taskId: string, decision: string, dataHash: string, comment?: string) =>
  core.call('approvals.decide', { taskId, decision, dataHash, ...(comment ? { comment } : {}) }, person.credential);

/** The clerk starts the workflow and captures the invoice; returns the instance id. */
async function submitInvoice(clerk: Person, number = 'INV-1'): Promise<string> {
  const started = await core.ok<{ instanceId: string }>('instances.start', { workflow: 'invoice-approval', input: { invoice: { number } } }, clerk.credential);
  const task = await waitForTask(clerk, (t) => t.instanceId === started.instanceId && t.kind === 'task');
  await core.ok('tasks.claim', { taskIds: [task.id] }, clerk.credential);
  await core.ok(
    'tasks.complete',
    { taskId: task.id, values: { vendor: 'ACME GmbH', iban: 'DE89 3704 0044 0532 0130 00', amount: { amount: '1250.00', currency: 'EUR' } } },
    clerk.credential,
  );
  return started.instanceId;
}

async function refusals(code?: string) {
  const page = await core.ok<{ items: { action: string; payload: { code: string; reason: string } }[] }>(
    'audit.search',
    { action: 'access.refused', limit: 200 },
    core.admin,
  );
  return page.items.filter((e) => !code || e.payload.code === code);
}

describe('human tasks', () => {
  it('are completed only by the person they are assigned to, with values the form accepts', async () => {
    const { clerk } = await setup();
    const other = await core.userWith(['clerk'], 'otto');
    const started = await core.ok<{ instanceId: string }>(
      'instances.start',
      { workflow: 'invoice-approval', input: { invoice: { number: 'INV-7' } } },
      clerk.credential,
    );
    const task = await waitForTask(clerk, (t) => t.instanceId === started.instanceId);
    expect(task).toMatchObject({ kind: 'task', status: 'open', candidateRoles: ['clerk'], businessKey: 'INV-7' });
    expect(task.dueAt).toBe(new Date(core.clock.now() + 4 * 3_600_000).toISOString());

    const unclaimed = await core.call('tasks.complete', { taskId: task.id, values: {} }, clerk.credential);
    expect(unclaimed).toMatchObject({ ok: false, error: { status: 403, code: 'not_assigned' } });
    await core.ok('tasks.claim', { taskIds: [task.id] }, clerk.credential);
    const stolen = await core.call('tasks.complete', { taskId: task.id, values: {} }, other.credential);
    expect(stolen).toMatchObject({ ok: false, error: { status: 403, code: 'not_assigned' } });
    expect((await refusals('not_assigned')).length).toBe(2);
    const secondClaim = await core.ok<{ refused: { reason: string }[] }>('tasks.claim', { taskIds: [task.id] }, other.credential);
    expect(secondClaim.refused[0]?.reason).toMatch(/claimed/);

    const bad = await core.call(
      'tasks.complete',
      { taskId: task.id, values: { vendor: '', iban: 'DE89 3704 0044 0532 0130 01', amount: { amount: '10', currency: 'USD' } } },
      clerk.credential,
    );
    expect(bad).toMatchObject({ ok: false, error: { status: 400 } });
    if (!bad.ok) {
      const paths = bad.error.issues?.map((i) => i.path);
      expect(paths).toEqual(expect.arrayContaining(['values.vendor', 'values.iban', 'values.amount']));
    }
    await core.ok(
      'tasks.complete',
      { taskId: task.id, values: { vendor: 'ACME GmbH', iban: 'de89 3704 0044 0532 0130 00', amount: { amount: '1250', currency: 'EUR' } } },
      clerk.credential,
    );
    const instance = await waitForInstance(core, started.instanceId, (d) => d.steps.approve?.state === 'waiting');
    expect((instance.variables.invoice as { captured: unknown }).captured).toEqual({
      vendor: 'ACME GmbH',
      iban: 'DE•• •••• 3000',
      amount: { amount: '1250.00', currency: 'EUR' },
    });
    // Without sensitive.unmask (the admin here) the instance shows what the form declares sensitive masked.
    expect(instance.maskedPaths).toEqual(['invoice.captured.iban']);
    expect(instance.provenance['invoice.captured']).toMatchObject({ by: { kind: 'user', username: 'carla' } });
  });

  it('mask sensitive fields until someone allowed asks, and audit that', async () => {
    const { clerk, lead, compliance } = await setup();
    const id = await submitInvoice(clerk);
    const task = await waitForTask(lead, (t) => t.instanceId === id && t.kind === 'approval');
    const seen = await detail(lead, task.id);
    expect(JSON.stringify(seen.data)).not.toContain('DE89370400440532013000');
    expect(seen.maskedPaths).toContain('invoice.captured.iban');
    expect(await core.call('tasks.unmask', { taskId: task.id, path: 'invoice.captured.iban' }, lead.credential)).toMatchObject({
      ok: false,
      error: { status: 403 },
    });
    const clear = await core.ok<{ value: string }>('tasks.unmask', { taskId: task.id, path: 'invoice.captured.iban' }, compliance.credential);
    expect(clear.value).toBe('DE89370400440532013000');
    const audit = await core.ok<{ items: { actor: { username: string }; payload: { path: string } }[] }>(
      'audit.search',
      { action: 'data.unmasked', limit: 5 },
      core.admin,
    );
    expect(audit.items[0]).toMatchObject({ actor: { username: 'cora' }, payload: { path: 'invoice.captured.iban' } });
  });
});

describe('approvals with segregation of duties', () => {
  it('refuses the initiator and the data editor, one person on two levels; needs the quorum, level by level', async () => {
    const { clerk, lead, finance1, finance2 } = await setup();
    const id = await submitInvoice(clerk);
    const level1 = await waitForTask(lead, (t) => t.instanceId === id && t.kind === 'approval');
    expect(level1.level).toMatch(/^Team lead — level 1 of 2/);
    const hash = (await detail(lead, level1.id)).approval?.dataHash as string;

    await core.ok('approvals.decide', { taskId: level1.id, decision: 'approve', dataHash: hash }, lead.credential);
    const level2 = await waitForTask(finance1, (t) => t.instanceId === id && t.level?.startsWith('Finance') === true);
    expect(level2.level).toMatch(/2 approvers/);
    const hash2 = (await detail(finance1, level2.id)).approval?.dataHash as string;

    const twice = await decide(lead, level2.id, 'approve', hash2);
    expect(twice).toMatchObject({
      ok: false,
      error: { status: 403, code: 'segregation_of_duties', message: expect.stringMatching(/one person fills at most one level/) },
    });
    expect((await detail(lead, level2.id)).decideBlockedBecause).toMatch(/at most one level/);

    expect(await decide(finance1, level2.id, 'approve', hash2)).toMatchObject({ ok: true, value: { status: 'open' } });
    const again = await decide(finance1, level2.id, 'approve', hash2);
    expect(again).toMatchObject({ ok: false, error: { code: 'segregation_of_duties' } });
    expect(await decide(finance2, level2.id, 'approve', hash2)).toMatchObject({ ok: true, value: { status: 'completed' } });

    const done = await waitForInstance(core, id, hasStatus('completed'));
    expect(done.variables.decision).toMatchObject({
      decision: 'approved',
      levels: [
        { name: 'Team lead', approvers: ['lena'] },
        { name: 'Finance', approvers: ['frank', 'fiona'] },
      ],
    });
    expect((await refusals('segregation_of_duties')).length).toBe(2);
  });

  it('never lets the initiator or whoever entered the data approve', async () => {
    core = await startTestCore(tempDir(), { engine: true });
    await configureEcho(core);
    await deployFixture(core, 'invoice-approval.yaml');
    const both = await core.userWith(['clerk', 'approver'], 'bob');
    const capturer = await core.userWith(['clerk', 'approver'], 'cid');
    const lead = await core.userWith(['approver'], 'lena');
    const started = await core.ok<{ instanceId: string }>(
      'instances.start',
      { workflow: 'invoice-approval', input: { invoice: { number: 'INV-9' } } },
      both.credential,
    );
    const capture = await waitForTask(capturer, (t) => t.instanceId === started.instanceId);
    await core.ok('tasks.claim', { taskIds: [capture.id] }, capturer.credential);
    await core.ok(
      'tasks.complete',
      { taskId: capture.id, values: { vendor: 'ACME', iban: 'DE89370400440532013000', amount: { amount: '5', currency: 'EUR' } } },
      capturer.credential,
    );
    const approval = await waitForTask(lead, (t) => t.instanceId === started.instanceId && t.kind === 'approval');
    const hash = (await detail(lead, approval.id)).approval?.dataHash as string;
    expect(await decide(both, approval.id, 'approve', hash)).toMatchObject({
      ok: false,
      error: { code: 'segregation_of_duties', message: expect.stringMatching(/initiator never approves/) },
    });
    expect(await decide(capturer, approval.id, 'approve', hash)).toMatchObject({
      ok: false,
      error: { code: 'segregation_of_duties', message: expect.stringMatching(/entered or changed invoice.captured/) },
    });
    const audited = await refusals('segregation_of_duties');
    expect(audited.map((e) => e.payload.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/initiator/), expect.stringMatching(/entered or changed/)]),
    );
  });

  it('applies the site conflict matrix', async () => {
    core = await startTestCore(tempDir(), { engine: true });
    await configureEcho(core);
    await core.ok(
      'workflows.deploy',
      {
        file: 'vendor.yaml',
        text: `workflow: vendor-change\nname: Vendor master change\nsteps:\n  - id: edit\n    kind: task.human\n    title: Change bank account\n    candidates: { roles: [clerk] }\n    form: [{ name: account, label: Account, type: text, required: true }]\n    result: vendor.bank\n`,
      },
      core.admin,
    );
    await deployFixture(core, 'invoice-approval.yaml');
    await core.ok(
      'conflicts.set',
      {
        rules: [
          {
            id: 'vendor-bank-vs-payment',
            description: "Whoever created or changed a vendor's bank account may not approve payments to that vendor",
            approval: { workflow: 'invoice-approval', key: 'invoice.captured.vendor' },
            maker: { workflow: 'vendor-change', key: 'vendor.id', fields: ['vendor.bank'] },
          },
        ],
      },
      core.admin,
    );
    const clerk = await core.userWith(['clerk'], 'carla');
    const editor = await core.userWith(['clerk', 'approver'], 'eddie');
    const vendorChange = await core.ok<{ instanceId: string }>(
      'instances.start',
      { workflow: 'vendor-change', input: { vendor: { id: 'ACME GmbH' } } },
      clerk.credential,
    );
    const edit = await waitForTask(editor, (t) => t.instanceId === vendorChange.instanceId);
    await core.ok('tasks.claim', { taskIds: [edit.id] }, editor.credential);
    await core.ok('tasks.complete', { taskId: edit.id, values: { account: 'DE89370400440532013000' } }, editor.credential);
    await waitForInstance(core, vendorChange.instanceId, hasStatus('completed'));

    const id = await submitInvoice(clerk);
    const approval = await waitForTask(editor, (t) => t.instanceId === id && t.kind === 'approval');
    const view = await detail(editor, approval.id);
    expect(view.can.decide).toBe(false);
    expect(view.decideBlockedBecause).toMatch(/^Conflict rule vendor-bank-vs-payment/);
    expect(await decide(editor, approval.id, 'approve', view.approval?.dataHash as string)).toMatchObject({
      ok: false,
      error: { code: 'segregation_of_duties' },
    });
  });

  it('voids approvals given when the data changes, and loops through reject and request-changes', async () => {
    const { clerk, lead, finance1 } = await setup();
    const id = await submitInvoice(clerk);
    const level1 = await waitForTask(lead, (t) => t.instanceId === id && t.kind === 'approval');
    const hash = (await detail(lead, level1.id)).approval?.dataHash as string;
    await core.ok('approvals.decide', { taskId: level1.id, decision: 'approve', dataHash: hash }, lead.credential);
    const level2 = await waitForTask(finance1, (t) => t.instanceId === id && t.level?.startsWith('Finance') === true);

    expect(await decide(finance1, level2.id, 'request-changes', hash)).toMatchObject({ ok: false, error: { status: 400, issues: [{ path: 'comment' }] } });
    await core.ok(
      'approvals.decide',
      { taskId: level2.id, decision: 'request-changes', dataHash: hash, comment: 'The amount must include VAT' },
      finance1.credential,
    );
    const rework = await waitForTask(clerk, (t) => t.instanceId === id && t.kind === 'rework');
    expect(rework.candidateUsers).toEqual(['carla']);
    const reworkView = await detail(clerk, rework.id);
    expect(reworkView.data).toHaveProperty('invoice');
    // The maker reads what was asked, by whom, on which level.
    expect(reworkView.rework).toEqual({
      comment: 'The amount must include VAT',
      by: 'frank',
      level: expect.stringMatching(/^Finance/),
      at: expect.any(String),
    });
    await core.ok('tasks.claim', { taskIds: [rework.id] }, clerk.credential);
    expect(await core.call('tasks.complete', { taskId: rework.id, values: { 'order.total': 1 } }, clerk.credential)).toMatchObject({
      ok: false,
      error: { status: 400 },
    });
    await core.ok('tasks.complete', { taskId: rework.id, values: { 'invoice.captured.amount': { amount: '1487.50', currency: 'EUR' } } }, clerk.credential);

    // The data changed: the round's decisions are void and level 1 must decide again.
    const again = await waitForTask(
      lead,
      (t) => t.instanceId === id && t.kind === 'approval' && t.level?.startsWith('Team lead') === true && t.id !== level1.id,
    );
    const view = await detail(lead, again.id);
    expect(view.approval?.round).toBe(2);
    expect(view.approval?.decisions.filter((d) => d.voided).map((d) => [d.by, d.decision])).toEqual([
      ['lena', 'approved'],
      ['frank', 'changes-requested'],
    ]);
    expect(view.approval?.dataHash).not.toBe(hash);
    expect(await decide(lead, again.id, 'approve', hash)).toMatchObject({ ok: false, error: { status: 409, code: 'data_changed' } });

    await core.ok(
      'approvals.decide',
      { taskId: again.id, decision: 'reject', dataHash: view.approval?.dataHash, comment: 'Vendor is blocked' },
      lead.credential,
    );
    const done = await waitForInstance(core, id, (d) => d.variables.decision !== undefined);
    expect(done.variables.decision).toMatchObject({ decision: 'rejected', comment: 'Vendor is blocked', by: 'lena' });
    const restarted = await core.ok<{ items: unknown[] }>('audit.search', { action: 'approval.restarted', limit: 5 }, core.admin);
    expect(restarted.items).toHaveLength(1);
  });

  it('chooses the levels by the delegation-of-authority matrix at run time', async () => {
    core = await startTestCore(tempDir(), { engine: true });
    await deployFixture(core, 'authority-matrix.yaml');
    await deployFixture(core, 'matrix-approval.yaml');
    const clerk = await core.userWith(['clerk'], 'carla');
    const lead = await core.userWith(['approver'], 'lena');
    const small = await core.ok<{ instanceId: string }>(
      'instances.start',
      { workflow: 'matrix-approval', input: { payment: { id: 'P1', amount: { amount: '500.00', currency: 'EUR' } } } },
      clerk.credential,
    );
    const big = await core.ok<{ instanceId: string }>(
      'instances.start',
      { workflow: 'matrix-approval', input: { payment: { id: 'P2', amount: { amount: '25000.00', currency: 'EUR' } } } },
      clerk.credential,
    );
    const smallTask = await waitForTask(lead, (t) => t.instanceId === small.instanceId);
    const bigTask = await waitForTask(lead, (t) => t.instanceId === big.instanceId);
    expect(smallTask.level).toBe('Team lead — level 1 of 1');
    expect(bigTask.level).toBe('Team lead — level 1 of 2');
    const timeline = await core.ok<{ items: { action: string; payload: Record<string, unknown> }[] }>(
      'audit.search',
      { subjectType: 'instance', subjectId: big.instanceId, action: 'decision.evaluated' },
      core.admin,
    );
    expect(timeline.items[0]?.payload).toMatchObject({ table: 'authority-matrix', version: 1, matchedRules: [{ index: 0 }, { index: 1 }] });
  });

  it('lets a break-glass override approve with a reason, flagged for review', async () => {
    core = await startTestCore(tempDir(), { engine: true });
    await configureEcho(core);
    await deployFixture(core, 'invoice-approval.yaml');
    const officer = await core.userWith(['clerk', 'compliance'], 'olga');
    const lead = await core.userWith(['approver'], 'lena');
    const started = await core.ok<{ instanceId: string }>(
      'instances.start',
      { workflow: 'invoice-approval', input: { invoice: { number: 'INV-BG' } } },
      officer.credential,
    );
    const capture = await waitForTask(officer, (t) => t.instanceId === started.instanceId);
    await core.ok('tasks.claim', { taskIds: [capture.id] }, officer.credential);
    await core.ok(
      'tasks.complete',
      { taskId: capture.id, values: { vendor: 'ACME', iban: 'DE89370400440532013000', amount: { amount: '5', currency: 'EUR' } } },
      officer.credential,
    );
    const approval = await waitForTask(lead, (t) => t.instanceId === started.instanceId && t.kind === 'approval');
    const hash = (await detail(lead, approval.id)).approval?.dataHash as string;
    const glass = await core.call(
      'approvals.breakGlass',
      { taskId: approval.id, reason: 'Team lead on leave; payment due today', dataHash: hash },
      officer.credential,
    );
    expect(glass).toMatchObject({ ok: true });
    const incidents = await core.ok<{ items: { type: string; ownerRole: string; status: string; id: string }[] }>(
      'incidents.search',
      { status: 'open' },
      officer.credential,
    );
    const review = incidents.items.find((i) => i.type === 'break-glass-review');
    expect(review).toMatchObject({ ownerRole: 'compliance' });
    // Whoever broke the glass does not review it: another compliance officer does.
    const ownReview = await core.call('incidents.resolve', { incidentId: review?.id, reason: 'I checked it myself' }, officer.credential);
    expect(ownReview).toMatchObject({ ok: false, error: { code: 'self_review' } });
    const reviewer = await core.userWith(['compliance'], 'rita');
    await core.ok('incidents.resolve', { incidentId: review?.id, reason: 'Checked with the CFO: acceptable' }, reviewer.credential);
    const events = await core.ok<{ items: { action: string; payload: Record<string, unknown> }[] }>(
      'audit.search',
      { action: 'approval.break-glass', limit: 5 },
      core.admin,
    );
    expect(events.items[0]?.payload).toMatchObject({ reason: 'Team lead on leave; payment due today', overridden: expect.stringMatching(/initiator/) });
  });
});

describe('work management', () => {
  it('delegates while out of office, reassigns with a reason, and escalates on SLA breach', async () => {
    const { clerk } = await setup();
    const colleague = await core.userWith(['clerk'], 'dora');
    const supervisor = core.admin;
    const started = await core.ok<{ instanceId: string }>(
      'instances.start',
      { workflow: 'invoice-approval', input: { invoice: { number: 'INV-D' } } },
      clerk.credential,
    );
    const task = await waitForTask(clerk, (t) => t.instanceId === started.instanceId);
    await core.ok('tasks.claim', { taskIds: [task.id] }, clerk.credential);

    // Out of office: Dora may complete Carla's task during the period.
    const now = core.clock.now();
    await core.ok(
      'delegations.set',
      { delegateUserId: colleague.userId, from: new Date(now - 1000).toISOString(), to: new Date(now + 86_400_000).toISOString() },
      clerk.credential,
    );
    const mine = await core.ok<{ items: TaskSummary[] }>('tasks.list', { scope: 'mine' }, colleague.credential);
    expect(mine.items.map((t) => t.id)).toContain(task.id);
    // Each side can read it back: Carla her delegation, Dora whose work she stands in for.
    const carlaSees = await core.ok<DelegationsView>('delegations.get', {}, clerk.credential);
    expect(carlaSees.mine?.delegate.userId).toBe(colleague.userId);
    expect(Date.parse(carlaSees.mine?.to ?? '')).toBe(now + 86_400_000);
    expect(carlaSees.standingInFor).toEqual([]);
    const doraSees = await core.ok<DelegationsView>('delegations.get', {}, colleague.credential);
    expect(doraSees.mine).toBeNull();
    expect(doraSees.standingInFor.map((d) => d.person.userId)).toEqual([clerk.userId]);

    // A supervisor reassigns it; the reason is kept.
    await core.ok('tasks.reassign', { taskId: task.id, userId: colleague.userId, reason: 'Carla is on sick leave' }, supervisor);
    const reassigned = await core.ok<{ items: { payload: { reason: string; toUsername: string } }[] }>(
      'audit.search',
      { action: 'task.reassigned', limit: 5 },
      supervisor,
    );
    expect(reassigned.items[0]?.payload).toMatchObject({ reason: 'Carla is on sick leave', toUsername: 'dora' });

    // SLA: due in 4 hours; at the breach admins are told and the priority rises; 2 hours later it goes to compliance.
    core.clock.advance(4 * 3_600_000 + 1);
    core.app.engine.wake();
    const escalated = await waitFor(async () => {
      const t = await core.ok<TaskDetail>('tasks.get', { taskId: task.id }, supervisor);
      return t.task.escalationLevel === 1 ? t : null;
    });
    expect(escalated.task.priority).toBe(80);
    const notes = await core.ok<{ items: { kind: string; title: string }[] }>('notifications.list', {}, supervisor);
    expect(notes.items.map((n) => n.kind)).toContain('escalated');
    core.clock.advance(2 * 3_600_000);
    core.app.engine.wake();
    const second = await waitFor(async () => {
      const t = await core.ok<TaskDetail>('tasks.get', { taskId: task.id }, supervisor);
      return t.task.escalationLevel === 2 ? t : null;
    });
    expect(second.task.candidateRoles).toEqual(['compliance']);
    expect(second.task.assignee).toBeNull();
  });
});

async function waitFor<T>(probe: () => Promise<T | null>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
