import { afterEach, describe, expect, it } from 'vitest';
import type { Credential } from '../../src-main/core/auth/authenticator';
import { useTempDirs } from '../support/temp';
import { PASSWORD, startTestCore, type TestCore } from '../support/core';

const tempDir = useTempDirs();
let core: TestCore;
afterEach(async () => core?.close());

async function signIn(username: string, password: string) {
  return core.call('session.signIn', { username, password });
}

function credentialOf(result: Awaited<ReturnType<typeof signIn>>): Credential {
  if (!result.ok || !result.session || !('set' in result.session)) throw new Error(JSON.stringify(result));
  return { kind: 'session', token: result.session.set.token };
}

describe('sign-in, sessions and the password policy', () => {
  it('locks an account after 5 failed sign-ins until an admin unlocks it, and audits each failure', async () => {
    core = await startTestCore(tempDir());
    const clerk = await core.userWith(['clerk'], 'carla');
    for (let i = 1; i <= 4; i++)
      expect(await signIn('carla', 'not-my-password-at-all')).toMatchObject({
        ok: false,
        error: { status: 401, code: 'invalid_credentials', message: 'Wrong username or password.' },
      });
    expect(await signIn('carla', 'not-my-password-at-all')).toMatchObject({ ok: false, error: { code: 'account_locked' } });
    expect(await signIn('carla', PASSWORD)).toMatchObject({ ok: false, error: { code: 'account_locked' } });
    const users = await core.ok<{ items: { username: string; locked: boolean }[] }>('users.list', {}, core.admin);
    expect(users.items.find((u) => u.username === 'carla')?.locked).toBe(true);
    await core.ok('users.unlock', { userId: clerk.userId }, core.admin);
    expect(await signIn('carla', PASSWORD)).toMatchObject({ ok: true });
    const failures = await core.ok<{ items: { payload: { reason: string } }[] }>('audit.search', { action: 'session.sign-in.failed', limit: 50 }, core.admin);
    expect(failures.items.map((e) => e.payload.reason)).toEqual(
      expect.arrayContaining(['account locked', 'wrong password; account now locked', 'wrong password (1 of 5)']),
    );
    const unknown = await signIn('nobody-here', 'whatever-password');
    expect(unknown).toMatchObject({ ok: false, error: { message: 'Wrong username or password.' } });
  });

  it('enforces the password policy with field-level messages', async () => {
    core = await startTestCore(tempDir());
    const weak = [
      ['short', 'must be at least 12 characters'],
      ['password1234', 'most common'],
      ['aaaaaaaaaaaaaa', 'repeated'],
      ['Dora-Explorer-2026', 'username or name'],
    ] as const;
    for (const [password, message] of weak) {
      const result = await core.call(
        'users.create',
        { username: 'dora', displayName: 'Dora Explorer', roles: ['clerk'], temporaryPassword: password },
        core.admin,
      );
      expect(result, password).toMatchObject({ ok: false, error: { status: 400 } });
      if (!result.ok) {
        expect(result.error.issues?.[0]?.path).toBe('temporaryPassword');
        expect(result.error.issues?.[0]?.message).toContain(message);
      }
    }
    const user = await core.userWith(['clerk'], 'ernest');
    const reuse = await core.call('session.changePassword', { currentPassword: PASSWORD, newPassword: 'Temporary-Pass-123' }, user.credential);
    expect(reuse).toMatchObject({ ok: false, error: { issues: [{ path: 'newPassword', message: expect.stringContaining('last 5 passwords') }] } });
    const wrongCurrent = await core.call(
      'session.changePassword',
      { currentPassword: 'not-the-current-one', newPassword: 'Pelican-Harbor-6629' },
      user.credential,
    );
    expect(wrongCurrent).toMatchObject({ ok: false, error: { issues: [{ path: 'currentPassword' }] } });
  });

  it('forces a temporary password to be changed before anything else', async () => {
    core = await startTestCore(tempDir());
    await core.ok('users.create', { username: 'fiona', displayName: 'Fiona Teller', roles: ['approver'], temporaryPassword: 'Temporary-Pass-123' }, core.admin);
    const credential = credentialOf(await signIn('fiona', 'Temporary-Pass-123'));
    expect(await core.call('audit.search', {}, credential)).toMatchObject({ ok: false, error: { status: 403, code: 'password_change_required' } });
    expect(await core.call('session.me', {}, credential)).toMatchObject({ ok: true, value: { user: { mustChangePassword: true } } });
    await core.ok('session.changePassword', { currentPassword: 'Temporary-Pass-123', newPassword: 'Pelican-Harbor-6629' }, credential);
    expect(await core.call('session.me', {}, credential)).toMatchObject({ ok: true, value: { user: { mustChangePassword: false } } });
  });

  it('expires idle and old sessions, and the idle lock lets only unlock and sign-out through', async () => {
    core = await startTestCore(tempDir());
    const user = await core.userWith(['clerk'], 'gus');
    await core.ok('session.lock', {}, user.credential);
    expect(await core.call('tasks.teleport', {}, user.credential)).toMatchObject({ ok: false, error: { status: 404 } });
    expect(await core.call('system.status', {}, user.credential)).toMatchObject({ ok: false, error: { status: 401, code: 'session_locked' } });
    expect(await core.call('session.unlock', { password: 'wrong-password-here' }, user.credential)).toMatchObject({ ok: false, error: { status: 400 } });
    await core.ok('session.unlock', { password: PASSWORD }, user.credential);
    expect(await core.call('system.status', {}, user.credential)).toMatchObject({ ok: true });

    core.clock.advance(29 * 60_000);
    expect(await core.call('system.status', {}, user.credential)).toMatchObject({ ok: true });
    core.clock.advance(29 * 60_000);
    expect(await core.call('system.status', {}, user.credential)).toMatchObject({ ok: true });
    core.clock.advance(31 * 60_000);
    expect(await core.call('system.status', {}, user.credential)).toMatchObject({
      ok: false,
      error: { status: 401, code: 'session_expired' },
      session: { clear: true },
    });

    const fresh = credentialOf(await signIn('gus', PASSWORD));
    for (let i = 0; i < 12 * 3; i++) {
      core.clock.advance(20 * 60_000);
      const result = await core.call('system.status', {}, fresh);
      if (!result.ok) {
        expect(result.error.code).toBe('session_expired');
        expect(i).toBe(35);
      }
    }
  });

  it('protects the site from its admins: no self-grant, no disabling oneself, role changes need a second admin', async () => {
    core = await startTestCore(tempDir());
    const me = await core.ok<{ user: { id: string } }>('session.me', {}, core.admin);
    expect(await core.call('users.setRoles', { userId: me.user.id, roles: ['admin', 'approver'] }, core.admin)).toMatchObject({
      ok: false,
      error: { status: 403, code: 'self_grant' },
    });
    expect(await core.call('users.disable', { userId: me.user.id }, core.admin)).toMatchObject({ ok: false, error: { code: 'cannot_disable_self' } });
    const second = await core.userWith(['admin'], 'hanna');
    const third = await core.userWith(['admin'], 'ivo');

    // Hanna asks to make the first admin an auditor: nothing changes until another admin approves.
    const requested = await core.ok<{ status: string; changeId: string }>('users.setRoles', { userId: me.user.id, roles: ['auditor'] }, second.credential);
    expect(requested.status).toBe('pending-approval');
    const before = await core.ok<{ items: { id: string; roles: string[] }[] }>('users.list', {}, core.admin);
    expect(before.items.find((u) => u.id === me.user.id)?.roles).toEqual(['admin']);
    // Neither the requester nor the person whose roles change may approve.
    expect(await core.call('changes.approve', { changeId: requested.changeId }, second.credential)).toMatchObject({
      ok: false,
      error: { status: 403, code: 'four_eyes' },
    });
    expect(await core.call('changes.approve', { changeId: requested.changeId }, core.admin)).toMatchObject({
      ok: false,
      error: { status: 403, code: 'self_grant' },
    });
    await core.ok('changes.approve', { changeId: requested.changeId }, third.credential);
    // At once the demoted admin may no longer manage users.
    expect(await core.call('users.disable', { userId: second.userId }, core.admin)).toMatchObject({ ok: false, error: { status: 403, code: 'forbidden' } });
    const refused = await core.ok<{ items: { payload: { code: string } }[] }>('audit.search', { action: 'access.refused', limit: 50 }, second.credential);
    expect(refused.items.map((e) => e.payload.code)).toEqual(expect.arrayContaining(['self_grant', 'four_eyes']));
    const approved = await core.ok<{ items: { action: string; payload: Record<string, unknown> }[] }>(
      'audit.search',
      { action: 'config-change.approved', limit: 10 },
      third.credential,
    );
    expect(approved.items[0]?.payload).toMatchObject({ requestedBy: 'hanna', approvedBy: 'ivo' });
  });

  it('disabling a user ends their sessions at once', async () => {
    core = await startTestCore(tempDir());
    const user = await core.userWith(['clerk'], 'ivan');
    const ended: string[] = [];
    core.app.events.subscribe((e) => e.topic === 'session.ended' && ended.push((e.payload as { reason: string }).reason));
    await core.ok('users.disable', { userId: user.userId }, core.admin);
    expect(ended).toEqual(['disabled']);
    expect(await core.call('session.me', {}, user.credential)).toMatchObject({ ok: false, error: { status: 401 } });
    expect(await signIn('ivan', PASSWORD)).toMatchObject({ ok: false, error: { code: 'account_disabled' } });
  });
});
