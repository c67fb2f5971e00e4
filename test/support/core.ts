import { ManualClock } from '../../src-main/core/clock/clocks';
import { CoreApp } from '../../src-main/core/app/core-app';
import { DEFAULT_SECURITY_POLICY } from '../../src-main/core/auth/security-policy';
import type { Credential } from '../../src-main/core/auth/authenticator';
import type { Origin } from '../../src-main/core/auth/principal';
import type { DispatchResult } from '../../src-main/core/dispatch/dispatcher';
import type { RoleName } from '@shared/permissions';
import { createTestSite, type TestSite } from './site';

export const ORIGIN: Origin = { host: 'http', detail: '127.0.0.1' };
export const PASSWORD = 'Fjord-Mango-Lattice-42';

export interface TestCore {
  site: TestSite;
  app: CoreApp;
  clock: ManualClock;
  call(op: string, input: unknown, credential?: Credential): Promise<DispatchResult>;
  /** Calls and returns the value, failing the test with the error body otherwise. */
  ok<T = unknown>(op: string, input: unknown, credential?: Credential): Promise<T>;
  /** Approves a pending four-eyes change as an admin other than its requester. */
  approveChange(changeId: string): Promise<void>;
  /** Creates a user with the roles (approving the grant if four-eyes applies), signs in and changes the temporary password. */
  userWith(roles: RoleName[], username?: string): Promise<{ credential: Credential; userId: string; username: string }>;
  admin: Credential;
  /** Closes the core (as when the app is quit) and starts it again on the same site and clock; credentials stay valid. */
  reopen(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real core (SQLCipher site, services, dispatcher) in-process, with a first admin signed
 * in and a manual clock. With `engine: true` this process owns the engine (a lease that
 * the manual clock never lets expire) and runs it.
 */
export async function startTestCore(dir: string, options: { engine?: boolean; start?: number } = {}): Promise<TestCore> {
  const site = await createTestSite(dir);
  const clock = new ManualClock(options.start ?? Date.UTC(2026, 10, 30, 9, 0, 0));
  const startApp = async () =>
    CoreApp.start({
      site: await site.open(clock),
      clock,
      ownership: options.engine ? { ttlMs: 3_600_000, heartbeatMs: 3_600_000 } : false,
      log: (m) => {
        if (!/^(engine: this process owns|engine: ownership ended|scheduler: the wall clock moved)/.test(m)) process.stderr.write(`${m}\n`);
      },
      engine: { maxConcurrentInstances: 64, maxConcurrentEffects: 64, pollMs: 20, redeliveries: 2 },
      // Engine tests move the clock by hours and days; sessions must outlive that.
      ...(options.engine ? { policy: { ...DEFAULT_SECURITY_POLICY, sessionIdleMinutes: 60 * 24 * 365, sessionMaxHours: 24 * 365 } } : {}),
    });
  let app = await startApp();
  const call = (op: string, input: unknown, credential?: Credential) => app.dispatch({ op, input, credential, origin: ORIGIN });
  const ok = async <T>(op: string, input: unknown, credential?: Credential): Promise<T> => {
    const result = await call(op, input, credential);
    if (!result.ok) throw new Error(`${op} failed: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  const signInFresh = async (username: string, temporary: string): Promise<Credential> => {
    const result = await call('session.signIn', { username, password: temporary });
    if (!result.ok || !result.session || !('set' in result.session)) throw new Error(`sign-in failed: ${JSON.stringify(result)}`);
    const credential: Credential = { kind: 'session', token: result.session.set.token };
    await ok('session.changePassword', { currentPassword: temporary, newPassword: PASSWORD }, credential);
    return credential;
  };
  const token = await app.services.setup.issueToken();
  await ok('setup.createFirstAdmin', { setupToken: token, username: 'admin', displayName: 'Site Admin', password: 'Temporary-Root-Pass-1' });
  const admin = await signInFresh('admin', 'Temporary-Root-Pass-1');
  let counter = 0;
  const admins: Credential[] = [admin];
  /** Four-eyes: approves a pending change as the first admin who did not request it. */
  const approveAsAnotherAdmin = async (changeId: string) => {
    for (const credential of admins) {
      const result = await call('changes.approve', { changeId }, credential);
      if (result.ok) return;
    }
    throw new Error(`no other admin could approve change ${changeId}`);
  };
  const core: TestCore = {
    site,
    app,
    clock,
    call,
    ok,
    admin,
    async reopen() {
      await app.close();
      app = await startApp();
      core.app = app;
    },
    approveChange: approveAsAnotherAdmin,
    async userWith(roles, username = `${roles.join('-')}-${++counter}`) {
      const created = await ok<{ user: { id: string }; status: string; changeId: string | null }>(
        'users.create',
        { username, displayName: `Test ${username}`, roles, temporaryPassword: 'Temporary-Pass-123' },
        admin,
      );
      // Once the site has two admins, roles wait for the other admin's approval.
      if (created.status === 'pending-approval') await approveAsAnotherAdmin(created.changeId as string);
      const credential = await signInFresh(username, 'Temporary-Pass-123');
      if (roles.includes('admin')) admins.push(credential);
      return { credential, userId: created.user.id, username };
    },
    close: () => app.close(),
  };
  return core;
}

/**
 * Opens an existing test site in-process just long enough to create its first admin and a
 * personal access token for them; returns the token (for CLI child processes).
 */
export async function startTestCoreOn(site: TestSite): Promise<string> {
  const { systemClock } = await import('../../src-main/core/clock/clocks');
  const app = await CoreApp.start({ site: await site.open(systemClock), clock: systemClock, ownership: false, log: () => {} });
  try {
    const call = async <T>(op: string, input: unknown, credential?: Credential): Promise<T> => {
      const result = await app.dispatch({ op, input, credential, origin: ORIGIN });
      if (!result.ok) throw new Error(`${op} failed: ${JSON.stringify(result.error)}`);
      return result.value as T;
    };
    const setupToken = await app.services.setup.issueToken();
    await call('setup.createFirstAdmin', { setupToken, username: 'admin', displayName: 'Site Admin', password: 'Temporary-Root-Pass-1' });
    const signIn = await app.dispatch({ op: 'session.signIn', input: { username: 'admin', password: 'Temporary-Root-Pass-1' }, origin: ORIGIN });
    if (!signIn.ok || !signIn.session || !('set' in signIn.session)) throw new Error('sign-in failed');
    const credential: Credential = { kind: 'session', token: signIn.session.set.token };
    await call('session.changePassword', { currentPassword: 'Temporary-Root-Pass-1', newPassword: PASSWORD }, credential);
    const me = await call<{ user: { id: string } }>('session.me', {}, credential);
    const issued = await call<{ token: string }>('tokens.issue', { userId: me.user.id, name: 'tests', expiresInDays: 1 }, credential);
    return issued.token;
  } finally {
    await app.close();
  }
}
