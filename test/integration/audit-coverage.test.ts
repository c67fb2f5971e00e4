import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contract, type OpName } from '@shared/contract';
import type { InstanceDetail } from '@shared/contract/engine';
import type { TaskDetail, TaskSummary } from '@shared/contract/work';
import type { AuditEvent } from '@shared/domain/audit';
import type { Credential } from '../../src-main/core/auth/authenticator';
import { CoreApp } from '../../src-main/core/app/core-app';
import { ManualClock } from '../../src-main/core/clock/clocks';
import { useTempDirs } from '../support/temp';
import { ORIGIN, PASSWORD, startTestCore, type TestCore } from '../support/core';
import { createTestSite } from '../support/site';
import { configureEcho, deployFixture, deployText, waitForInstance } from '../support/engine';
import { recordUnits, type RecordedUnit, type UnitRecorder } from '../support/unit-recorder';

/**
 * "Every mutation writes its audit event in the same transaction", checked over the whole
 * contract: each operation flagged `mutation: true` is either called here through the
 * dispatcher, with every unit of work it commits recorded, or named in ELSEWHERE with the
 * test that covers it. A mutation added to the catalogue without either fails the first test.
 */

/**
 * Mutations this file does not call, each with the tests that exercise it (checked to exist).
 * The evidence and report operations are being built by the evidence-core helper: covered by
 * test/integration/audit-tamper.test.ts and the report-export tests (evidence-core helper).
 */
const ELSEWHERE: Partial<Record<OpName, readonly string[]>> = {
  'checkpoints.create': ['test/integration/audit-tamper.test.ts', 'test/integration/evidence.test.ts'],
  'audit.rotateKey': ['test/integration/audit-tamper.test.ts'],
  'evidence.configure': ['test/integration/audit-tamper.test.ts', 'test/integration/evidence.test.ts'],
  'reports.export': ['test/integration/report-export.test.ts'],
};

/**
 * Units that change rows without an event because they record no decision of anyone:
 * the authenticator's activity touch of a session or a personal access token (last seen,
 * idle expiry), which every authenticated call makes in a unit of its own.
 */
const BOOKKEEPING_ONLY: readonly (readonly string[])[] = [['sessions'], ['access_tokens']];

/** Tables an audit append writes besides the event itself (none today); everything else is state. */
const AUDIT_TABLES = new Set(['audit_events']);

interface Expected {
  /** The audited action, e.g. instance.suspended. */
  action: string | RegExp;
  /** The subject the event must name: the thing the operation changed (any id of the type when the id is made inside the unit). */
  subject: { type: string; id?: string };
  /** The operation changes nothing but the trail (viewing a masked value is itself the evidence). */
  auditOnly?: boolean;
}

const tempDir = useTempDirs();
const REPO = resolve(import.meta.dirname, '../..');
const SCHEDULES = resolve(import.meta.dirname, '../fixtures/schedules');
let core: TestCore | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

/** A system that takes a request and drops the connection: the outcome is unknown, so a call without idempotency ends in doubt. */
let dropper: Server;
beforeAll(async () => {
  dropper = createServer((request) => request.socket.destroy());
  await new Promise<void>((r) => dropper.listen(0, '127.0.0.1', r));
});
afterAll(async () => {
  dropper.closeAllConnections();
  await new Promise((r) => dropper.close(r));
});

const mutations = (Object.keys(contract) as OpName[]).filter((name) => contract[name].mutation);

