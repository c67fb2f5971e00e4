import { expect, test } from './support/console';
import { ADMIN, provisionAdmin, signIn, userMenu } from './support/people';

/** The signed-in session as a person keeps it over a day: theme, locking, reloading, keys. */
test.beforeEach(async ({ page, server }) => {
  await provisionAdmin(server);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await signIn(page, ADMIN.username, ADMIN.password);
});

test('the theme chosen in the user menu survives a reload', async ({ page }) => {
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
  await userMenu(page, ADMIN.displayName, 'Switch to dark theme');
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');

  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.getByRole('button', { name: ADMIN.displayName }).click();
  await expect(page.getByRole('menuitem', { name: 'Switch to light theme' })).toBeVisible();
});

test('locking hides the console until the right password, then returns to the same page', async ({ page }) => {
  await page.goto('/#/audit');
  const heading = page.getByRole('heading', { name: 'Audit', exact: true });
  await expect(heading).toBeVisible();

  await userMenu(page, ADMIN.displayName, 'Lock now');
  await expect(page.getByRole('heading', { name: 'Console locked' })).toBeVisible();
  await expect(heading).toBeHidden();

  const password = page.getByLabel('Password', { exact: true });
  await password.fill('Not-My-Password-123');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('Is not your password')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Console locked' })).toBeVisible();

  await password.fill(ADMIN.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(heading).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/audit');

  // The keyboard shortcut locks too (Ctrl+L; ⌘L on a Mac).
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: 'Console locked' })).toBeVisible();
  await password.fill(ADMIN.password);
  await password.press('Enter');
  await expect(heading).toBeVisible();
});

test('the console locks itself after the idle time the session names', async ({ page }) => {
  // A controllable clock in the page (the server keeps real time); installed before the app loads.
  await page.clock.install();
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await page.clock.fastForward('05:00');
  await expect(page.getByRole('heading', { name: 'Console locked' })).toBeHidden();
  await page.clock.fastForward('05:30'); // past the site's 10 idle minutes
  await expect(page.getByRole('heading', { name: 'Console locked' })).toBeVisible();
  // The lock is the core's too: a reload shows the lock screen again, not the console.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Console locked' })).toBeVisible();
});

test('a reload keeps the session: the CSRF token is fetched again and calls still work', async ({ page }) => {
  await page.goto('/#/admin/users');
  await expect(page.getByRole('row', { name: /admin/ })).toBeVisible();

  const csrf = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/csrf');
  await page.reload();
  expect((await csrf).status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await expect(page.getByRole('row', { name: /admin/ })).toBeVisible();
  // A mutation after the reload proves the header matches the session, not just that reads pass.
  await userMenu(page, ADMIN.displayName, 'Lock now');
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
});

test('keyboard: g then a letter jumps to a view, ? lists the shortcuts', async ({ page }) => {
  await page.keyboard.press('g');
  await page.keyboard.press('u');
  await expect(page.getByRole('heading', { name: 'Audit', exact: true })).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('m');
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await page.keyboard.press('Shift+?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Go to Dashboard');
  await expect(help).toContainText('Lock the console');
});
