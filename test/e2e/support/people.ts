import { expect, type Page } from '@playwright/test';
import type { ConsoleServer } from './console';

/**
 * The people of the tests. Passwords follow the site policy: at least 12 characters, not
 * common, and free of the person's username and name words.
 */
export const ADMIN = { username: 'admin', displayName: 'Ada Lovelace', firstPassword: 'Quartz-Meadow-4821', password: 'Harbor-Lantern-7390' };
export const CLERK = { username: 'clerk.jones', displayName: 'Casey Jones', temporaryPassword: 'Copper-Willow-5163', password: 'Violet-Canyon-2957' };

/** One call to the HTTP host, as the page would make it (JSON, CSRF header, session cookie). */
async function call(server: ConsoleServer, op: string, input: unknown, session?: { cookie: string; csrf: string }): Promise<Response> {
  const response = await fetch(new URL(`api/${op}`, server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-clearline-csrf': session?.csrf ?? '1', ...(session ? { cookie: session.cookie } : {}) },
    body: JSON.stringify(input),
  });
  if (!response.ok) throw new Error(`${op} failed with ${response.status}: ${await response.text()}`);
  return response;
}

/**
 * For tests about something else than first run: the admin is created and has already chosen
 * their password, through the API, so the test starts at the sign-in screen.
 */
export async function provisionAdmin(server: ConsoleServer): Promise<void> {
  await call(server, 'setup.createFirstAdmin', {
    setupToken: server.setupToken,
    username: ADMIN.username,
    displayName: ADMIN.displayName,
    password: ADMIN.firstPassword,
  });
  const signIn = await call(server, 'session.signIn', { username: ADMIN.username, password: ADMIN.firstPassword });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csrf = signIn.headers.get('x-clearline-csrf-token') ?? '';
  await call(server, 'session.changePassword', { currentPassword: ADMIN.firstPassword, newPassword: ADMIN.password }, { cookie, csrf });
  await call(server, 'session.signOut', {}, { cookie, csrf });
}

/** Fills the sign-in form and submits it; the caller asserts what follows. */
export async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in and waits for the console's navigation. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await submitSignIn(page, username, password);
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
}

/** Chooses a new password on the forced-change screen and waits for the console. */
export async function changeTemporaryPassword(page: Page, current: string, next: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Choose your password' })).toBeVisible();
  await page.getByLabel('Current password').fill(current);
  await page.getByLabel('New password', { exact: true }).fill(next);
  await page.getByLabel('Repeat new password').fill(next);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
}

/** Opens the user menu (its button is named after the signed-in person) and picks an item. */
export async function userMenu(page: Page, displayName: string, item: string): Promise<void> {
  await page.getByRole('button', { name: displayName }).click();
  await page.getByRole('menuitem', { name: item }).click();
}