describe('audit coverage of the contract', () => {
  it('names every mutation of the catalogue: called in this file or covered by a named test', () => {
    const here = new Set(EXERCISED_HERE);
    const elsewhere = new Set(Object.keys(ELSEWHERE));
    expect(mutations.filter((name) => !here.has(name) && !elsewhere.has(name))).toEqual([]);
    expect([...here].filter((name) => elsewhere.has(name))).toEqual([]);
    // No stale entries: everything listed is a mutation of today's catalogue, covered by a test that exists.
    expect([...here, ...elsewhere].filter((name) => !(mutations as string[]).includes(name))).toEqual([]);
    const tests = Object.values(ELSEWHERE).flat();
    expect(tests.filter((file) => !existsSync(resolve(REPO, file)))).toEqual([]);
  });

  it('creates the first admin and its audit event in one unit', async () => {
    const site = await createTestSite(tempDir());
    const clock = new ManualClock(Date.UTC(2026, 10, 30, 9, 0, 0));
    const app = await CoreApp.start({ site: await site.open(clock), clock, ownership: false, log: () => {} });
    try {
      const recorder = recordUnits(app.site.store);
      const setupToken = await app.services.setup.issueToken();
      const { value, units } = await recorder.during('setup.createFirstAdmin', () =>
        app.dispatch({
          op: 'setup.createFirstAdmin',
          input: { setupToken, username: 'keeper', displayName: 'Key Keeper', password: 'Temporary-Site-Pass-1' },
          origin: ORIGIN,
        }),
      );
      expect(value, JSON.stringify(value)).toMatchObject({ ok: true });
      const root = await app.site.store.read((tx) => tx.users.findByUsername('keeper'));
      expectAuditedInOneUnit('setup.createFirstAdmin', units, { action: 'user.created', subject: { type: 'user', id: root?.id as string } });
    } finally {
      await app.close();
    }
  });

  it('writes each mutation and its audit event in the same unit of work', async () => {
    core = await startTestCore(tempDir(), { engine: true });
    const recorder = recordUnits(core.app.site.store);
    // setup.createFirstAdmin is checked by the test above, on a site that has no admin yet.
    const done = new Set<OpName>(['setup.createFirstAdmin']);
    const check = async <T>(op: OpName, input: unknown, credential: Credential, expected: (value: T) => Expected): Promise<T> => {
      const { value: result, units } = await recorder.during(op, () => (core as TestCore).call(op, input, credential));
      if (!result.ok) throw new Error(`${op} failed: ${JSON.stringify(result.error)}`);
      expectAuditedInOneUnit(op, units, expected(result.value as T));
      done.add(op);
      return result.value as T;
    };
    await scenario(core, recorder, check, (op) => done.add(op));
    expect([...done].sort()).toEqual([...EXERCISED_HERE].sort());
  }, 120_000);
});

/** The operations the scenario below calls, in the order it calls them. */
const EXERCISED_HERE: readonly OpName[] = [
  'setup.createFirstAdmin',
  'users.create',
  'session.signIn',
  'session.changePassword',
  'session.lock',
  'session.unlock',
  'session.signOut',
  'users.setRoles',
  'users.disable',
  'users.enable',
  'users.unlock',
  'users.resetPassword',
  'tokens.issue',
  'tokens.revoke',
  'connectors.save',
  'workflows.deploy',
  'instances.start',
  'instances.suspend',
  'instances.resume',
  'signals.send',
  'instances.cancel',
  'instances.retry',
  'instances.skip',
  'incidents.assign',
  'instances.reconcile',
  'tasks.claim',
  'tasks.release',
  'tasks.comment',
  'tasks.attach',
  'tasks.reassign',
  'tasks.complete',
  'instances.unmask',
  'tasks.unmask',
  'approvals.breakGlass',
  'incidents.resolve',
  'approvals.decide',
  'delegations.set',
  'notifications.markRead',
  'calendars.import',
  'calendars.combine',
  'schedules.create',
  'schedules.update',
  'schedules.pause',
  'schedules.resume',
  'schedules.runNow',
  'conflicts.set',
  'changes.reject',
  'changes.approve',
];

type Check = <T>(op: OpName, input: unknown, credential: Credential, expected: (value: T) => Expected) => Promise<T>;

/**
 * Asserts what one operation's units did: every unit that changed state appended an event
 * (apart from activity touches), and one unit both changed state and appended the expected
 * event naming the operation's subject.
 */
function expectAuditedInOneUnit(op: string, units: RecordedUnit[], expected: Expected): void {
  const described = JSON.stringify(
    units.map((u) => ({ tables: u.tables, events: u.events.map((e) => `${e.action} ${e.subject?.type}:${e.subject?.id}`) })),
    null,
    1,
  );
  const state = (u: RecordedUnit) => u.tables.filter((t) => !AUDIT_TABLES.has(t));
  const bookkeeping = (u: RecordedUnit) => BOOKKEEPING_ONLY.some((only) => state(u).every((t) => only.includes(t)));
  const unaudited = units.filter((u) => state(u).length > 0 && u.events.length === 0 && !bookkeeping(u));
  expect(unaudited, `${op}: units that changed state without an audit event:\n${described}`).toEqual([]);
  const matches = (e: AuditEvent) =>
    (typeof expected.action === 'string' ? e.action === expected.action : expected.action.test(e.action)) &&
    e.subject?.type === expected.subject.type &&
    (expected.subject.id === undefined || e.subject.id === expected.subject.id);
  const carrying = units.filter((u) => u.events.some(matches) && (expected.auditOnly || state(u).length > 0));
  expect(
    carrying.length,
    `${op}: no unit ${expected.auditOnly ? 'appended' : 'changed state and appended'} ${String(expected.action)} on ${expected.subject.type}:${expected.subject.id}; units:\n${described}`,
  ).toBeGreaterThan(0);
}

