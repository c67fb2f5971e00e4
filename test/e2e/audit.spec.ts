import { expect, test } from './support/console';
import { AUDITOR, INVOICE, PAYMENT, STARTER, TRANSFER, callFromPage, enabledActingButtons, provisionAuditSite } from './support/audit';
import { startFakeBank } from './support/engine';
import { go } from './support/work';
import { signIn } from './support/people';
import type { Page } from '@playwright/test';

/** The background verifier, an export and the engine run beside the page: generous for a busy machine, still bounded. */
const SLOW = { timeout: 30_000 };

/** Keys typed while a field or a button has focus are theirs: the list's j/k/Enter need the page. */
async function leaveFields(page: Page): Promise<void> {
  const focused = page.locator(':focus');
  if ((await focused.count()) > 0) await focused.blur();
}

/**
 * An auditor's visit, as they live it in the console: the trail searched by action and by
 * words (the filters stay in the address), a role change read side by side with its proof
 * against the signed checkpoint, a payment's whole decision chain, its evidence report
 * exported and followed to its files and verified, the keys and checkpoints behind it — and
 * nothing they could change: no enabled operator button anywhere, and a forced call refused
 * by the core with 403 and written to the trail.
 */
test('an auditor searches the trail, reads an event and a decision chain, exports evidence, and can act on nothing', async ({ page, server }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ colorScheme: 'light' });
  const bank = await startFakeBank();
  try {
    const { starterId, paymentId, transferId } = await provisionAuditSite(server, bank);
    const filters = page.getByRole('form', { name: 'Audit filters' });
    const events = page.getByRole('table', { name: 'Audit events' });
    const rows = events.locator('tr[data-row]');

    await test.step('the auditor signs in, opens Audit with g u, and the badge says the trail verifies', async () => {
      await page.goto('/');
      await signIn(page, AUDITOR.username, AUDITOR.password);
      await go(page, 'u', 'Audit');
      await expect(page.getByRole('status', { name: 'Trail verification' })).toContainText(/Verified up to #\d+/, SLOW);
      await expect(rows.first()).toBeVisible();
    });

    await test.step('a search by action keeps its filter in the address; j and Enter open the event', async () => {
      await filters.getByLabel('Action').fill('user.roles.changed');
      await filters.getByRole('button', { name: 'Search' }).click();
      await expect(page).toHaveURL(/#\/audit\?action=user\.roles\.changed$/);
      // Adding a user sets their first roles too; the newest event is the admin's change to the clerk's.
      await expect(rows.first()).toContainText('user.roles.changed');
      await expect(rows.filter({ hasNotText: 'user.roles.changed' })).toHaveCount(0);
      await expect(rows.first()).toContainText(`user ${starterId}`);
      await leaveFields(page);
      await page.keyboard.press('j');
      await expect(events.locator('tr[data-selected="true"]')).toContainText('user.roles.changed');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { name: /^Event #\d+ · user\.roles\.changed$/, level: 1 })).toBeVisible();
    });

    await test.step('the event page shows the change side by side and its inclusion proof in the signed checkpoint', async () => {
      const diff = page.getByRole('table', { name: 'Before and after' });
      // A list of plain values is compared whole: the roles before, and after with "approver" among them.
      const roles = diff.locator('tr[data-status="changed"]');
      await expect(roles).toHaveCount(1);
      await expect(roles).toContainText('roles');
      await expect(roles.locator('td').nth(1)).toHaveText('["clerk"]');
      await expect(roles.locator('td').nth(2)).toContainText('"approver"');
      const proof = page.getByRole('region', { name: 'Inclusion proof' });
      await expect(proof).toContainText('yes: the proof leads to the signed root');
      await expect(proof.getByRole('button', { name: 'Copy proof JSON' })).toBeVisible();
    });

    await test.step('back at the search the filter is still there; free text finds the payment by its beneficiary', async () => {
      await page.goBack();
      await expect(filters.getByLabel('Action')).toHaveValue('user.roles.changed');
      await filters.getByLabel('Action').fill('');
      await filters.getByLabel('Text', { exact: true }).fill('ACME');
      await filters.getByLabel('Text', { exact: true }).press('Enter');
      await expect(page).toHaveURL(/#\/audit\?text=ACME$/);
      const created = rows.filter({ hasText: 'instance.created' });
      await expect(created).toHaveCount(1);
      await expect(created).toContainText(paymentId);
      await page.reload();
      await expect(filters.getByLabel('Text', { exact: true })).toHaveValue('ACME');
      await created.click();
      await expect(page.getByRole('heading', { name: /^Event #\d+ · instance\.created$/, level: 1 })).toBeVisible();
    });

    const chain = page.getByRole('list', { name: 'Decision chain' });
    await test.step('the instance timeline tells the decision chain from the input to the final state', async () => {
      await page.getByRole('link', { name: 'Decision chain' }).click();
      await expect(page.getByRole('heading', { name: 'Decision chain', level: 1 })).toBeVisible();
      await expect(chain.getByRole('listitem', { name: 'Originating input' })).toContainText(`started payment-check v1 by ${STARTER.username}`);
      await expect(chain.getByRole('listitem', { name: 'Originating input' })).toContainText(PAYMENT.reference);
      await expect(chain.locator('li[data-action="decision.evaluated"]')).toContainText('decision table fees v1');
      await expect(chain.locator('li[data-action="decision.evaluated"]')).toContainText('on {"amount":1215}: rules 1 matched → 25');
      await expect(chain.locator('li[data-action="effect.requested"]')).toHaveCount(3);
      await expect(chain.locator('li[data-action="effect.requested"]').first()).toContainText('called echo.echo');
      await expect(chain.getByRole('listitem', { name: 'Final state' })).toContainText('instance completed');
    });

    const job = page.getByRole('region', { name: 'Report export' });
    let folder = '';
    let reportChecks = '';
    await test.step('an instance evidence report is exported: the bar runs to done and the files are listed', async () => {
      await page.getByRole('button', { name: 'Export evidence report' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export evidence report' });
      await expect(dialog).toContainText(paymentId);
      await dialog.getByRole('button', { name: 'Export' }).click();
      await expect(dialog).toBeHidden();
      const bar = job.getByRole('progressbar', { name: 'Export progress' });
      await expect(bar).toBeVisible();
      await expect(bar).toHaveAttribute('aria-valuenow', '100', SLOW);
      await expect(job).toContainText('Done');
      const files = job.getByRole('table', { name: 'Report files' });
      for (const name of ['report.pdf', 'events.csv', 'evidence.json']) await expect(files).toContainText(name);
      folder = (await job.locator('dt:text-is("Folder") + dd .mono').textContent()) ?? '';
      expect(folder).toMatch(/^\//);
    });

    await test.step('Reports (g r) lists the export with its files, and verifies its folder', async () => {
      await go(page, 'r', 'Reports');
      await expect(page).toHaveURL(/#\/audit\/reports$/);
      const exported = page.getByRole('table', { name: 'Exports' }).locator('tr[data-job-id]');
      await expect(exported).toHaveCount(1);
      await expect(exported).toContainText('done');
      await expect(exported).toContainText(folder);
      await exported.getByRole('button', { name: /^Show the files of/ }).click();
      await expect(page.getByRole('table', { name: 'Report files' })).toContainText('report.pdf');
      const verify = page.getByRole('form', { name: 'Verify a report folder' });
      await verify.getByLabel('Report folder').fill(folder);
      await verify.getByRole('button', { name: 'Verify', exact: true }).click();
      await expect(verify.getByText('The report verifies')).toBeVisible(SLOW);
      const checks = verify.getByRole('list', { name: 'Report checks' });
      await expect(checks.locator('[data-ok="false"]')).toHaveCount(0);
      reportChecks = (await checks.textContent()) ?? '';
    });

    await test.step('Evidence shows the key fingerprint, its history and the checkpoints, and no admin action', async () => {
      await page.getByRole('tab', { name: 'Evidence' }).click();
      await expect(page.getByRole('heading', { name: 'Evidence', level: 1 })).toBeVisible();
      const fingerprint = page.getByLabel('Signing key fingerprint');
      await expect(fingerprint).toHaveText(/^[0-9a-f]{4}( [0-9a-f]{4}){15}$/);
      // The auditor compares the site's fingerprint with the one the report's manifest names.
      expect(reportChecks).toContain(((await fingerprint.textContent()) ?? '').replaceAll(' ', ''));
      await expect(page.getByRole('table', { name: 'Key history' }).locator('tbody tr')).toHaveCount(1);
      // Besides those of the schedule: the checkpoint the admin signed, and the one signed for the export.
      const checkpoints = page.getByRole('table', { name: 'Signed checkpoints' }).locator('tbody tr');
      await expect(checkpoints.filter({ hasText: 'signed by an admin' })).toHaveCount(1);
      await expect(checkpoints.filter({ hasText: 'report export' })).toHaveCount(1);
      for (const name of ['Rotate key', 'Configure', 'Create checkpoint now']) await expect(page.getByRole('button', { name })).toHaveCount(0);
    });

    await test.step('Instances, Queues and Exceptions offer the auditor no enabled action', async () => {
      await page.goto(`/#/instances/${encodeURIComponent(transferId)}`);
      await expect(page.getByRole('heading', { name: `bank-transfer · ${TRANSFER}`, level: 1 })).toBeVisible();
      await expect(page.locator('[data-status="incident"]').first()).toBeVisible();
      expect(await enabledActingButtons(page)).toEqual([]);
      await go(page, 'q', 'Queues');
      // Nothing waits for an auditor's roles: they look at every task.
      await page.getByRole('radiogroup', { name: 'Scope' }).getByText('All', { exact: true }).click();
      await expect(page.getByRole('table', { name: 'Tasks' }).getByRole('row', { name: new RegExp(INVOICE) })).toContainText('Capture the invoice', SLOW);
      expect(await enabledActingButtons(page)).toEqual([]);
      await go(page, 'e', 'Exceptions');
      await expect(page.getByRole('table', { name: 'Incidents' }).getByRole('row', { name: new RegExp(TRANSFER) })).toContainText('retries-exhausted', SLOW);
      expect(await enabledActingButtons(page)).toEqual([]);
    });

    await test.step('an operator call forced through the page is refused with 403, and the refusal is in the trail', async () => {
      expect(await callFromPage(page, 'instances.cancel', { instanceId: transferId, reason: 'An auditor trying to act' })).toEqual({
        status: 403,
        code: 'forbidden',
      });
      expect(await callFromPage(page, 'audit.rotateKey', { reason: 'An auditor trying to rotate' })).toEqual({ status: 403, code: 'forbidden' });
      await page.goto(`/#/audit?actor=${AUDITOR.username}&outcome=refused`);
      await expect(rows.filter({ hasText: 'operation instances.cancel' })).toHaveCount(1);
      await expect(rows.filter({ hasText: 'operation audit.rotateKey' })).toHaveCount(1);
      await expect(rows.first()).toContainText('access.refused');
    });
  } finally {
    await bank.close();
  }
});
