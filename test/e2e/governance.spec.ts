import { expect, test } from './support/console';
import { BANK_TRANSFER, apiSession, deploy, startFakeBank, type FakeBank } from './support/engine';
import { REVIEWER, SECOND_ADMIN, VENDOR_CHECK, addUser, bell, changeCard, openAdminTab, secondDesk, taskOf } from './support/governance';
import { ADMIN, CLERK, changeTemporaryPassword, provisionAdmin, signIn, submitSignIn, userMenu } from './support/people';
import { CLERK as INVOICE_CLERK, go, provisionInvoiceSite } from './support/work';

const CLERK_ROLES = `set the roles of ${CLERK.username} to clerk`;

/**
 * Four-eyes on configuration, as two administrators at two desks live it: the first admin
 * appoints a second; from then on a role grant waits for the other admin, who is told by
 * the bell, approves it, and sees a refusal when the request changed under her. She edits
 * the conflict matrix, which the first admin approves; then she delegates her work while
 * out of office.
 */
test('four-eyes: role grants and the conflict matrix wait for a second admin; notifications; out of office', async ({ page, browser, server }) => {
  test.setTimeout(180_000); // two people, several sign-ins (each a deliberate scrypt check), one polled refresh
  await page.emulateMedia({ colorScheme: 'light' });
  await provisionAdmin(server);
  const bea = await secondDesk(browser, server);
  try {
    await test.step('on a single-admin site, the admin appoints a second admin at once', async () => {
      await page.goto('/');
      await signIn(page, ADMIN.username, ADMIN.password);
      await openAdminTab(page, 'Users');
      await addUser(page, SECOND_ADMIN, ['admin', 'approver']);
      const row = page.getByRole('row', { name: new RegExp(SECOND_ADMIN.username) });
      await expect(row).toContainText('admin');
      await expect(row).toContainText('approver');
    });
    const ada = await apiSession(server, ADMIN.username, ADMIN.password);
    const idOf = async (username: string) =>
      (await ada.call<{ items: { id: string; username: string }[] }>('users.list', {})).items.find((u) => u.username === username)?.id;

    await test.step('the second admin signs in at her desk; nothing waits for her yet', async () => {
      await bea.page.goto('/');
      await submitSignIn(bea.page, SECOND_ADMIN.username, SECOND_ADMIN.temporaryPassword);
      await changeTemporaryPassword(bea.page, SECOND_ADMIN.temporaryPassword, SECOND_ADMIN.password);
      await expect(bell(bea.page)).toHaveAccessibleName('Notifications');
    });

    await test.step('now a role grant waits: the requester sees it waiting and cannot approve it', async () => {
      await addUser(page, CLERK, ['clerk']);
      await expect(page.getByText(/Their roles take effect when a second admin approves the change/)).toBeVisible();
      const clerkRow = page.getByRole('row', { name: new RegExp(CLERK.username) });
      await expect(clerkRow.getByText('clerk', { exact: true })).toHaveCount(0);
      await expect(clerkRow).toContainText('awaiting approval: clerk');
      await expect(page.getByRole('tab', { name: /^Pending changes/ })).toContainText('1');
      await openAdminTab(page, 'Pending changes');
      const card = changeCard(page, CLERK_ROLES);
      await expect(card).toContainText('Role grant');
      await expect(card).toContainText(`Requested by ${ADMIN.username}`);
      await expect(card).toContainText('You requested this change: it is waiting for another admin.');
      await expect(card.getByRole('button', { name: 'Approve' })).toBeDisabled();
      await expect(card.getByRole('button', { name: 'Reject' })).toBeDisabled();
      // Forced past the disabled button (a script, the CLI), the core refuses with its reason.
      const changeId = await card.getAttribute('data-change');
      await expect(ada.call('changes.approve', { changeId })).rejects.toThrow(/403.*Nobody approves their own change/);
    });

    await test.step('the bell tells the second admin; its notification opens Pending changes', async () => {
      await expect(bell(bea.page)).toHaveAccessibleName('Notifications, 1 unread');
      await bell(bea.page).click();
      const item = bea.page.getByRole('dialog').getByRole('link', { name: new RegExp(`Change awaiting your approval: ${CLERK_ROLES}`) });
      await expect(item).toContainText(`Requested by ${ADMIN.username}`);
      await item.click();
      await expect(bea.page).toHaveURL(/#\/admin\/changes$/);
      await expect(bea.page.getByRole('heading', { name: 'Pending changes', level: 1 })).toBeVisible();
      await expect(bell(bea.page)).toHaveAccessibleName('Notifications');
      const card = changeCard(bea.page, CLERK_ROLES);
      await expect(card).toContainText(CLERK.username);
      await expect(card.getByText('Granted')).toBeVisible();
    });

    await test.step('a request replaced while she decides is refused with the reason, in an alert', async () => {
      await changeCard(bea.page, CLERK_ROLES).getByRole('button', { name: 'Approve' }).click();
      const dialog = bea.page.getByRole('dialog', { name: 'Approve change' });
      await expect(dialog).toContainText(CLERK_ROLES);
      // Meanwhile the first admin asks again for the same user (e.g. from the CLI): the new request supersedes the old.
      await ada.call('users.setRoles', { userId: await idOf(CLERK.username), roles: ['clerk'] });
      await dialog.getByRole('button', { name: 'Approve change' }).click();
      await expect(dialog.getByRole('alert')).toContainText('This change is already superseded.');
      await dialog.getByRole('button', { name: 'Back' }).click();
      await expect(changeCard(bea.page, CLERK_ROLES)).toHaveCount(1); // the newer request
    });

    await test.step('the second admin approves the grant; the user now holds the role', async () => {
      const card = changeCard(bea.page, CLERK_ROLES);
      await card.getByRole('button', { name: 'Approve' }).click();
      const dialog = bea.page.getByRole('dialog', { name: 'Approve change' });
      await dialog.getByLabel('Comment (optional)').fill('Confirmed with the back-office manager');
      await dialog.getByRole('button', { name: 'Approve change' }).click();
      await expect(dialog).toBeHidden();
      await expect(card).toHaveCount(0);
      await expect(bea.page.getByText(/^No change waits for approval/)).toBeVisible();
      await bea.page.getByText('Approved', { exact: true }).click();
      await expect(bea.page.getByRole('radio', { name: 'Approved' })).toBeChecked();
      await expect(changeCard(bea.page, CLERK_ROLES).first()).toContainText(`Approved by ${SECOND_ADMIN.username}`);
      await expect(changeCard(bea.page, CLERK_ROLES).first()).toContainText('Confirmed with the back-office manager');

      await openAdminTab(page, 'Users');
      const clerkRow = page.getByRole('row', { name: new RegExp(CLERK.username) });
      await expect(clerkRow.getByText('clerk', { exact: true })).toBeVisible();
      await expect(clerkRow).not.toContainText('awaiting approval');
    });

    await test.step('nobody grants roles to themselves: the menu says why, and the core refuses a forced call', async () => {
      await page.getByRole('button', { name: `Actions for ${ADMIN.username}`, exact: true }).click();
      const item = page.getByRole('menuitem', { name: /^Edit roles/ });
      await expect(item).toBeDisabled();
      await expect(item).toContainText('Nobody changes their own roles: ask another administrator.');
      await page.keyboard.press('Escape');
      await expect(ada.call('users.setRoles', { userId: await idOf(ADMIN.username), roles: ['admin', 'approver'] })).rejects.toThrow(
        /403.*Nobody changes their own roles/,
      );
      await expect(page.getByRole('row', { name: new RegExp(`^${ADMIN.username} `) })).not.toContainText('approver');
    });

    const matrixChange = 'replace the conflict matrix (0 → 1 rules)';
    await test.step('the second admin adds a conflict rule; the new matrix waits for approval', async () => {
      // The first admin watches Pending changes meanwhile: the request will arrive by itself.
      await openAdminTab(page, 'Pending changes');
      await expect(page.getByText(/^No change waits for approval/)).toBeVisible();
      await expect(bell(page)).toHaveAccessibleName('Notifications');
      await openAdminTab(bea.page, 'Conflict matrix');
      await expect(bea.page.getByText(/^No conflict rule/)).toBeVisible();
      await bea.page.getByRole('button', { name: 'Add rule' }).click();
      const dialog = bea.page.getByRole('dialog', { name: 'Add conflict rule' });
      await dialog.getByRole('button', { name: 'Add to draft' }).click();
      await expect(dialog.getByText('Use 2–64 lower-case letters, digits and -, starting with a letter')).toBeVisible();
      await dialog.getByLabel('Rule id').fill('vendor-bank-account');
      await dialog.getByLabel('Description').fill('Whoever changed a vendor’s bank account may not approve payments to that vendor');
      const approval = dialog.getByRole('group', { name: /Approval side/ });
      await approval.getByLabel('Workflow').fill('vendor-payment');
      await approval.getByLabel('Entity (FEEL)').fill('payment.vendorId');
      const maker = dialog.getByRole('group', { name: /Maker side/ });
      await maker.getByLabel('Workflow').fill('vendor-maintenance');
      await maker.getByLabel('Entity path').fill('vendor.id');
      await maker.getByLabel('Fields').fill('vendor.bankAccount');
      await maker.getByLabel('Fields').press('Enter');
      await dialog.getByRole('button', { name: 'Add to draft' }).click();
      await expect(dialog).toBeHidden();

      const rules = bea.page.getByRole('table', { name: 'Conflict rules' });
      await expect(rules.getByRole('row', { name: /vendor-bank-account/ })).toContainText('vendor.bankAccount');
      await bea.page.getByRole('region', { name: 'Unsubmitted edits' }).getByRole('button', { name: 'Submit matrix' }).click();
      await expect(bea.page.getByRole('status').filter({ hasText: 'Pending approval' })).toContainText('takes effect when another admin approves it');
      await expect(bea.page.getByText(/^No conflict rule/)).toBeVisible(); // the matrix in force is unchanged
    });

    await test.step('the request reaches the first admin live; she approves the new matrix, which is then in force', async () => {
      // Announced by the core (changes.changed, notifications.new): the page and the bell update well before their one-minute poll.
      const card = changeCard(page, matrixChange);
      await expect(card).toBeVisible();
      await expect(bell(page)).toHaveAccessibleName('Notifications, 1 unread');
      await expect(card).toContainText(`Requested by ${SECOND_ADMIN.username}`);
      await expect(card).toContainText('vendor-bank-account');
      await card.getByRole('button', { name: 'Approve' }).click();
      await page.getByRole('dialog', { name: 'Approve change' }).getByRole('button', { name: 'Approve change' }).click();
      await expect(card).toHaveCount(0);
      await openAdminTab(page, 'Conflict matrix');
      const rule = page.getByRole('table', { name: 'Conflict rules' }).getByRole('row', { name: /vendor-bank-account/ });
      await expect(rule).toContainText('vendor-payment');
      await expect(rule).toContainText('payment.vendorId');
      await expect(rule).toContainText('vendor-maintenance');
    });

    await test.step('out of office, the second admin delegates her work to the clerk', async () => {
      await userMenu(bea.page, SECOND_ADMIN.displayName, 'Out of office…');
      const dialog = bea.page.getByRole('dialog', { name: 'Out of office' });
      await dialog.getByRole('button', { name: 'Delegate my work' }).click();
      await expect(dialog.getByText('Choose a colleague')).toBeVisible();
      await dialog.getByLabel('Colleague who stands in').click();
      await bea.page.getByRole('option', { name: `${CLERK.displayName} (${CLERK.username})` }).click();
      await dialog.getByRole('button', { name: 'Delegate my work' }).click();
      await expect(dialog).toBeHidden();
      await expect(bea.page.getByText(new RegExp(`${CLERK.displayName} \\(${CLERK.username}\\) can act on the tasks assigned or named to you`))).toBeVisible();

      const trail = await ada.call<{ items: { actor: { username?: string }; payload: { delegate?: string; from?: string; to?: string } }[] }>('audit.search', {
        action: 'delegation.set',
        limit: 5,
      });
      expect(trail.items).toHaveLength(1);
      expect(trail.items[0]?.actor.username).toBe(SECOND_ADMIN.username);
      expect(trail.items[0]?.payload.delegate).toBe(await idOf(CLERK.username));
      const days = (Date.parse(trail.items[0]?.payload.to ?? '') - Date.parse(trail.items[0]?.payload.from ?? '')) / 86_400_000;
      expect(days).toBeCloseTo(7, 3);
    });

    await test.step('back from leave early, she sees the delegation in force and ends it', async () => {
      await userMenu(bea.page, SECOND_ADMIN.displayName, 'Out of office…');
      const dialog = bea.page.getByRole('dialog', { name: 'Out of office' });
      await expect(dialog.getByText('Delegation in force')).toBeVisible();
      await expect(dialog.getByText(new RegExp(`${CLERK.displayName} \\(${CLERK.username}\\) can act on your tasks until`))).toBeVisible();
      await expect(dialog.getByLabel('Colleague who stands in')).toHaveValue(`${CLERK.displayName} (${CLERK.username})`);
      await dialog.getByRole('button', { name: 'End delegation' }).click();
      await expect(dialog).toBeHidden();
      await expect(bea.page.getByText('Delegation ended: your tasks are yours alone again.')).toBeVisible();

      await userMenu(bea.page, SECOND_ADMIN.displayName, 'Out of office…');
      await expect(dialog.getByRole('button', { name: 'Delegate my work' })).toBeVisible();
      await expect(dialog.getByText('Delegation in force')).toHaveCount(0);
      await expect(dialog.getByRole('button', { name: 'End delegation' })).toHaveCount(0);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      const ended = await ada.call<{ items: { actor: { username?: string } }[] }>('audit.search', { action: 'delegation.ended', limit: 5 });
      expect(ended.items.map((e) => e.actor.username)).toEqual([SECOND_ADMIN.username]);
    });
  } finally {
    await bea.context.close();
  }
});

/** The engine's timers and retries are real: generous for a busy machine, still bounded. */
const ENGINE = { timeout: 20_000 };

/**
 * The admin's exception queue on a working day: a vendor check runs past its SLA and
 * escalates (the bell says so while she watches, and she marks it read); a bank transfer the
 * bank refuses is completed by hand with the value it should have produced; a compliance
 * officer's break-glass approval is handed to the admins and its review closed — every
 * action with a reason, each kept in the audit trail.
 */
test('exceptions: an escalation announced live, a failed step skipped with a value, a break-glass review handed over and resolved', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ colorScheme: 'dark' });
  let bank: FakeBank | null = null;
  try {
    bank = await startFakeBank();
    const admin = await provisionInvoiceSite(server, [INVOICE_CLERK, REVIEWER]);
    await admin.call('connectors.save', { name: 'bank', type: 'http', config: { baseUrl: bank.url, allowedHosts: [bank.host], timeoutMs: 5_000 } });
    await deploy(admin, 'bank-transfer.yaml', BANK_TRANSFER);
    await deploy(admin, 'vendor-check.yaml', VENDOR_CHECK);
    const clerk = await apiSession(server, INVOICE_CLERK.username, INVOICE_CLERK.password);
    const reviewer = await apiSession(server, REVIEWER.username, REVIEWER.password);

    // The transfer fails at the bank (twice, a second apart) and becomes an incident.
    await clerk.call('instances.start', { workflow: 'bank-transfer', input: { transfer: { reference: 'TRF-3001', amount: 90 } } });
    // An invoice captured by the clerk, approved at level 1 by the compliance officer breaking the glass.
    await clerk.call('instances.start', { workflow: 'invoice-approval', input: { invoice: { number: 'INV-7001' } } });
    const capture = await taskOf(clerk, { scope: 'available' }, 'INV-7001');
    await clerk.call('tasks.claim', { taskIds: [capture.id] });
    await clerk.call('tasks.complete', {
      taskId: capture.id,
      values: { vendor: 'ACME GmbH', iban: 'DE89370400440532013000', amount: { amount: '1250.00', currency: 'EUR' } },
    });
    const approval = await taskOf(reviewer, { scope: 'all', kind: 'approval' }, 'INV-7001');
    const shown = await reviewer.call<{ approval: { dataHash: string } }>('tasks.get', { taskId: approval.id });
    await reviewer.call('approvals.breakGlass', {
      taskId: approval.id,
      dataHash: shown.approval.dataHash,
      reason: 'Team lead on leave and the vendor threatens to stop deliveries today',
    });

    await test.step('the admin signs in; nothing is unread', async () => {
      await page.goto('/');
      await signIn(page, ADMIN.username, ADMIN.password);
      await expect(bell(page)).toHaveAccessibleName('Notifications');
    });

    await test.step('a vendor check passes its SLA and escalates: the bell announces it, and she marks it read', async () => {
      await clerk.call('instances.start', { workflow: 'vendor-check', input: { vendor: { id: 'V-100' } } });
      await expect(bell(page)).toHaveAccessibleName('Notifications, 1 unread', ENGINE);
      await bell(page).click();
      const panel = page.getByRole('dialog');
      const item = panel.getByRole('listitem').filter({ hasText: "Escalated (level 1): Check the vendor's bank details" });
      await expect(item).toHaveAttribute('data-read', 'false');
      await expect(item).toContainText('vendor-check V-100');
      await panel.getByRole('button', { name: 'Mark all read' }).click();
      await expect(item).toHaveAttribute('data-read', 'true');
      await expect(bell(page)).toHaveAccessibleName('Notifications');
      await page.keyboard.press('Escape');
    });

    await test.step('Exceptions › Escalations lists the overdue task at level 1 with its raised priority', async () => {
      await go(page, 'e', 'Exceptions');
      await page.getByRole('tab', { name: /^Escalations/ }).click();
      const row = page.getByRole('table', { name: 'Escalations' }).getByRole('row', { name: /V-100/ });
      await expect(row).toContainText('level 1');
      await expect(row).toContainText(/overdue by \d/);
      await expect(row).toContainText('clerk');
      await expect(row.getByRole('cell').last()).toHaveText('90');
      await page.getByRole('tab', { name: 'Incidents' }).click();
    });

    const incidents = page.getByRole('table', { name: 'Incidents' });
    await test.step('the refused transfer is completed by hand: skipped with the value it should have produced, and a reason', async () => {
      const row = incidents.getByRole('row', { name: /TRF-3001/ });
      await expect(row).toContainText('retries-exhausted', ENGINE);
      await row.getByRole('button', { name: 'Skip with value (submit)' }).click();
      const skip = page.getByRole('dialog', { name: 'Skip step submit' });
      await skip.getByLabel('Result value (JSON)').fill('{ "status": 200, "bankReference": "BK-PHONE-77" }');
      await skip.getByRole('button', { name: 'Skip step' }).click();
      await expect(skip.getByText(/give a reason/i)).toBeVisible();
      await skip.getByLabel('Reason').fill('Bank confirmed the transfer by phone, reference BK-PHONE-77');
      await skip.getByRole('button', { name: 'Skip step' }).click();
      await expect(skip).toBeHidden();
      await expect(row).toHaveCount(0, ENGINE);
    });

    await test.step('the break-glass approval waits for review; it cannot be skipped, only handed over or resolved', async () => {
      const row = incidents.getByRole('row', { name: /INV-7001/ });
      await expect(row).toContainText('break-glass-review');
      await expect(row).toContainText('compliance');
      await expect(row).toContainText(`${REVIEWER.username} overrode the approval controls`);
      await expect(row.getByRole('button', { name: /^(Retry|Skip with value)/ })).toHaveCount(0);

      await row.getByRole('button', { name: 'Hand to role (approve)' }).click();
      const hand = page.getByRole('dialog', { name: 'Hand incident on approve to a role' });
      await hand.getByLabel('Role').click();
      await page.getByRole('option', { name: /^admin/ }).click();
      await hand.getByRole('button', { name: 'Hand over' }).click();
      await expect(hand.getByText(/give a reason/i)).toBeVisible();
      await hand.getByLabel('Reason').fill('The override was made by compliance itself: the admins review it');
      await hand.getByRole('button', { name: 'Hand over' }).click();
      await expect(hand).toBeHidden();
      await expect(row.getByRole('cell', { name: 'admin', exact: true })).toBeVisible();

      await row.getByRole('button', { name: 'Resolve (approve)' }).click();
      const resolve = page.getByRole('dialog', { name: 'Resolve review of approve' });
      await resolve.getByLabel('Outcome of the review').fill('Checked with the team lead by phone: the invoice is genuine');
      await resolve.getByRole('button', { name: 'Resolve' }).click();
      await expect(resolve).toBeHidden();
      await expect(row).toHaveCount(0);
      await expect(page.getByText('No open incident: nothing waits for a person.')).toBeVisible();
    });

    await test.step('the resolved list and the audit trail keep each action with its reason', async () => {
      await page.getByText('Resolved', { exact: true }).click();
      await expect(incidents.getByRole('row', { name: /INV-7001/ })).toContainText('reviewed: Checked with the team lead by phone');
      await expect(incidents.getByRole('row', { name: /TRF-3001/ })).toBeVisible();
      const trail = async (action: string) =>
        (await admin.call<{ items: { actor: { username?: string }; payload: Record<string, unknown> }[] }>('audit.search', { action, limit: 5 })).items;
      const [assigned] = await trail('incident.assigned');
      expect(assigned?.actor.username).toBe(ADMIN.username);
      expect(assigned?.payload).toMatchObject({ from: 'compliance', to: 'admin', reason: 'The override was made by compliance itself: the admins review it' });
      const [resolved] = await trail('incident.resolved');
      expect(resolved?.payload).toMatchObject({ type: 'break-glass-review', reason: 'Checked with the team lead by phone: the invoice is genuine' });
      const transfer = async () => (await admin.call<{ items: { status: string }[] }>('instances.search', { businessKey: 'TRF-3001' })).items[0]?.status;
      await expect.poll(transfer, ENGINE).toBe('completed');
    });
  } finally {
    await bank?.close();
  }
});