const LEGACY_WORKFLOW = `workflow: notify-legacy
name: Notify a system that cannot deduplicate
steps:
  - id: notify
    kind: task
    connector: legacy
    action: post
    input: { path: '"/notify"', body: { order: order } }
`;

const FAILING_WORKFLOW = `workflow: rehearse-failure
name: A step that fails
steps:
  - id: charge
    kind: task
    connector: echo
    action: fail
    input: { code: '"DECLINED"', message: '"card declined"' }
`;

const SIGNAL_WORKFLOW = `workflow: await-confirmation
name: Wait for a confirmation
steps:
  - id: confirmation
    kind: wait
    signal:
      name: order-confirmed
      correlationKey: order
      result: confirmation
`;

/** The step run an open incident holds, once the instance has one. */
async function incidentOf(core: TestCore, instanceId: string): Promise<{ activationId: string; incidentId: string }> {
  const detail = await waitForInstance(core, instanceId, (d) => d.incidents.some((i) => i.status === 'open'));
  const incident = detail.incidents.find((i) => i.status === 'open') as InstanceDetail['incidents'][number];
  const activationId = Object.values(detail.steps).find((s) => s.state === 'incident' || s.state === 'in-doubt')?.activation;
  if (!activationId) throw new Error(`no step of ${instanceId} is held by an incident: ${JSON.stringify(detail.steps)}`);
  return { activationId, incidentId: incident.id };
}

