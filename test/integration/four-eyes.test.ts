import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DeployResult } from '@shared/contract/engine';
import type { CoreEvent } from '@shared/contract/events';
import { useTempDirs } from '../support/temp';
import { startTestCore, type TestCore } from '../support/core';
import { configureEcho, WORKFLOWS } from '../support/engine';

const tempDir = useTempDirs();
let core: TestCore;
afterEach(async () => core?.close());

const fixture = (name: string) => readFileSync(resolve(WORKFLOWS, name), 'utf8');

describe('four-eyes on configuration', () => {
  it('applies at once on a single-admin site, saying the control was waived', async () => {
    core = await startTestCore(tempDir(), { engine: true });
    await configureEcho(core);
    const result = await core.ok<DeployResult>('workflows.deploy', { file: 'child-echo.yaml', text: fixture('child-echo.yaml') }, core.admin);
    expect(result).toMatchObject({ outcome: 'deployed', changeId: null });
    const applied = await core.ok<{ items: { payload: { fourEyes: string } }[] }>('audit.search', { action: 'config-change.applied', limit: 5 }, core.admin);
    expect(applied.items.some((e) => /waived: the site has a single active admin/.test(e.payload.fourEyes))).toBe(true);
  });

  it('holds deployments, the conflict matrix and role grants until a second admin approves; nobody approves their own', async () => {
    core = await startTestCore(tempDir(), { engine: true });
    await configureEcho(core);
    const second = await core.userWith(['admin'], 'hanna');

    // The request is announced to the change pages, and its notification to the other admin alone.
    const announced: CoreEvent[] = [];
    core.app.events.subscribe((event) => announced.push(event));
    const pending = await core.ok<DeployResult>('workflows.deploy', { file: 'child-echo.yaml', text: fixture('child-echo.yaml') }, core.admin);
    expect(announced).toContainEqual({
      topic: 'changes.changed',
      payload: { changeId: pending.changeId, status: 'pending' },
      audience: { kind: 'permission', permission: 'user.read' },
    });
    expect(announced.filter((e) => e.topic === 'notifications.new')).toEqual([
      {
        topic: 'notifications.new',
        payload: { id: expect.any(String), title: expect.stringMatching(/^Change awaiting your approval/) },
        audience: { kind: 'user', userId: second.userId },
      },
    ]);
    expect(pending).toMatchObject({ outcome: 'pending-approval', deployed: [{ key: 'child-echo', version: 1 }] });
    expect((await core.ok<{ items: unknown[] }>('workflows.list', {}, core.admin)).items).toHaveLength(0);
    const own = await core.call('changes.approve', { changeId: pending.changeId }, core.admin);
    expect(own).toMatchObject({ ok: false, error: { status: 403, code: 'four_eyes' } });
    const listed = await core.ok<{ items: { id: string; status: string; requestedBy: string }[] }>('changes.list', { status: 'pending' }, second.credential);
    expect(listed.items).toEqual([expect.objectContaining({ id: pending.changeId, requestedBy: 'admin' })]);
    const notified = await core.ok<{ items: { kind: string }[] }>('notifications.list', {}, second.credential);
    expect(notified.items.map((n) => n.kind)).toContain('pending-change');

    await core.ok('changes.approve', { changeId: pending.changeId, comment: 'reviewed the diff' }, second.credential);
    expect((await core.ok<{ items: { key: string; latestVersion: number }[] }>('workflows.list', {}, core.admin)).items).toEqual([
      expect.objectContaining({ key: 'child-echo', latestVersion: 1 }),
    ]);
    const deployed = await core.ok<{ items: { actor: { username: string }; payload: { approvedBy: string } }[] }>(
      'audit.search',
      { action: 'workflow.deployed', limit: 5 },
      core.admin,
    );
    expect(deployed.items[0]).toMatchObject({ actor: { username: 'admin' }, payload: { approvedBy: 'hanna' } });

    const matrix = await core.ok<{ status: string; changeId: string }>('conflicts.set', { rules: [] }, second.credential);
    expect(matrix.status).toBe('pending-approval');
    await core.ok('changes.reject', { changeId: matrix.changeId, reason: 'keep the current matrix' }, core.admin);
    expect((await core.ok<{ items: { status: string }[] }>('changes.list', { status: 'rejected' }, core.admin)).items).toHaveLength(1);

    const newcomer = await core.ok<{ user: { id: string; roles: string[] }; status: string; changeId: string }>(
      'users.create',
      { username: 'newbie', displayName: 'New Admin', roles: ['admin'], temporaryPassword: 'Temporary-Pass-123' },
      core.admin,
    );
    expect(newcomer).toMatchObject({ status: 'pending-approval', user: { roles: [] } });
    expect(await core.call('changes.approve', { changeId: newcomer.changeId }, core.admin)).toMatchObject({ ok: false, error: { code: 'four_eyes' } });
    await core.ok('changes.approve', { changeId: newcomer.changeId }, second.credential);
    const users = await core.ok<{ items: { username: string; roles: string[] }[] }>('users.list', {}, core.admin);
    expect(users.items.find((u) => u.username === 'newbie')?.roles).toEqual(['admin']);
  });

  it('warns at deploy when one role can both make and check the same data', async () => {
    core = await startTestCore(tempDir(), { engine: true });
    await configureEcho(core);
    const text = `workflow: self-check
name: Self check
steps:
  - id: enter
    kind: task.human
    title: Enter
    candidates: { roles: [approver] }
    result: order.details
  - id: check
    kind: approval
    title: Check
    subject: [order]
    levels: [{ name: Check, roles: [approver, clerk] }]
`;
    const result = await core.ok<DeployResult>('workflows.validate', { file: 'self-check.yaml', text }, core.admin);
    const warnings = result.problems.filter((p) => p.code === 'maker-checker');
    expect(warnings.map((w) => [w.severity, w.line])).toEqual([
      ['warning', 13],
      ['warning', 13],
    ]);
    expect(warnings.map((w) => w.message).join('\n')).toMatch(/role approver can both make the data under approval \(entering order.details in step enter\)/);
    expect(warnings.map((w) => w.message).join('\n')).toMatch(/role clerk can both make the data under approval \(starting the instance with its input\)/);
  });
});
