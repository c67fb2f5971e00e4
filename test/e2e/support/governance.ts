import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import type { ConsoleServer } from './console';
import type { ApiSession } from './engine';

/** The second administrator; also an approver, so she has tasks to hand over when away. */
export const SECOND_ADMIN = {
  username: 'admin.bea',
  displayName: 'Bea Okafor',
  temporaryPassword: 'Cobalt-Orchard-3816',
  password: 'Marble-Thistle-9452',
};

/** A second person at another desk: a browser context of its own (own cookie, own event stream). */
export async function secondDesk(browser: Browser, server: ConsoleServer): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1366, height: 800 }, colorScheme: 'light' });
  return { context, page: await context.newPage() };
}

/** Opens one of Admin's tabs (Users, Pending changes, Conflict matrix) from anywhere in the console. */
export async function openAdminTab(page: Page, tab: 'Users' | 'Pending changes' | 'Conflict matrix'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
  await expect(page.getByRole('heading', { name: tab, level: 1 })).toBeVisible();
}

/** Adds a user through Admin › Users › Add user; the caller checks what the toast and row say. */
export async function addUser(page: Page, person: { username: string; displayName: string; temporaryPassword: string }, roles: string[]): Promise<void> {
  await page.getByRole('button', { name: 'Add user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add user' });
  await dialog.getByLabel('Username').fill(person.username);
  await dialog.getByLabel('Display name').fill(person.displayName);
  for (const role of roles) await dialog.getByRole('checkbox', { name: role, exact: true }).check();
  await dialog.getByLabel('Temporary password').fill(person.temporaryPassword);
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(dialog).toBeHidden();
}

/** The header's bell; its accessible name carries the unread count ("Notifications, 2 unread"). */
export function bell(page: Page): Locator {
  return page.getByRole('banner').getByRole('button', { name: /^Notifications/ });
}

/** A configuration change on Admin › Pending changes, found by its summary. */
export function changeCard(page: Page, summary: string): Locator {
  return page.getByRole('article', { name: summary });
}

/** Compliance officer: may break the glass on an approval (breakglass.use), and is told of each override to review. */
export const REVIEWER = {
  username: 'compliance.rio',
  displayName: 'Rio Alvarez',
  roles: ['compliance'],
  temporaryPassword: 'Walnut-Beacon-6083',
  password: 'Opal-Riverbank-2741',
};

/**
 * A vendor check a clerk has two seconds for: one second after the breach it escalates to
 * level 1, which tells the admins and raises its priority to 90. Real timers, no clock tricks.
 */
export const VENDOR_CHECK = `workflow: vendor-check
name: Vendor check
businessKey: vendor.id
steps:
  - id: review
    kind: task.human
    title: Check the vendor's bank details
    candidates: { roles: [clerk] }
    form:
      - { name: confirmed, label: Details confirmed, type: boolean, required: true }
    sla: { within: PT2S, escalations: [{ after: PT1S, notify: [admin], raisePriority: 90 }] }
    result: checked
`;

/** Waits until a task of this workflow and business key is listed for `session` (the engine creates it after the call that led to it). */
export async function taskOf(session: ApiSession, query: Record<string, unknown>, businessKey: string): Promise<{ id: string }> {
  let found: { id: string } | undefined;
  await expect
    .poll(
      async () => {
        const page = await session.call<{ items: { id: string; businessKey: string | null }[] }>('tasks.list', query);
        found = page.items.find((t) => t.businessKey === businessKey);
        return found !== undefined;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return found as { id: string };
}
