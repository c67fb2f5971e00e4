import { expect, test } from './support/console';
import { apiSession } from './support/engine';
import { CLERK, COMPLIANCE, desk, provisionInvoiceSite } from './support/work';

const SLOW = { timeout: 30_000 };
const INVOICE = 'INV-2026-0077';
const IBAN = 'DE89370400440532013000';

/**
 * An instance's variables in the console: the vendor IBAN the clerk captured is masked for
 * everyone on the instance page; compliance shows it in clear with "Show", which lands in the
 * audit trail as an unmasked view; the clerk sees it masked and has no Show action.
 */
test('instance variables are masked; compliance shows one in clear (audited), the clerk cannot', async ({ browser, server }) => {
  test.setTimeout(150_000);
  const admin = await provisionInvoiceSite(server, [CLERK, COMPLIANCE]);
  const clerkApi = await apiSession(server, CLERK.username, CLERK.password);
  let instanceId = '';

  await test.step('the clerk starts an invoice and captures it with the vendor IBAN (through the API)', async () => {
    instanceId = (await clerkApi.call<{ instanceId: string }>('instances.start', { workflow: 'invoice-approval', input: { invoice: { number: INVOICE } } }))
      .instanceId;
    let taskId: string | undefined;
    await expect
      .poll(async () => {
        const page = await clerkApi.call<{ items: { id: string; instanceId: string }[] }>('tasks.list', { scope: 'available' });
        taskId = page.items.find((t) => t.instanceId === instanceId)?.id;
        return taskId;
      }, SLOW)
      .toBeTruthy();
    await clerkApi.call('tasks.claim', { taskIds: [taskId] });
    await clerkApi.call('tasks.complete', {
      taskId,
      values: { vendor: 'ACME GmbH', iban: 'DE89 3704 0044 0532 0130 00', amount: { amount: '1250.00', currency: 'EUR' } },
    });
  });

  const compliance = await desk(browser, server, COMPLIANCE);
  await test.step('compliance opens the Variables tab: the IBAN is masked, the vendor is not', async () => {
    const { page } = compliance;
    await page.goto(`/#/instances/${encodeURIComponent(instanceId)}?tab=variables`);
    await expect(page.getByRole('heading', { name: `invoice-approval · ${INVOICE}`, level: 1 })).toBeVisible();
    const variables = page.getByRole('table', { name: 'Variables' });
    await expect(variables.locator('[data-field="invoice"]')).toContainText('DE•• •••• 3000', SLOW);
    await expect(variables.locator('[data-field="invoice"]')).toContainText('ACME GmbH');
    await expect(page.locator('body')).not.toContainText(IBAN);
    const sensitive = page.getByRole('table', { name: 'Sensitive values' });
    await expect(sensitive.locator('[data-masked="invoice.captured.iban"]')).toBeVisible();
  });

  await test.step('compliance shows the IBAN in clear; the page says the viewing is recorded', async () => {
    const { page } = compliance;
    await page.getByRole('button', { name: 'Show invoice.captured.iban' }).click();
    const clear = page.locator('[data-unmasked="invoice.captured.iban"]');
    await expect(clear).toHaveText(IBAN);
    await expect(page.getByRole('table', { name: 'Sensitive values' })).toContainText('recorded in the audit trail');
    const trail = await admin.call<{ items: { actor: { username: string }; subject: { type: string; id: string }; payload: { path: string } }[] }>(
      'audit.search',
      { action: 'data.unmasked', limit: 10 },
    );
    expect(trail.items.map((e) => [e.actor.username, e.subject.type, e.subject.id, e.payload.path])).toEqual([
      [COMPLIANCE.username, 'instance', instanceId, 'invoice.captured.iban'],
    ]);
  });

  const clerk = await desk(browser, server, CLERK);
  await test.step('the clerk sees the same value masked, with no Show action', async () => {
    const { page } = clerk;
    await page.goto(`/#/instances/${encodeURIComponent(instanceId)}?tab=variables`);
    const sensitive = page.getByRole('table', { name: 'Sensitive values' });
    await expect(sensitive.locator('[data-masked="invoice.captured.iban"]')).toBeVisible(SLOW);
    await expect(page.getByRole('table', { name: 'Variables' }).locator('[data-field="invoice"]')).toContainText('DE•• •••• 3000');
    await expect(page.getByRole('button', { name: /^Show / })).toHaveCount(0);
    await expect(page.getByText('Your role does not show sensitive values in clear.')).toBeVisible();
    await expect(page.locator('body')).not.toContainText(IBAN);
  });
  await compliance.context.close();
  await clerk.context.close();
});
