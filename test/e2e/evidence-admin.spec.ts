import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/console';
import { apiSession } from './support/engine';
import { ADMIN, provisionAdmin, signIn } from './support/people';
import { go } from './support/work';

/** Exports and checkpoints run beside the page: generous for a busy machine, still bounded. */
const SLOW = { timeout: 30_000 };

/** A datetime-local value, in the zone the browser and this process share (the same machine). */
function localInput(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Waits for the export on the page to finish and returns its folder. */
async function exportedFolder(job: Locator, files: readonly string[]): Promise<string> {
  await expect(job.getByRole('progressbar', { name: 'Export progress' })).toHaveAttribute('aria-valuenow', '100', SLOW);
  await expect(job).toContainText('Done');
  const listed = job.getByRole('table', { name: 'Report files' });
  for (const name of files) await expect(listed).toContainText(name);
  const folder = (await job.locator('dt:text-is("Folder") + dd .mono').textContent()) ?? '';
  expect(folder).toMatch(/^\//);
  return folder;
}

async function verifyFolder(page: Page, folder: string): Promise<void> {
  const verify = page.getByRole('form', { name: 'Verify a report folder' });
  await verify.getByLabel('Report folder').fill(folder);
  await verify.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(verify.getByText('The report verifies')).toBeVisible(SLOW);
  await expect(verify.getByRole('list', { name: 'Report checks' }).locator('[data-ok="false"]')).toHaveCount(0);
}

/**
 * The admin's side of the evidence, as an admin does it in the console: a witness folder for
 * checkpoint copies (applied at once on a single-admin site, and said so), a checkpoint signed
 * now and copied there, the signing key rotated (a reason and the key id typed out; the new
 * fingerprint shown; the history holds both keys), then a period report and a control report
 * exported with their progress and verified.
 */
test('an admin sets up witness copies, signs a checkpoint, rotates the key, and exports a period and a control report that verify', async ({
  page,
  server,
}) => {
  test.setTimeout(180_000);
  const witness = mkdtempSync(join(tmpdir(), 'clearline-witness-'));
  try {
    await provisionAdmin(server);
    const admin = await apiSession(server, ADMIN.username, ADMIN.password);
    // Some configuration for the reports to hold.
    await admin.call('connectors.save', { name: 'echo', type: 'echo', config: {} });
    await page.goto('/');
    await signIn(page, ADMIN.username, ADMIN.password);
    await go(page, 'u', 'Audit');
    await page.getByRole('tab', { name: 'Evidence' }).click();
    await expect(page.getByRole('heading', { name: 'Evidence', level: 1 })).toBeVisible();

    await test.step('the witness folder is set with a reason; on a single-admin site it applies at once', async () => {
      await page.getByRole('button', { name: 'Configure' }).click();
      const dialog = page.getByRole('dialog', { name: 'Witness folder and checkpoint schedule' });
      await dialog.getByLabel('Witness folder').fill(witness);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect(dialog.getByLabel('Reason')).toHaveAttribute('aria-invalid', 'true');
      await dialog.getByLabel('Reason').fill('Copies of every checkpoint to the audit share, per the evidence policy');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect(dialog.getByRole('status')).toContainText('Applied');
      await dialog.getByRole('button', { name: 'Done' }).click();
      await expect(page.getByText(witness)).toBeVisible();
    });

    await test.step('a checkpoint signed now is copied to the witness folder', async () => {
      await page.getByRole('button', { name: 'Create checkpoint now' }).click();
      await expect(page.getByText(/Checkpoint of \d+ events signed and witnessed\./)).toBeVisible(SLOW);
      expect(readdirSync(witness).length).toBeGreaterThan(0);
      await expect(page.getByRole('table', { name: 'Signed checkpoints' }).locator('tbody tr').filter({ hasText: 'signed by an admin' })).toHaveCount(1);
    });

    await test.step('rotating the key needs a reason and the current key id; the new fingerprint is shown and both keys are in the history', async () => {
      const before = ((await page.getByLabel('Signing key fingerprint').textContent()) ?? '').trim();
      await page.getByRole('button', { name: 'Rotate key' }).click();
      const dialog = page.getByRole('dialog', { name: 'Rotate the signing key' });
      const confirm = dialog.getByLabel('Type the current key id to confirm');
      const keyId = (await confirm.getAttribute('placeholder')) ?? '';
      expect(keyId).not.toBe('');
      await dialog.getByLabel('Reason').fill('Yearly key rotation');
      await confirm.fill('not-the-key');
      await dialog.getByRole('button', { name: 'Rotate key' }).click();
      await expect(dialog.getByText(`Type ${keyId} to confirm`)).toBeVisible();
      await confirm.fill(keyId);
      await dialog.getByRole('button', { name: 'Rotate key' }).click();
      await expect(dialog.getByRole('status')).toContainText('The new key is in force', SLOW);
      const after = ((await dialog.getByLabel('New signing key fingerprint').textContent()) ?? '').trim();
      expect(after).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){15}$/);
      expect(after).not.toBe(before);
      await dialog.getByRole('button', { name: 'Done' }).click();
      await expect(page.getByLabel('Signing key fingerprint')).toHaveText(after);
      await expect(page.getByRole('table', { name: 'Key history' }).locator('tbody tr')).toHaveCount(2);
    });

    const job = page.getByRole('region', { name: 'Report export' });
    const exportForm = page.getByRole('form', { name: 'Export a signed report' });
    const range = { from: localInput(Date.now() - 3_600_000), to: localInput(Date.now() + 3_600_000) };

    await test.step('a period report of the connector changes is exported and verifies', async () => {
      await page.getByRole('tab', { name: 'Reports' }).click();
      await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
      await exportForm.getByText('Period', { exact: true }).click();
      await exportForm.getByLabel(/^From/).fill(range.from);
      await exportForm.getByLabel(/^To\b/).fill(range.to);
      await exportForm.getByLabel('Action', { exact: true }).fill('connector.');
      await exportForm.getByRole('button', { name: 'Export' }).click();
      const folder = await exportedFolder(job, ['report.pdf', 'events.csv', 'evidence.json']);
      await verifyFolder(page, folder);
    });

    await test.step('a control report of the configuration changes is exported and verifies', async () => {
      await page.getByRole('button', { name: 'Close the export' }).click();
      await exportForm.getByText('Control', { exact: true }).click();
      await exportForm.getByRole('combobox', { name: 'Control' }).click();
      await page.getByRole('option', { name: 'Configuration changes and their second approvers' }).click();
      await exportForm.getByLabel(/^From/).fill(range.from);
      await exportForm.getByLabel(/^To\b/).fill(range.to);
      await exportForm.getByRole('button', { name: 'Export' }).click();
      const folder = await exportedFolder(job, ['report.pdf', 'events.csv', 'evidence.json']);
      await verifyFolder(page, folder);
      await expect(page.getByRole('table', { name: 'Exports' }).locator('tr[data-job-id]')).toHaveCount(2);
    });
  } finally {
    rmSync(witness, { recursive: true, force: true });
  }
});
