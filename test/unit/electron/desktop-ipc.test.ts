import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IPC_EVENT_CHANNEL, SITE_LOCKED, type InvokeResult } from '@shared/contract/bridge';
import type { CoreEvent } from '@shared/contract/events';
import { systemClock } from '../../../src-main/core/clock/clocks';
import { DEFAULT_OWNERSHIP } from '../../../src-main/core/lease/engine-ownership';
import { initSite } from '../../../src-main/core/maintenance/init-site';
import { sitePaths } from '../../../src-main/core/site/data-dir';
import { CoreThread } from '../../../src-main/core/worker/core-thread';
import { CoreSupervisor } from '../../../src-main/electron/core-supervisor';
import { createInvokeHandler, type InvokeEvent } from '../../../src-main/electron/invoke-handler';
import { WindowSessions, type WindowEvent } from '../../../src-main/electron/window-sessions';
import { FakeWebContents, fakeFrame, type FakeFrame } from './fake-electron';

/**
 * The desktop host's IPC path against the real core: a passphrase site on disk, the core in
 * its worker thread (run from source), the supervisor, the per-window sessions and the invoke
 * handler, wired as src-main/electron/desktop-app.ts wires them. Only the windows are fakes.
 */
const PASSPHRASE = 'correct horse battery staple';
const ADMIN_PASSWORD = 'Fjord-Mango-Lattice-42';
const CLERK_PASSWORD = 'Quartz-Meadow-4821-x';

let dir: string;
let core: CoreSupervisor;
let sessions: WindowSessions;
let handler: ReturnType<typeof createInvokeHandler>;
const log = vi.fn();
const windows = [{ webContents: new FakeWebContents() }, { webContents: new FakeWebContents() }];
const [windowA, windowB] = windows.map((w) => w.webContents) as [FakeWebContents, FakeWebContents];
const deliveries: Promise<void>[] = [];
const results: InvokeResult[] = [];

function from(frame: FakeFrame | null, senderId: number): InvokeEvent {
  return { senderFrame: frame, sender: { id: senderId } };
}

async function invoke(window: FakeWebContents, op: unknown, input: unknown): Promise<InvokeResult> {
  const result = await handler(from(window.mainFrame, window.id), op, input);
  results.push(result);
  await Promise.all(deliveries);
  return result;
}

