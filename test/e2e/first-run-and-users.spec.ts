import { expect, test } from './support/console';
import { ADMIN, CLERK, changeTemporaryPassword, signIn, submitSignIn, userMenu } from './support/people';

/**
 * A site's first hour, as people live it: the first administrator sets the site up, adds a
 * clerk, the clerk mistypes their password until the account locks, the admin unlocks it,
 * and the clerk starts work — seeing only what a clerk may see.
 */
test('first run, users, lockout and unlock, and what a clerk may see', async ({ page, server }) => {
  test.setTimeout(180_000); // a long journey: three people, a dozen sign-ins, each a deliberate scrypt check
  await page.emulateMedia({ colorScheme: 'light' });

  await test.step('the first-run screen refuses a missing or wrong setup token', async () => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Set up this site' })).toBeVisible();
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Display name').fill(ADMIN.displayName);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.firstPassword);
    await page.getByLabel('Repeat password').fill(ADMIN.firstPassword);
    const token = page.getByLabel('Setup token');
    const create = page.getByRole('button', { name: 'Create administrator' });

    await create.click();
    await expect(page.getByText(/^Is required: it was printed by/)).toBeVisible();
    await expect(token).toHaveAttribute('aria-invalid', 'true');

    await token.fill('AAAAA-BBBBB-CCCCC-DDDDD');
    await create.click();
    await expect(page.getByText(/^Is not valid \(mistyped, expired or already used\)/)).toBeVisible();

    await token.fill(server.setupToken);
    await create.click();
    await expect(page.getByText('Administrator created — sign in.')).toBeVisible();
  });

  await test.step('the admin signs in and must replace the password', async () => {
    await submitSignIn(page, ADMIN.username, ADMIN.firstPassword);
    await changeTemporaryPassword(page, ADMIN.firstPassword, ADMIN.password);
  });

  await test.step('the admin adds a clerk with a temporary password', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Admin' }).click();
    await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
    await expect(page.getByRole('row', { name: /admin/ })).toBeVisible();

    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add user' });
    await dialog.getByLabel('Username').fill(CLERK.username);
    await dialog.getByLabel('Display name').fill(CLERK.displayName);
    await dialog.getByRole('checkbox', { name: 'clerk', exact: true }).check();
    await dialog.getByLabel('Temporary password').fill(CLERK.temporaryPassword);
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await expect(dialog).toBeHidden();

    const row = page.getByRole('row', { name: new RegExp(CLERK.username) });
    await expect(row).toContainText(CLERK.displayName);
    await expect(row).toContainText('temporary password');
    await expect(row).toContainText('clerk');
  });

  await test.step('the admin signs out', async () => {
    await userMenu(page, ADMIN.displayName, 'Sign out');
    await expect(page.getByText('You signed out.')).toBeVisible();
  });

  await test.step('the clerk mistypes the password until the account locks', async () => {
    const password = page.getByLabel('Password', { exact: true });
    await submitSignIn(page, CLERK.username, 'Wrong-Guess-Number-1');
    await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
    await expect(password).toHaveValue('');
    for (let attempt = 2; attempt <= 4; attempt++) {
      await password.fill(`Wrong-Guess-Number-${attempt}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(password).toHaveValue('');
      await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
    }
    await password.fill('Wrong-Guess-Number-5');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText('This account is locked after 5 failed sign-ins. Ask an administrator to unlock it.');
  });

  await test.step('the admin unlocks the clerk', async () => {
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
    await page.goto('/#/admin/users');
    const row = page.getByRole('row', { name: new RegExp(CLERK.username) });
    await expect(row).toContainText('locked');
    await page.getByRole('button', { name: `Actions for ${CLERK.username}` }).click();
    await page.getByRole('menuitem', { name: 'Unlock' }).click();
    await expect(page.getByText(`${CLERK.displayName} unlocked.`)).toBeVisible();
    await expect(row.getByText('locked', { exact: true })).toHaveCount(0);
    await userMenu(page, ADMIN.displayName, 'Sign out');
  });

  await test.step('the clerk signs in with the temporary password and chooses their own', async () => {
    await submitSignIn(page, CLERK.username, CLERK.temporaryPassword);
    await changeTemporaryPassword(page, CLERK.temporaryPassword, CLERK.password);
  });

  await test.step('the clerk sees no Admin, and opening it by address says so', async () => {
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(nav.getByRole('link', { name: 'Queues' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Admin' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Audit' })).toHaveCount(0);
    await page.goto('/#/admin/users');
    await expect(page.getByText('You do not have access to Admin')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Users' })).toHaveCount(0);
  });
});
