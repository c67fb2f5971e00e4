import { expect, test } from './support/console';
import {
  BANK_TRANSFER,
  FEES_TABLE,
  OPERATOR,
  TYPO_AT,
  configureConnectors,
  deploy,
  paymentCheck,
  provisionOperator,
  scratchFolder,
  startFakeBank,
  type FakeBank,
} from './support/engine';
import { signIn } from './support/people';

/** The engine and the diagram's layout run in the background: generous for a busy CI machine, still bounded. */
const SLOW = { timeout: 30_000 };

/**
 * An operator's day with the engine, as they live it in the console: import a workflow
 * (fixing the mistake the validator points at), deploy it, start an instance and watch it
 * run to the end on the diagram; then a transfer the bank refuses until its outage is over,
 * which lands in Exceptions, is retried with a reason, completes, and leaves that reason in
 * the instance's timeline.
 */
test('import, deploy, run an instance live; a failed bank call becomes an exception, is retried and completes', async ({ page, server }) => {
  test.setTimeout(150_000);
  await page.emulateMedia({ colorScheme: 'light' });
  const files = scratchFolder();
  let bank: FakeBank | null = null;
  try {
    bank = await startFakeBank();
    const { operator, admin } = await provisionOperator(server);
    await configureConnectors(operator, bank);
    await deploy(operator, 'fees.yaml', FEES_TABLE, admin);
    await deploy(operator, 'bank-transfer.yaml', BANK_TRANSFER, admin);
    const broken = files.write('payment-check.yaml', paymentCheck('recrod'));

    await test.step('the operator signs in and opens Workflows with g w', async () => {
      await page.goto('/');
      await signIn(page, OPERATOR.username, OPERATOR.password);
      await page.keyboard.press('g');
      await page.keyboard.press('w');
      await expect(page.getByRole('heading', { name: 'Workflows', level: 1 })).toBeVisible();
      await expect(page.getByRole('row', { name: /bank-transfer/ })).toContainText('Bank transfer');
    });

    const dialog = page.getByRole('dialog', { name: 'Import workflow or decision tables' });
    await test.step('importing a file with a typo shows the problem at its line and column', async () => {
      await page.getByRole('button', { name: 'Import' }).click();
      await dialog.locator('input[type="file"]').setInputFiles(broken);
      const problem = dialog.getByRole('list', { name: 'Problems' }).getByRole('listitem');
      await expect(problem).toHaveCount(1);
      await expect(problem).toContainText(`payment-check.yaml:${TYPO_AT.line}:${TYPO_AT.column}`);
      await expect(problem).toContainText('there is no step "recrod"');
      await expect(dialog.getByRole('button', { name: 'Deploy' })).toBeDisabled();
      await problem.click();
      await expect(dialog.locator(`[data-line="${TYPO_AT.line}"]`)).toHaveAttribute('data-highlight', 'true');
      await expect(dialog.locator(`[data-line="${TYPO_AT.line}"]`)).toContainText('default: recrod');
    });

    await test.step('the corrected file validates and deploys as v1', async () => {
      await dialog.locator('input[type="file"]').setInputFiles(files.write('payment-check.yaml', paymentCheck()));
      await expect(dialog.getByText('payment-check.yaml is valid')).toBeVisible();
      await dialog.getByRole('button', { name: 'Deploy' }).click();
      const outcome = dialog.getByRole('status');
      await expect(outcome).toContainText(/^(Deployed|Valid — waiting for a second admin’s approval)/);
      await expect(outcome).toContainText('payment-check');
      await expect(outcome).toContainText('v1');
      const pending = /change ([0-9a-f-]{36})/.exec((await outcome.textContent()) ?? '')?.[1];
      if (pending) {
        // Where deployments need four eyes (this site has two admins), the first admin approves.
        await admin.call('changes.approve', { changeId: pending });
        await dialog.getByRole('button', { name: 'Done' }).click();
        await page.goto('/#/workflows/payment-check?version=1');
      } else {
        await dialog.getByRole('button', { name: 'Open payment-check v1' }).click();
      }
      await expect(dialog).toBeHidden();
    });

    const diagram = page.getByTestId('workflow-diagram');
    await test.step('the workflow page draws the diagram with its branch conditions', async () => {
      await expect(page.getByRole('heading', { name: 'Payment check', level: 1 })).toBeVisible();
      await expect(diagram.locator('[data-step-id="fee"]')).toContainText('decision', SLOW);
      await expect(diagram.locator('[data-step-id="screen"]')).toContainText('parallel');
      await expect(diagram.locator('[data-step-id="sanctions"]')).toBeVisible();
      await expect(diagram.getByText('total > 1000', { exact: true })).toBeVisible();
      await expect(diagram.getByText('default', { exact: true })).toBeVisible();
      await expect(page.getByRole('table', { name: 'Pinned versions' })).toContainText('fees');
    });

    await test.step('starting an instance opens it, and its steps turn done until it completes', async () => {
      await page.getByRole('button', { name: 'Start instance' }).click();
      const start = page.getByRole('dialog', { name: 'Start payment-check v1' });
      const input = start.getByLabel('Input (JSON object)');
      await input.fill('[1, 2]');
      await start.getByRole('button', { name: 'Start instance' }).click();
      await expect(start.getByText(/must be a JSON object/i)).toBeVisible();
      await input.fill(JSON.stringify({ payment: { reference: 'PAY-1001', amount: 1200, charges: 15, beneficiary: 'ACME GmbH' } }, null, 2));
      await start.getByRole('button', { name: 'Start instance' }).click();
      await expect(page).toHaveURL(/#\/instances\/[^/?]+$/);
      await expect(page.getByRole('heading', { name: 'payment-check · PAY-1001', level: 1 })).toBeVisible();
      for (const step of ['amounts', 'fee', 'route', 'screen', 'sanctions', 'limits', 'record'])
        await expect(diagram.locator(`[data-step-id="${step}"]`), step).toHaveAttribute('data-state', 'done', SLOW);
      await expect(page.locator('[data-status="completed"]').first()).toBeVisible();
      const timeline = page.getByRole('list', { name: 'Timeline' });
      await expect(timeline.locator('[data-action="decision.evaluated"]')).toContainText('decision table fees v1 evaluated');
      await expect(timeline.locator('[data-action="decision.evaluated"]')).toContainText('#2');
      await expect(timeline.locator('[data-action="instance.completed"]')).toBeVisible();
    });

    await test.step('a transfer the bank refuses becomes an incident on the diagram', async () => {
      await page.keyboard.press('g');
      await page.keyboard.press('w');
      await page.getByRole('row', { name: /bank-transfer/ }).click();
      await expect(page.getByRole('heading', { name: 'Bank transfer', level: 1 })).toBeVisible();
      await page.getByRole('button', { name: 'Start instance' }).click();
      const start = page.getByRole('dialog', { name: 'Start bank-transfer v1' });
      await start.getByLabel('Input (JSON object)').fill(JSON.stringify({ transfer: { reference: 'TRF-2001', amount: 250 } }));
      await start.getByRole('button', { name: 'Start instance' }).click();
      await expect(page.getByRole('heading', { name: 'bank-transfer · TRF-2001', level: 1 })).toBeVisible();
      await expect(diagram.locator('[data-step-id="prepare"]')).toHaveAttribute('data-state', 'done', SLOW);
      await expect(diagram.locator('[data-step-id="submit"]')).toHaveAttribute('data-state', 'incident', SLOW);
      await expect(page.locator('[data-status="incident"]').first()).toBeVisible();
      expect(bank?.requests()).toBe(2);
    });

    const row = page.getByRole('row', { name: /TRF-2001/ });
    await test.step('the incident waits in Exceptions', async () => {
      await page.keyboard.press('g');
      await page.keyboard.press('e');
      await expect(page.getByRole('heading', { name: 'Exceptions', level: 1 })).toBeVisible();
      await expect(row).toContainText('retries-exhausted');
      await expect(row).toContainText('HTTP_500');
      await expect(row).toContainText('submit');
      await expect(row).toContainText('bank-transfer');
    });

    await test.step('once the bank is back, a retry with a reason resolves it', async () => {
      bank?.recover();
      await row.getByRole('button', { name: 'Retry (submit)' }).click();
      const retry = page.getByRole('dialog', { name: 'Retry step submit' });
      await retry.getByRole('button', { name: 'Retry step' }).click();
      await expect(retry.getByText(/give a reason/i)).toBeVisible();
      await retry.getByLabel('Reason').fill('Core banking outage over, confirmed with the treasury desk');
      await retry.getByRole('button', { name: 'Retry step' }).click();
      await expect(retry).toBeHidden();
      await expect(page.getByText('Retry of step submit requested.')).toBeVisible();
      await expect(row).toHaveCount(0, SLOW);
      await page.getByText('Resolved', { exact: true }).click();
      await expect(page.getByRole('radio', { name: 'Resolved' })).toBeChecked();
      await expect(row).toContainText('retried: Core banking outage over');
    });

    await test.step('the instance completes, and its timeline shows the retry and its reason', async () => {
      await page.getByRole('heading', { name: 'Exceptions', level: 1 }).click();
      await page.keyboard.press('g');
      await page.keyboard.press('i');
      await expect(page.getByRole('heading', { name: 'Instances', level: 1 })).toBeVisible();
      const instances = page.getByRole('table', { name: 'Instances' });
      await expect(instances.getByRole('row', { name: /TRF-2001/ })).toBeVisible();
      await page.keyboard.press('j');
      await expect(instances.locator('tr[data-selected="true"]')).toContainText('TRF-2001');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { name: 'bank-transfer · TRF-2001', level: 1 })).toBeVisible();
      await expect(diagram.locator('[data-step-id="submit"]')).toHaveAttribute('data-state', 'done', SLOW);
      await expect(diagram.locator('[data-step-id="confirm"]')).toHaveAttribute('data-state', 'done');
      await expect(page.locator('[data-status="completed"]').first()).toBeVisible();
      const timeline = page.getByRole('list', { name: 'Timeline' });
      const requested = timeline.locator('[data-action="instance.retry-requested"]');
      await expect(requested).toContainText('Retry of submit requested');
      await expect(requested).toContainText('Core banking outage over, confirmed with the treasury desk');
      await expect(requested).toContainText(OPERATOR.username);
      await expect(timeline.locator('[data-action="step.retried-by-operator"]')).toContainText(`submit retried by ${OPERATOR.username}`);
      await expect(timeline.locator('[data-action="incident.raised"]')).toContainText('Incident on submit: retries-exhausted');
      await expect(timeline.locator('[data-action="instance.completed"]')).toBeVisible();
      expect(bank?.requests()).toBe(3);
    });
  } finally {
    await bank?.close();
    files.remove();
  }
});
