import { afterEach, describe, expect, it } from 'vitest';
import type { InstanceDetail } from '@shared/contract/engine';
import type { TaskSummary } from '@shared/contract/work';
import type { Credential } from '../../src-main/core/auth/authenticator';
import { useTempDirs } from '../support/temp';
import { startTestCore, type TestCore } from '../support/core';
import { configureEcho, deployFixture, waitForInstance } from '../support/engine';

/**
 * Instance variables are masked like a task's fields: a form field marked `sensitive` (the
 * vendor IBAN of invoice-approval.yaml) and values named like one (an account) arrive masked
 * for every role; `instances.unmask` shows one in clear to those who may, as an audited
 * `data.unmasked`; and nobody without that permission may probe them with a search.
 */
const tempDir = useTempDirs();
let core: TestCore;
afterEach(async () => core?.close());

const IBAN = 'DE89370400440532013000';

interface Person {
  credential: Credential;
  username: string;
}

async function setup(): Promise<{ clerk: Person; compliance: Person; auditor: Person; instanceId: string }> {
  core = await startTestCore(tempDir(), { engine: true });
  await configureEcho(core);
  await deployFixture(core, 'invoice-approval.yaml');
  const clerk = await core.userWith(['clerk'], 'carla');
  const compliance = await core.userWith(['compliance'], 'cora');
  const auditor = await core.userWith(['auditor'], 'aldo');
  const started = await core.ok<{ instanceId: string }>(
    'instances.start',
    // The payee's bank account is not declared by any form: its name alone makes it sensitive.
    {
      workflow: 'invoice-approval',
      input: { invoice: { number: 'INV-7' }, payee: { bankAccount: { iban: 'FR1420041010050500013M02606', bic: 'PSSTFRPPXXX' } } },
    },
    clerk.credential,
  );
  let task: TaskSummary | undefined;
  const deadline = Date.now() + 10_000;
  while (!task) {
    const page = await core.ok<{ items: TaskSummary[] }>('tasks.list', { scope: 'available' }, clerk.credential);
    task = page.items.find((t) => t.instanceId === started.instanceId);
    if (!task && Date.now() > deadline) throw new Error('the capture task did not appear');
    if (!task) await new Promise((r) => setTimeout(r, 25));
  }
  await core.ok('tasks.claim', { taskIds: [task.id] }, clerk.credential);
  await core.ok(
    'tasks.complete',
    { taskId: task.id, values: { vendor: 'ACME GmbH', iban: 'DE89 3704 0044 0532 0130 00', amount: { amount: '1250.00', currency: 'EUR' } } },
    clerk.credential,
  );
  await waitForInstance(core, started.instanceId, (d) => d.steps.approve?.state === 'waiting');
  return { clerk, compliance, auditor, instanceId: started.instanceId };
}

const unmaskedEvents = () =>
  core.ok<{ items: { actor: { username: string }; subject: { type: string; id: string }; payload: { path: string } }[] }>(
    'audit.search',
    { action: 'data.unmasked', limit: 50 },
    core.admin,
  );

