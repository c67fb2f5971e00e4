import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { useTempDirs } from '../support/temp';
import { runCli } from '../support/cli';
import { createTestSite } from '../support/site';
import { PASSWORD, startTestCoreOn } from '../support/core';

const tempDir = useTempDirs();

describe('clearline user and token commands', () => {
  it('act as a signed-in user through the same dispatcher, with a token or a password', async () => {
    const dir = tempDir();
    const site = await createTestSite(dir);
    const token = await startTestCoreOn(site);
    const base = ['--data-dir', site.paths.dataDir];
    const asAdmin = { env: { CLEARLINE_TOKEN: token } };
    const pw = join(dir, 'pw');
    writeFileSync(pw, 'Temporary-Pass-123\n');

    const add = await runCli([...base, 'user', 'add', 'kim', '--name', 'Kim Clerk', '--role', 'clerk', '--password-file', pw], asAdmin);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toMatch(/Added kim \(clerk\)/);
    const badRole = await runCli([...base, 'user', 'add', 'lou', '--name', 'Lou', '--role', 'janitor', '--password-file', pw], asAdmin);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toMatch(/unknown role "janitor"/);

    const list = await runCli([...base, 'user', 'list'], { env: { CLEARLINE_USER: 'admin', CLEARLINE_PASSWORD: PASSWORD } });
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^USERNAME\s+NAME\s+ROLES\s+STATUS/);
    expect(list.stdout).toMatch(/kim\s+Kim Clerk\s+clerk\s+active \(temporary password\)/);

    expect((await runCli([...base, 'user', 'role', 'kim', 'clerk', 'approver'], asAdmin)).stdout).toMatch(/kim now has: approver, clerk/);
    expect((await runCli([...base, 'user', 'disable', 'kim'], asAdmin)).code).toBe(0);
    const wrongPassword = await runCli([...base, 'user', 'list'], { env: { CLEARLINE_USER: 'admin', CLEARLINE_PASSWORD: 'not the password' } });
    expect(wrongPassword.code).toBe(7);
    expect(wrongPassword.stderr).toMatch(/Wrong username or password/);

    // A clerk's token is refused for admin work: exit 7 and an audited refusal.
    const issued = await runCli([...base, 'user', 'add', 'lena', '--name', 'Lena Clerk', '--role', 'clerk', '--password-file', pw], asAdmin);
    expect(issued.code).toBe(0);
    const lenaToken = /\n(clp_\S+)/.exec((await runCli([...base, 'token', 'issue', 'lena', '--name', 'scripts', '--days', '7'], asAdmin)).stdout)?.[1];
    expect(lenaToken).toBeDefined();
    const denied = await runCli([...base, 'user', 'list'], { env: { CLEARLINE_TOKEN: lenaToken } });
    expect(denied.code).toBe(7);
    expect(denied.stderr).toMatch(/permission "user.read"/);
    const noAuth = await runCli([...base, 'user', 'list']);
    expect(noAuth.code).toBe(2);
  });

  it('unlock and reset-password work without signing in, for a locked-out last admin, audited with the OS user', async () => {
    const dir = tempDir();
    const site = await createTestSite(dir);
    await startTestCoreOn(site);
    const base = ['--data-dir', site.paths.dataDir];
    for (let i = 0; i < 5; i++) await runCli([...base, 'user', 'list'], { env: { CLEARLINE_USER: 'admin', CLEARLINE_PASSWORD: 'wrong password here' } });
    const locked = await runCli([...base, 'user', 'list'], { env: { CLEARLINE_USER: 'admin', CLEARLINE_PASSWORD: PASSWORD } });
    expect(locked.stderr).toMatch(/locked after 5 failed sign-ins/);

    expect((await runCli([...base, 'user', 'unlock', 'admin'])).stdout).toMatch(/Unlocked admin/);
    expect((await runCli([...base, 'user', 'list'], { env: { CLEARLINE_USER: 'admin', CLEARLINE_PASSWORD: PASSWORD } })).code).toBe(0);

    const reset = await runCli([...base, 'user', 'reset-password', 'admin'], { env: { CLEARLINE_NEW_PASSWORD: 'Granite-Orchard-5512' } });
    expect(reset.code, reset.stderr).toBe(0);
    const mustChange = await runCli([...base, 'user', 'list'], { env: { CLEARLINE_USER: 'admin', CLEARLINE_PASSWORD: 'Granite-Orchard-5512' } });
    expect(mustChange.code).toBe(7);
    expect(mustChange.stderr).toMatch(/Change your temporary password first/);

    const verify = await runCli([...base, 'audit', 'verify']);
    expect(verify.code).toBe(0);
    const { openRaw } = await import('../support/raw-db');
    const db = openRaw(site.paths.database, site.key());
    const actors = db.prepare("SELECT actor FROM audit_events WHERE action IN ('user.unlocked', 'user.password.reset')").all() as { actor: string }[];
    db.close();
    expect(actors.map((a) => JSON.parse(a.actor).kind)).toEqual(['cli', 'cli']);
  });
});
