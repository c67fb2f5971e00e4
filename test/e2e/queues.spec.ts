import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/console';
import { apiSession } from './support/engine';
import { CLERK, CLERK2, desk, go, provisionInvoiceSite } from './support/work';

/** The engine opens tasks in the background: generous for a busy CI machine, still bounded. */
const SLOW = { timeout: 30_000 };
const INVOICES = ['INV-Q-101', 'INV-Q-102', 'INV-Q-103', 'INV-Q-104', 'INV-Q-105'];

/** The business keys of the queue's rows, top to bottom. */
async function shownOrder(rows: Locator): Promise<string[]> {
  const texts = await rows.allTextContents();
  return texts.map((text) => /INV-Q-\d+/.exec(text)?.[0] ?? '?');
}

function rowOf(page: Page, invoice: string): Locator {
  return page.getByRole('table', { name: 'Tasks' }).getByRole('row', { name: new RegExp(invoice) });
}

/**
 * A clerk's morning in Queues, beside a colleague working the same queue: moving with j/k,
 * claiming with c, opening with Enter; ticking rows (x and the tick boxes) to claim and
 * release them together, where the colleague was faster for one of them and the core says
 * so; and a filter set saved under a name, applied again after a reload.
 */
test('a clerk works the queue with the keyboard, in bulk beside a colleague, and with a saved filter', async ({ browser, server }) => {
  test.setTimeout(150_000);
  await provisionInvoiceSite(server, [CLERK, CLERK2]);
  const colleague = await apiSession(server, CLERK2.username, CLERK2.password);
  for (const number of INVOICES) await colleague.call('instances.start', { workflow: 'invoice-approval', input: { invoice: { number } } });

  const { page, context } = await desk(browser, server, CLERK);
  await go(page, 'q', 'Queues');
  const table = page.getByRole('table', { name: 'Tasks' });
  const rows = table.locator('tbody tr[data-row]');
  await expect(rows).toHaveCount(INVOICES.length, SLOW);
  const order = await shownOrder(rows);
  expect([...order].sort()).toEqual(INVOICES);
  const [first, second, third, fourth, fifth] = order as [string, string, string, string, string];
  const selected = table.locator('tr[data-selected="true"]');

  await test.step('j/k move the selection, c claims the selected task, Enter opens it', async () => {
    await expect(rows.first()).toContainText(/due in 3 h \d+ min/);
    await page.keyboard.press('j');
    await expect(selected).toContainText(first);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect(selected).toContainText(third);
    await page.keyboard.press('k');
    await expect(selected).toContainText(second);
    await page.keyboard.press('c');
    await expect(page.getByText(`Claimed Capture the invoice (${second}).`)).toBeVisible();
    await expect(rowOf(page, second).locator('[data-task-status]')).toHaveAttribute('data-task-status', 'claimed');
    await expect(rowOf(page, second)).toContainText(`${CLERK.username} (you)`);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Capture the invoice', level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Task facts' })).toContainText(second);
    await expect(page.getByRole('button', { name: 'Release' })).toBeVisible();
    await go(page, 'q', 'Queues');
    await expect(rows).toHaveCount(INVOICES.length);
  });

  await test.step('three tasks ticked (x and the tick box); the colleague claims one first; the bulk claim says which and why', async () => {
    for (let i = 0; i < 4; i++) await page.keyboard.press('j');
    await expect(selected).toContainText(fourth);
    await page.keyboard.press('x');
    await expect(rowOf(page, fourth).getByRole('checkbox')).toBeChecked();
    for (const invoice of [third, fifth]) await rowOf(page, invoice).getByRole('checkbox').check();
    const bar = page.getByRole('region', { name: 'Selected tasks' });
    await expect(bar).toContainText('3 tasks selected');

    const listed = await colleague.call<{ items: { id: string; businessKey: string }[] }>('tasks.list', { scope: 'available' });
    const taken = listed.items.find((t) => t.businessKey === fourth);
    await colleague.call('tasks.claim', { taskIds: [taken?.id] });
    // Live: the colleague's task leaves this clerk's queue; the tick stays until acted on.
    await expect(rowOf(page, fourth)).toHaveCount(0, SLOW);
    await expect(bar).toContainText('3 tasks selected');

    await bar.getByRole('button', { name: 'Claim selected' }).click();
    const outcome = page.getByRole('status').filter({ hasText: /\d+ claimed/ });
    await expect(outcome).toContainText('2 claimed, 1 refused');
    await expect(outcome).toContainText(`Capture the invoice (${fourth}): the task is claimed`);
    await expect(bar).toContainText('1 task selected');
    for (const invoice of [third, fifth]) await expect(rowOf(page, invoice).locator('[data-task-status]')).toHaveAttribute('data-task-status', 'claimed');
    await bar.getByRole('button', { name: 'Clear selection' }).click();
    await expect(bar).toBeHidden();
    await outcome.getByRole('button', { name: 'Dismiss' }).click();
  });

  await test.step('the clerk ticks the three tasks they hold and releases them together', async () => {
    for (const invoice of [second, third, fifth]) await rowOf(page, invoice).getByRole('checkbox').check();
    await page.getByRole('region', { name: 'Selected tasks' }).getByRole('button', { name: 'Release selected' }).click();
    const outcome = page.getByRole('status').filter({ hasText: /\d+ released/ });
    await expect(outcome).toContainText('3 released');
    await expect(outcome).toContainText('Every selected task was released.');
    for (const invoice of [first, second, third, fifth])
      await expect(rowOf(page, invoice).locator('[data-task-status]')).toHaveAttribute('data-task-status', 'open');
  });

  await test.step('a filter set saved under a name is applied again, also after a reload', async () => {
    const search = page.getByRole('search', { name: 'Queue filters' }).getByLabel('Search');
    await search.fill(fifth);
    await expect(rows).toHaveCount(1);
    await page.getByRole('button', { name: 'Save filters…' }).click();
    const save = page.getByRole('form', { name: 'Save filters' });
    await save.getByLabel('Name of this filter set').fill('Invoice five');
    await save.getByRole('button', { name: 'Save' }).click();
    await search.fill('');
    await expect(rows).toHaveCount(4);

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Queues', level: 1 })).toBeVisible();
    await expect(rows).toHaveCount(4);
    await page.getByRole('button', { name: 'Saved filters (1)' }).click();
    await page.getByRole('menuitem', { name: 'Invoice five', exact: true }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(fifth);
    await expect(page.getByRole('search', { name: 'Queue filters' }).getByLabel('Search')).toHaveValue(fifth);

    await page.getByRole('button', { name: 'Saved filters (1)' }).click();
    await page.getByRole('menuitem', { name: 'Delete Invoice five' }).click();
    await expect(page.getByRole('button', { name: 'Saved filters', exact: true })).toBeVisible();
  });

  await context.close();
});