async function value<T = Record<string, unknown>>(window: FakeWebContents, op: string, input: unknown): Promise<T> {
  const result = await invoke(window, op, input);
  if (!result.ok) throw new Error(`${op}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const eventsOf = (window: FakeWebContents) => window.sent.filter((m) => m.channel === IPC_EVENT_CHANNEL).map((m) => m.args[0] as WindowEvent);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clearline-desktop-'));
  const paths = sitePaths(join(dir, 'site'));
  await initSite({
    paths,
    siteName: 'Desk site',
    provider: { kind: 'passphrase' },
    ctx: { env: process.env, passphrase: async () => PASSPHRASE, revealKey() {} },
    clock: systemClock,
  });
  const worker = new URL('./core-worker-source.mjs', import.meta.url);
  core = new CoreSupervisor(
    (prompt) => CoreThread.start(worker, { dataDir: paths.dataDir, ownership: DEFAULT_OWNERSHIP, issueSetupToken: false }, { prompt, log }),
    log,
  );
  sessions = new WindowSessions(core, (windowId, event) => windows.find((w) => w.webContents.id === windowId)?.webContents.send(IPC_EVENT_CHANNEL, event));
  core.subscribe((event: CoreEvent) => deliveries.push(sessions.deliver(event)));
  handler = createInvokeHandler({ windows: () => windows, sessions, site: core, log });
}, 60_000);

afterAll(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a passphrase site in the desktop app', () => {
  it('answers every call with SITE_LOCKED until the passphrase is given', async () => {
    expect(await invoke(windowA, 'setup.status', {})).toEqual({ ok: false, error: SITE_LOCKED });
    expect(await invoke(windowA, 'session.signIn', { username: 'x', password: 'y' })).toEqual({ ok: false, error: SITE_LOCKED });
  });

  it("validates host.unlockSite's input", async () => {
    const result = await invoke(windowA, 'host.unlockSite', { passphrase: '' });
    expect(result).toMatchObject({ ok: false, error: { status: 400, code: 'invalid_input', issues: [{ path: 'passphrase' }] } });
    expect(await invoke(windowA, 'host.unlockSite', { passphrase: 'x', extra: 1 })).toMatchObject({ ok: false, error: { status: 400 } });
  });

  it("returns the core's message for a wrong passphrase, then starts a fresh core for the next attempt", async () => {
    const wrong = await invoke(windowA, 'host.unlockSite', { passphrase: 'not the passphrase' });
    expect(wrong).toMatchObject({ ok: false, error: { status: 401, code: 'key_unavailable' } });
    expect(!wrong.ok && wrong.error.message).toContain('passphrase is wrong');
    expect(await invoke(windowA, 'setup.status', {})).toEqual({ ok: false, error: SITE_LOCKED });

    expect(await invoke(windowA, 'host.unlockSite', { passphrase: PASSPHRASE })).toEqual({ ok: true, value: { ok: true } });
    expect(await value(windowA, 'setup.status', {})).toMatchObject({ siteName: 'Desk site', needsFirstAdmin: true, setupTokenRequired: false, session: null });
    expect(await invoke(windowA, 'host.unlockSite', { passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { status: 409, code: 'not_locked' } });
  }, 30_000);
});

describe('IPC sender validation', () => {
  const untrusted: [string, InvokeEvent][] = [
    ['a frame that is gone', from(null, windowA.id)],
    [
      'a sub-frame of our window',
      from(
        fakeFrame({ url: 'app://clearline/index.html', processId: windowA.mainFrame.processId, frameToken: 'child', parent: windowA.mainFrame }),
        windowA.id,
      ),
    ],
    ['our window showing another origin', from({ ...windowA.mainFrame, url: 'https://example.com/' }, windowA.id)],
    ['our window showing a file', from({ ...windowA.mainFrame, url: 'file:///etc/passwd' }, windowA.id)],
    ['another app:// host', from({ ...windowA.mainFrame, url: 'app://evil/index.html' }, windowA.id)],
    ['a web contents that is not one of our windows', from(new FakeWebContents().mainFrame, 999)],
    ['a detached frame', from({ ...windowA.mainFrame, detached: true }, windowA.id)],
  ];

  for (const [what, event] of untrusted) {
    it(`refuses ${what}, without reaching the core`, async () => {
      log.mockClear();
      const result = await handler(event, 'setup.createFirstAdmin', { username: 'intruder', displayName: 'Intruder', password: ADMIN_PASSWORD });
      expect(result).toMatchObject({ ok: false, error: { status: 403, code: 'untrusted_sender' } });
      expect(log).toHaveBeenCalledWith(expect.stringContaining('untrusted sender'));
      expect(await value(windowA, 'setup.status', {})).toMatchObject({ needsFirstAdmin: true });
    });
  }

  it('refuses malformed operation names', async () => {
    for (const op of [42, '', 'x'.repeat(101), null, { op: 'setup.status' }]) {
      expect(await invoke(windowA, op, {})).toMatchObject({ ok: false, error: { status: 400, code: 'invalid_operation' } });
    }
    expect(await invoke(windowA, 'no.such.op', {})).toMatchObject({ ok: false, error: { status: 404 } });
  });
});

describe('sessions kept in the main process', () => {
  let clerkId: string;

  it('signs in without the page ever seeing the token, and binds the session to its window', async () => {
    await value(windowA, 'setup.createFirstAdmin', { username: 'admin', displayName: 'Site Admin', password: ADMIN_PASSWORD });
    const me = await value<{ user: { username: string } }>(windowA, 'session.signIn', { username: 'admin', password: ADMIN_PASSWORD });
    expect(me.user.username).toBe('admin');
    await value(windowA, 'session.changePassword', { currentPassword: ADMIN_PASSWORD, newPassword: `${ADMIN_PASSWORD}-new` });
    expect(await value(windowA, 'session.me', {})).toMatchObject({ user: { username: 'admin' } });
    // Another window has no session of its own.
    expect(await invoke(windowB, 'session.me', {})).toMatchObject({ ok: false, error: { status: 401 } });
  }, 30_000);

  it('routes events only to the windows whose session they reach, and follows role changes', async () => {
    clerkId = (
      await value<{ user: { id: string } }>(windowA, 'users.create', {
        username: 'clara',
        displayName: 'Clara Clerk',
        roles: ['clerk'],
        temporaryPassword: CLERK_PASSWORD,
      })
    ).user.id;
    await value(windowB, 'session.signIn', { username: 'clara', password: CLERK_PASSWORD });
    await value(windowB, 'session.changePassword', { currentPassword: CLERK_PASSWORD, newPassword: `${CLERK_PASSWORD}-new` });
    windowA.sent.length = 0;
    windowB.sent.length = 0;

    // Clara gains user.read: the admin hears of it (permission audience), Clara of her own change (user audience).
    await value(windowA, 'users.setRoles', { userId: clerkId, roles: ['clerk', 'auditor'] });
    expect(eventsOf(windowA)).toEqual([{ topic: 'users.changed', payload: { userId: clerkId } }]);
    expect(eventsOf(windowB)).toEqual([{ topic: 'users.changed', payload: { userId: clerkId } }]);

    // Clara's window was refreshed: as a holder of user.read she now also gets the permission-audience event.
    windowA.sent.length = 0;
    windowB.sent.length = 0;
    await value(windowA, 'users.setRoles', { userId: clerkId, roles: ['clerk'] });
    expect(eventsOf(windowB)).toHaveLength(2);
    expect(eventsOf(windowA)).toHaveLength(1);
  }, 30_000);

  it('never sends a session token to a page, in results or events', async () => {
    const tokens = [sessions.credential(windowA.id)?.token, sessions.credential(windowB.id)?.token];
    expect(tokens.every((t) => typeof t === 'string' && t.length > 20)).toBe(true);
    const everything = JSON.stringify([results, windowA.sent, windowB.sent]);
    for (const token of tokens) expect(everything).not.toContain(token);
    for (const message of [...windowA.sent, ...windowB.sent]) {
      expect(message.channel).toBe(IPC_EVENT_CHANNEL);
      expect(Object.keys(message.args[0] as object).sort()).toEqual(['payload', 'topic']);
    }
  });

  it('forgets the token on sign-out; a closing window signs its session out in the core', async () => {
    await value(windowB, 'session.signOut', {});
    expect(sessions.credential(windowB.id)).toBeUndefined();
    expect(await invoke(windowB, 'session.me', {})).toMatchObject({ ok: false, error: { status: 401 } });

    const credential = sessions.credential(windowA.id)!;
    await sessions.end(windowA.id);
    expect(sessions.credential(windowA.id)).toBeUndefined();
    const reused = await core.call({ op: 'session.me', input: {}, credential, origin: WindowSessions.origin(windowA.id) });
    expect(reused).toMatchObject({ ok: false, error: { status: 401 } });
  });
});