describe('instance variables masked by role', () => {
  it('masks declared and sensitive-named values for every role, and leaves the rest in clear', async () => {
    const { clerk, compliance, auditor, instanceId } = await setup();
    for (const credential of [clerk.credential, compliance.credential, auditor.credential, core.admin]) {
      const detail = await core.ok<InstanceDetail>('instances.get', { instanceId }, credential);
      const text = JSON.stringify(detail);
      expect(text).not.toContain(IBAN);
      expect(text).not.toContain('FR1420041010050500013M02606');
      expect(text).not.toContain('PSSTFRPPXXX');
      expect(detail.maskedPaths.sort()).toEqual(['invoice.captured.iban', 'payee.bankAccount.bic', 'payee.bankAccount.iban']);
      const captured = (detail.variables.invoice as { captured: Record<string, unknown> }).captured;
      expect(captured.iban).toBe('DE•• •••• 3000');
      expect(captured.vendor).toBe('ACME GmbH');
      expect(captured.amount).toEqual({ amount: '1250.00', currency: 'EUR' });
    }
  });

  it('shows one value in clear to those who may, audited as data.unmasked like a task field', async () => {
    const { clerk, compliance, auditor, instanceId } = await setup();
    for (const person of [clerk, auditor]) {
      const refused = await core.call('instances.unmask', { instanceId, path: 'invoice.captured.iban' }, person.credential);
      expect(refused, person.username).toMatchObject({ ok: false, error: { status: 403, code: 'forbidden' } });
    }
    expect(await core.ok('instances.unmask', { instanceId, path: 'invoice.captured.iban' }, compliance.credential)).toEqual({
      path: 'invoice.captured.iban',
      value: IBAN,
    });
    expect(await core.ok('instances.unmask', { instanceId, path: 'payee.bankAccount.bic' }, compliance.credential)).toEqual({
      path: 'payee.bankAccount.bic',
      value: 'PSSTFRPPXXX',
    });

    const notMasked = await core.call('instances.unmask', { instanceId, path: 'invoice.captured.vendor' }, compliance.credential);
    expect(notMasked).toMatchObject({ ok: false, error: { status: 400, issues: [{ path: 'path', message: expect.stringMatching(/is not masked/) }] } });
    const missing = await core.call('instances.unmask', { instanceId, path: 'invoice.captured.swift' }, compliance.credential);
    expect(missing).toMatchObject({ ok: false, error: { status: 404 } });

    const events = (await unmaskedEvents()).items;
    expect(events.map((e) => [e.actor.username, e.subject.type, e.subject.id, e.payload.path])).toEqual([
      ['cora', 'instance', instanceId, 'payee.bankAccount.bic'],
      ['cora', 'instance', instanceId, 'invoice.captured.iban'],
    ]);

    // The same action as a task's unmasking: the report on unmasked views holds both kinds.
    const approval = await core.ok<{ items: TaskSummary[] }>('tasks.list', { scope: 'all' }, core.admin);
    const task = approval.items.find((t) => t.instanceId === instanceId && t.kind === 'approval') as TaskSummary;
    await core.ok('tasks.unmask', { taskId: task.id, path: 'invoice.captured.iban' }, compliance.credential);
    expect(new Set((await unmaskedEvents()).items.map((e) => e.subject.type))).toEqual(new Set(['task', 'instance']));
  });

  it('refuses a variable search on a sensitive path without sensitive.unmask, and audits the refusal', async () => {
    const { clerk, compliance, instanceId } = await setup();
    for (const path of ['invoice.captured.iban', 'invoice.captured', 'payee.bankAccount.bic']) {
      const probe = await core.call('instances.search', { variable: { path, equals: IBAN } }, clerk.credential);
      expect(probe, path).toMatchObject({
        ok: false,
        error: { status: 403, code: 'sensitive_path', message: expect.stringContaining(`variable.path: ${path} holds a sensitive value`) },
      });
    }
    const scoped = await core.call(
      'instances.search',
      { workflow: 'invoice-approval', variable: { path: 'invoice.captured.iban', equals: IBAN } },
      clerk.credential,
    );
    expect(scoped).toMatchObject({ ok: false, error: { code: 'sensitive_path' } });

    const refusals = await core.ok<{ items: { actor: { username: string }; payload: { code: string } }[] }>(
      'audit.search',
      { action: 'access.refused', subjectId: 'instances.search', limit: 50 },
      core.admin,
    );
    expect(refusals.items.filter((e) => e.payload.code === 'sensitive_path' && e.actor.username === 'carla')).toHaveLength(4);

    // Not sensitive: anyone who reads instances searches by it.
    const byNumber = await core.ok<{ items: { id: string }[] }>(
      'instances.search',
      { variable: { path: 'invoice.number', equals: 'INV-7' } },
      clerk.credential,
    );
    expect(byNumber.items.map((i) => i.id)).toEqual([instanceId]);
    // Those who may see the value in clear may look an instance up by it.
    const byIban = await core.ok<{ items: { id: string }[] }>(
      'instances.search',
      { variable: { path: 'invoice.captured.iban', equals: IBAN } },
      compliance.credential,
    );
    expect(byIban.items.map((i) => i.id)).toEqual([instanceId]);
  });
});
