import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { ApiSession, startServe, type Served } from '../support/serve';

let dir: string;
let served: Served;
const PASSWORD = 'Quartz-Meadow-4821';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clearline-http-'));
  expect((await runCli(['--data-dir', join(dir, 'site'), 'init', '--key-provider', 'keyfile', '--key-file', join(dir, 'key')])).code).toBe(0);
  served = await startServe(join(dir, 'site'));
});
afterAll(async () => {
  await served.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('clearline serve', () => {
  it('serves the console with a strict CSP and no remote asset', async () => {
    const page = await fetch(served.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    const escape = await fetch(new URL('/..%2f..%2fpackage.json', served.url));
    expect(escape.status).toBe(403);
    expect(await escape.text()).not.toContain('"name": "clearline"');
    // Resolved as the desktop's app:// protocol resolves it: one module serves both hosts.
    expect((await fetch(new URL('/%E0%A4%A', served.url))).status).toBe(403);
    expect((await fetch(new URL('/index.html%00.js', served.url))).status).toBe(403);
    expect((await fetch(new URL('/assets/missing-0000.js', served.url))).status).toBe(404);
    const route = await fetch(new URL('/queues/some-task', served.url));
    expect(route.status).toBe(200);
    expect(route.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(route.headers.get('cache-control')).toBe('no-store');
  });

  it('requires the setup token for the first admin, then sets an HttpOnly SameSite=Strict cookie and a CSRF token', async () => {
    const api = new ApiSession(served.url);
    expect(served.setupToken).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    const status = await api.call('setup.status', {});
    expect(status.body).toMatchObject({ needsFirstAdmin: true, setupTokenRequired: true, session: null });
    const noToken = await api.call('setup.createFirstAdmin', { username: 'root', displayName: 'Site Admin', password: PASSWORD });
    expect(noToken.status).toBe(400);
    expect(noToken.body.issues[0].path).toBe('setupToken');
    const wrongToken = await api.call('setup.createFirstAdmin', {
      setupToken: 'AAAAA-BBBBB-CCCCC-DDDDD',
      username: 'root',
      displayName: 'Site Admin',
      password: PASSWORD,
    });
    expect(wrongToken.status).toBe(400);
    const created = await api.call('setup.createFirstAdmin', {
      setupToken: served.setupToken,
      username: 'root',
      displayName: 'Site Admin',
      password: PASSWORD,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const again = await api.call('setup.createFirstAdmin', {
      setupToken: served.setupToken,
      username: 'root2',
      displayName: 'Other Admin',
      password: PASSWORD,
    });
    expect(again.body).toMatchObject({ status: 409, code: 'already_set_up' });

    const signIn = await api.call('session.signIn', { username: 'root', password: PASSWORD });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^clearline_session=cls_[\w-]+; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(JSON.stringify(signIn.body)).not.toContain(cookie.split(';')[0]?.split('=')[1]);
    expect(signIn.body.user.mustChangePassword).toBe(true);
    const blocked = await api.call('users.list', {});
    expect(blocked.body).toMatchObject({ status: 403, code: 'password_change_required' });
    const changed = await api.call('session.changePassword', { currentPassword: PASSWORD, newPassword: 'Harbor-Lantern-9137' });
    expect(changed.status).toBe(200);
    expect((await api.call('users.list', {})).status).toBe(200);
  });

  it('refuses calls without the session CSRF token, cross-site requests and non-JSON bodies', async () => {
    const api = new ApiSession(served.url);
    await api.call('session.signIn', { username: 'root', password: 'Harbor-Lantern-9137' });
    const cookie = api.sessionCookie as string;
    const post = (headers: Record<string, string>, body = '{}') =>
      fetch(new URL('api/users.list', served.url), { method: 'POST', headers: { cookie, ...headers }, body });
    expect((await post({ 'content-type': 'application/json' })).status).toBe(403);
    expect((await post({ 'content-type': 'application/json', 'x-clearline-csrf': 'guess' })).status).toBe(403);
    expect((await post({ 'content-type': 'text/plain', 'x-clearline-csrf': '1' })).status).toBe(415);
    expect((await post({ 'content-type': 'application/json', 'x-clearline-csrf': '1', origin: 'http://evil.example' })).status).toBe(403);
    const csrf = (await (await fetch(new URL('api/csrf', served.url), { headers: { cookie } })).json()) as { csrfToken: string };
    expect((await post({ 'content-type': 'application/json', 'x-clearline-csrf': csrf.csrfToken })).status).toBe(200);
    const big = await post({ 'content-type': 'application/json', 'x-clearline-csrf': csrf.csrfToken }, JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }));
    expect(big.status).toBe(413);
  });

  it('pushes events over SSE to the session they concern and ends its stream when the session ends', async () => {
    const admin = new ApiSession(served.url);
    await admin.call('session.signIn', { username: 'root', password: 'Harbor-Lantern-9137' });
    const controller = new AbortController();
    const stream = await fetch(new URL('api/events', served.url), { headers: { cookie: admin.sessionCookie as string }, signal: controller.signal });
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    const reader = stream.body!.getReader();
    let received = '';
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(received)) {
        const { value, done } = await reader.read();
        if (done) break;
        received += new TextDecoder().decode(value);
      }
      return received;
    };
    await readUntil(/connected/);
    await admin.call('users.create', { username: 'clerk1', displayName: 'Carla Clerk', roles: ['clerk'], temporaryPassword: 'Temporary-Pass-123' });
    expect(await readUntil(/event: users.changed/)).toMatch(/data: \{"userId":"[0-9a-f-]+"\}/);
    await admin.call('session.signOut', {});
    expect(await readUntil(/event: session.ended/)).toContain('"reason":"signed-out"');
    controller.abort();
  });

  it('refuses to bind beyond loopback without TLS', async () => {
    const result = await runCli(['--data-dir', join(dir, 'site'), 'serve', '--host', '0.0.0.0', '--port', '0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--tls-cert and --tls-key/);
  });
});