async function taskFor(core: TestCore, credential: Credential, instanceId: string, kind: 'task' | 'approval'): Promise<TaskSummary> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const page = await core.ok<{ items: TaskSummary[] }>('tasks.list', { scope: 'available' }, credential);
    const found = page.items.find((t) => t.instanceId === instanceId && t.kind === kind);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no ${kind} of ${instanceId} reached this person`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function scenario(core: TestCore, recorder: UnitRecorder, check: Check, checked: (op: OpName) => void): Promise<void> {
  const admin = core.admin;
  const user = (id: string) => ({ type: 'user', id });

  // Users and sessions.
  const created = await check<{ user: { id: string } }>(
    'users.create',
    { username: 'ulla', displayName: 'Ulla User', roles: ['clerk'], temporaryPassword: 'Temporary-Pass-123' },
    admin,
    (v) => ({ action: 'user.created', subject: user(v.user.id) }),
  );
  const ulla = created.user.id;
  const signedIn = await recorder.during('session.signIn', () => core.call('session.signIn', { username: 'ulla', password: 'Temporary-Pass-123' }));
  if (!signedIn.value.ok || !signedIn.value.session || !('set' in signedIn.value.session)) throw new Error('sign-in failed');
  // The session is created by the unit itself: its id comes from the event.
  expectAuditedInOneUnit('session.signIn', signedIn.units, { action: 'session.signed-in', subject: { type: 'session' } });
  checked('session.signIn');
  const sessionId = signedIn.units.flatMap((u) => u.events).find((e) => e.action === 'session.signed-in')?.subject?.id as string;
  const onSession = (action: string) => () => ({ action, subject: { type: 'session', id: sessionId } });
  const session: Credential = { kind: 'session', token: signedIn.value.session.set.token };
  await check('session.changePassword', { currentPassword: 'Temporary-Pass-123', newPassword: PASSWORD }, session, () => ({
    action: 'user.password.changed',
    subject: user(ulla),
  }));
  await check('session.lock', {}, session, onSession('session.locked'));
  await check('session.unlock', { password: PASSWORD }, session, onSession('session.unlocked'));
  await check('session.signOut', {}, session, onSession('session.signed-out'));
  await check('users.setRoles', { userId: ulla, roles: ['clerk', 'approver'] }, admin, () => ({ action: 'user.roles.changed', subject: user(ulla) }));
  await check('users.disable', { userId: ulla }, admin, () => ({ action: /^user\.disabled$/, subject: user(ulla) }));
  await check('users.enable', { userId: ulla }, admin, () => ({ action: /^user\.enabled$/, subject: user(ulla) }));
  await check('users.unlock', { userId: ulla }, admin, () => ({ action: /^user\.unlocked$/, subject: user(ulla) }));
  await check('users.resetPassword', { userId: ulla, temporaryPassword: 'Temporary-Pass-456' }, admin, () => ({
    action: /^user\.password\.reset$/,
    subject: user(ulla),
  }));
  const issued = await check<{ summary: { id: string } }>('tokens.issue', { userId: ulla, name: 'nightly export', expiresInDays: 1 }, admin, (v) => ({
    action: 'token.issued',
    subject: { type: 'access-token', id: v.summary.id },
  }));
  const tokenId = issued.summary.id;
  await check('tokens.revoke', { tokenId }, admin, () => ({ action: 'token.revoked', subject: { type: 'access-token', id: tokenId } }));

  // Connectors and workflows.
  await check('connectors.save', { name: 'echo', type: 'echo', config: { delayMs: 0 } }, admin, () => ({
    action: /^connector\./,
    subject: { type: 'connector', id: 'echo' },
  }));
  const port = (dropper.address() as AddressInfo).port;
  await configureEcho(core);
  await core.ok(
    'connectors.save',
    { name: 'legacy', type: 'http', config: { baseUrl: `http://127.0.0.1:${port}`, allowedHosts: [`127.0.0.1:${port}`] } },
    admin,
  );
  await check<{ versions: { workflow: string; version: number }[] }>(
    'workflows.deploy',
    { file: 'rehearse-failure.yaml', text: FAILING_WORKFLOW },
    admin,
    () => ({ action: /^workflow\.deployed$/, subject: { type: 'workflow', id: 'rehearse-failure' } }),
  );
  for (const [file, text] of [
    ['notify-legacy.yaml', LEGACY_WORKFLOW],
    ['await-confirmation.yaml', SIGNAL_WORKFLOW],
  ] as const)
    await deployText(core, file, text);
  await deployFixture(core, 'invoice-approval.yaml');
  await deployFixture(core, 'scheduled-report.yaml');

  // Instances and operator actions.
  const officer = await core.userWith(['clerk', 'compliance'], 'olga');
  const startAs = (credential: Credential, workflow: string, input: Record<string, unknown>) =>
    check<{ instanceId: string }>('instances.start', { workflow, input }, credential, (v) => ({
      action: 'instance.created',
      subject: { type: 'instance', id: v.instanceId },
    })).then((v) => v.instanceId);
  const waiting = await startAs(officer.credential, 'await-confirmation', { order: 'PO-1' });
  await waitForInstance(core, waiting, (d) => d.instance.status === 'waiting');
  const onInstance = (id: string, action: string | RegExp) => () => ({ action, subject: { type: 'instance', id } });
  await check('instances.suspend', { instanceId: waiting, reason: 'customer called' }, admin, onInstance(waiting, 'instance.suspended'));
  await check('instances.resume', { instanceId: waiting, reason: 'customer confirmed' }, admin, onInstance(waiting, 'instance.resumed'));
  // The signal's id is made inside the unit; the unit must also hold the delivery to the instance's mailbox.
  const sent = await check<{ delivered: number }>('signals.send', { name: 'order-confirmed', correlationKey: 'PO-1', payload: { ok: true } }, admin, () => ({
    action: 'signal.sent',
    subject: { type: 'signal' },
  }));
  expect(sent.delivered).toBe(1);
  await waitForInstance(core, waiting, (d) => d.instance.status === 'completed');
  const toCancel = await startAs(officer.credential, 'await-confirmation', { order: 'PO-2' });
  await waitForInstance(core, toCancel, (d) => d.instance.status === 'waiting');
  await check('instances.cancel', { instanceId: toCancel, reason: 'order withdrawn' }, admin, onInstance(toCancel, 'instance.cancel-requested'));

  const failing = await startAs(officer.credential, 'rehearse-failure', {});
  const first = await incidentOf(core, failing);
  await check(
    'instances.retry',
    { instanceId: failing, activationId: first.activationId, reason: 'card re-issued' },
    admin,
    onInstance(failing, 'instance.retry-requested'),
  );
  const second = await incidentOf(core, failing);
  await check(
    'instances.skip',
    { instanceId: failing, activationId: second.activationId, value: { charged: 'manually' }, reason: 'charged by phone' },
    admin,
    onInstance(failing, 'instance.skip-requested'),
  );
  const stuck = await startAs(officer.credential, 'rehearse-failure', {});
  const held = await incidentOf(core, stuck);
  // Incident events name the instance the incident holds (its timeline shows them).
  const onIncident = (action: string) => () => ({ action, subject: { type: 'instance', id: stuck } });
  await check('incidents.assign', { incidentId: held.incidentId, role: 'compliance', reason: 'needs a policy call' }, admin, onIncident('incident.assigned'));

  const doubtful = await startAs(officer.credential, 'notify-legacy', { order: 'PO-3' });
  const inDoubt = await incidentOf(core, doubtful);
  await check(
    'instances.reconcile',
    { instanceId: doubtful, activationId: inDoubt.activationId, done: true, value: { notified: true }, reason: 'the other system has it' },
    admin,
    onInstance(doubtful, 'instance.reconcile-requested'),
  );

  // Human work: capture, approvals, masking.
  const dora = await core.userWith(['clerk'], 'dora');
  const lead = await core.userWith(['approver'], 'lena');
  const cora = await core.userWith(['compliance'], 'cora');
  const invoice = await startAs(officer.credential, 'invoice-approval', { invoice: { number: 'INV-1' } });
  const capture = await taskFor(core, officer.credential, invoice, 'task');
  const onTask = (id: string, action: string | RegExp) => () => ({ action, subject: { type: 'task', id } });
  await check('tasks.claim', { taskIds: [capture.id] }, officer.credential, onTask(capture.id, 'task.claimed'));
  await check('tasks.release', { taskIds: [capture.id] }, officer.credential, onTask(capture.id, 'task.released'));
  await core.ok('tasks.claim', { taskIds: [capture.id] }, officer.credential);
  await check('tasks.comment', { taskId: capture.id, text: 'vendor confirmed by phone' }, officer.credential, onTask(capture.id, 'task.commented'));
  await check<{ documentId: string }>(
    'tasks.attach',
    { taskId: capture.id, name: 'invoice.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.7\n%%EOF\n').toString('base64') },
    officer.credential,
    onTask(capture.id, 'task.document.attached'),
  );
  await check('tasks.reassign', { taskId: capture.id, userId: dora.userId, reason: 'Olga is on leave' }, admin, onTask(capture.id, 'task.reassigned'));
  await check(
    'tasks.complete',
    { taskId: capture.id, values: { vendor: 'ACME GmbH', iban: 'DE89 3704 0044 0532 0130 00', amount: { amount: '1250.00', currency: 'EUR' } } },
    dora.credential,
    onTask(capture.id, 'task.completed'),
  );
  const approval = await taskFor(core, lead.credential, invoice, 'approval');
  await check('instances.unmask', { instanceId: invoice, path: 'invoice.captured.iban' }, cora.credential, () => ({
    action: 'data.unmasked',
    subject: { type: 'instance', id: invoice },
    auditOnly: true,
  }));
  await check('tasks.unmask', { taskId: approval.id, path: 'invoice.captured.iban' }, cora.credential, () => ({
    action: 'data.unmasked',
    subject: { type: 'task', id: approval.id },
    auditOnly: true,
  }));
  const hash = async (credential: Credential, taskId: string) => (await core.ok<TaskDetail>('tasks.get', { taskId }, credential)).approval?.dataHash as string;
  await check(
    'approvals.breakGlass',
    { taskId: approval.id, reason: 'Team lead on leave; payment due today', dataHash: await hash(officer.credential, approval.id) },
    officer.credential,
    onInstance(invoice, 'approval.break-glass'), // approval events name the instance whose data is approved
  );
  // A break-glass review is an incident that holds no step: it is resolved by a person.
  const incidents = await core.ok<{ items: { id: string; type: string; instanceId: string }[] }>('incidents.search', {}, admin);
  const review = incidents.items.find((i) => i.type === 'break-glass-review' && i.instanceId === invoice);
  if (!review) throw new Error(`break glass raised no review incident: ${JSON.stringify(incidents.items)}`);
  await check('incidents.resolve', { incidentId: review.id, reason: 'Checked with the CFO: acceptable' }, admin, () => ({
    action: 'incident.resolved',
    subject: { type: 'instance', id: invoice },
  }));
  const finance = await taskFor(core, lead.credential, invoice, 'approval');
  await check(
    'approvals.decide',
    { taskId: finance.id, decision: 'approve', dataHash: await hash(lead.credential, finance.id) },
    lead.credential,
    onInstance(invoice, /^approval\./),
  );
  const now = core.clock.now();
  await check(
    'delegations.set',
    { delegateUserId: dora.userId, from: new Date(now).toISOString(), to: new Date(now + 86_400_000).toISOString() },
    officer.credential,
    () => ({ action: /^delegation\./, subject: user(officer.userId) }),
  );
  // Break glass notified someone (the compliance officers who review it, or admins): they mark it read.
  let reader: { credential: Credential; note: string } | null = null;
  for (const person of [admin, cora.credential, officer.credential, lead.credential]) {
    const notes = await core.ok<{ items: { id: string }[] }>('notifications.list', { unreadOnly: true, limit: 50 }, person);
    if (notes.items[0]) reader = { credential: person, note: notes.items[0].id };
  }
  if (!reader) throw new Error('nobody has a notification to mark read after a break-glass approval');
  const note = reader.note;
  await check('notifications.markRead', { ids: [note] }, reader.credential, () => ({ action: /^notification/, subject: { type: 'notification', id: note } }));

  // Calendars and schedules.
  const holidays = readFileSync(resolve(SCHEDULES, 'holidays.csv'), 'utf8');
  const calendar = (name: string) => ({ action: 'calendar.updated', subject: { type: 'calendar', id: name } });
  await check('calendars.import', { name: 'TEST', zone: 'Europe/Berlin', format: 'csv', fileName: 'holidays.csv', content: holidays }, admin, () =>
    calendar('TEST'),
  );
  await core.ok('calendars.import', { name: 'OTHER', zone: 'Europe/Berlin', format: 'csv', fileName: 'holidays.csv', content: holidays }, admin);
  await check('calendars.combine', { name: 'BOTH', zone: 'Europe/Berlin', members: ['TEST', 'OTHER'] }, admin, () => calendar('BOTH'));
  const definition = {
    name: 'daily-report',
    description: '',
    workflow: 'scheduled-report',
    input: { fireTime: 'fireTime', businessDate: 'businessDate', takes: '"PT1M"' },
    spec: { rule: { kind: 'every-business-day' }, time: '10:30', zone: 'Europe/Berlin', calendar: 'TEST', startDate: '2026-11-01' },
    misfire: { policy: 'run-once', cap: 10 },
    overlap: 'allow',
    cutoff: null,
    ownerRole: 'admin',
  };
  const schedule = await check<{ id: string; revision: number }>('schedules.create', definition, admin, (v) => ({
    action: 'schedule.created',
    subject: { type: 'schedule', id: v.id },
  }));
  const onSchedule = (action: string | RegExp) => () => ({ action, subject: { type: 'schedule', id: schedule.id } });
  await check(
    'schedules.update',
    { scheduleId: schedule.id, revision: schedule.revision, definition: { ...definition, description: 'for the CFO' } },
    admin,
    onSchedule('schedule.updated'),
  );
  await check('schedules.pause', { scheduleId: schedule.id, reason: 'bank holiday rehearsal' }, admin, onSchedule('schedule.paused'));
  await check('schedules.resume', { scheduleId: schedule.id }, admin, onSchedule(/^schedule\.resumed$/));
  await check('schedules.runNow', { scheduleId: schedule.id, reason: 're-run after the bank file was fixed' }, admin, onSchedule(/^schedule\.(run|fired)/));

  // Segregation-of-duties rules and four-eyes changes.
  const rule = {
    id: 'capturer-not-approver',
    description: 'whoever captures an invoice may not approve it',
    approval: { workflow: 'invoice-approval', key: 'invoice.number' },
    maker: { workflow: 'invoice-approval', key: 'invoice.number', fields: ['invoice.captured'] },
  };
  await check('conflicts.set', { rules: [rule] }, admin, () => ({
    action: 'sod.conflict-matrix.changed',
    subject: { type: 'setting', id: 'sod.conflict-matrix' },
  }));
  const otherAdmin = await core.userWith(['admin'], 'second-admin');
  const pending = await core.ok<{ status: string; changeId: string }>('conflicts.set', { rules: [] }, admin);
  expect(pending.status).toBe('pending-approval');
  await check('changes.reject', { changeId: pending.changeId, reason: 'keep the rule' }, otherAdmin.credential, () => ({
    action: 'config-change.rejected',
    subject: { type: 'config-change', id: pending.changeId },
  }));
  const again = await core.ok<{ changeId: string }>('conflicts.set', { rules: [] }, admin);
  await check('changes.approve', { changeId: again.changeId }, otherAdmin.credential, () => ({
    action: /^config-change\.(approved|applied)$/,
    subject: { type: 'config-change', id: again.changeId },
  }));
}
