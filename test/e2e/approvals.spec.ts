import { expect, test } from './support/console';
import type { ApiSession } from './support/engine';
import { apiSession } from './support/engine';
import {
  APPROVER1,
  APPROVER2,
  APPROVER3,
  CLERK,
  COMPLIANCE,
  canvasHasInk,
  capturedInvoice,
  desk,
  go,
  invoicePdf,
  invoiceTask,
  provisionInvoiceSite,
} from './support/work';

/** The engine moves work between people in the background: generous for a busy CI machine, still bounded. */
const SLOW = { timeout: 30_000 };
const INVOICE = 'INV-2026-0042';

interface AuditEvent {
  action: string;
  outcome: string;
  actor: { username?: string };
  payload: Record<string, unknown>;
}

/** Every audit event of the run, oldest first (the search pages newest first). */
async function auditTrail(admin: ApiSession): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await admin.call<{ items: AuditEvent[]; nextCursor: string | null }>('audit.search', { limit: 500, ...(cursor ? { cursor } : {}) });
    events.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return events.reverse();
}

/**
 * Four-eyes on an invoice, as the people live it in three browsers: the clerk captures it
 * in Queues with the keyboard and cannot approve it; the team lead approves level 1 and is
 * refused level 2; Finance approves level 2; the instance goes on to the end; and the audit
 * trail holds every step and both refused attempts.
 */
test('a clerk captures an invoice; segregation of duties refuses the clerk and a second level; two approvers pass it', async ({ browser, server }) => {
  test.setTimeout(300_000);
  const admin = await provisionInvoiceSite(server, [CLERK, APPROVER1, APPROVER2, APPROVER3]);
  const clerk = await desk(browser, server, CLERK);
  const cspViolations: string[] = [];
  clerk.page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  let instancePath = '';

  await test.step('the clerk starts an invoice from the workflow page', async () => {
    const { page } = clerk;
    await page.goto('/#/workflows/invoice-approval');
    await expect(page.getByRole('heading', { name: 'Invoice approval', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'Start instance' }).click();
    const start = page.getByRole('dialog', { name: /Start invoice-approval/ });
    await start.getByLabel('Input (JSON object)').fill(JSON.stringify({ invoice: { number: INVOICE } }));
    await start.getByRole('button', { name: 'Start instance' }).click();
    await expect(page.getByRole('heading', { name: `invoice-approval · ${INVOICE}`, level: 1 })).toBeVisible();
    instancePath = new URL(page.url()).hash.slice(1);
  });

  await test.step('in Queues the clerk selects the capture task with j, claims it with c and opens it with Enter', async () => {
    const { page } = clerk;
    await go(page, 'q', 'Queues');
    const table = page.getByRole('table', { name: 'Tasks' });
    const row = table.getByRole('row', { name: new RegExp(INVOICE) });
    await expect(row).toContainText('Capture the invoice', SLOW);
    await expect(row).toContainText(/due in \d+ h/);
    await page.keyboard.press('j');
    await expect(table.locator('tr[data-selected="true"]')).toContainText(INVOICE);
    await page.keyboard.press('c');
    await expect(page.getByText(`Claimed Capture the invoice (${INVOICE}).`)).toBeVisible();
    await expect(row.locator('[data-task-status]')).toHaveAttribute('data-task-status', 'claimed');
    await expect(row).toContainText(`${CLERK.username} (you)`);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Capture the invoice', level: 1 })).toBeVisible();
  });

  await test.step('the clerk attaches the invoice PDF and reads it in the built-in viewer', async () => {
    const { page } = clerk;
    const documents = page.getByRole('region', { name: 'Documents' });
    await documents.locator('input[type="file"]').setInputFiles({ name: `${INVOICE}.pdf`, mimeType: 'application/pdf', buffer: await invoicePdf(INVOICE) });
    await expect(page.getByText(`${INVOICE}.pdf attached.`)).toBeVisible();
    await documents.getByRole('button', { name: `Open ${INVOICE}.pdf` }).click();
    const viewer = page.getByRole('dialog', { name: `${INVOICE}.pdf` });
    await expect(viewer.getByText('1 page')).toBeVisible(SLOW);
    await expect.poll(() => canvasHasInk(page, 'canvas[data-pdf-page="1"]'), SLOW).toBe(true);
    await viewer.getByRole('button', { name: 'Close the document' }).click();
    await expect(viewer).toBeHidden();
    expect(page.url()).toContain('#/queues/');
    expect(cspViolations).toEqual([]);
  });

  await test.step('the form checks the IBAN as it is typed; the clerk completes the task', async () => {
    const { page } = clerk;
    const form = page.getByRole('form', { name: 'Task form' });
    await form.getByRole('button', { name: 'Complete task' }).click();
    await expect(form.locator('[data-field="vendor"]')).toContainText('Is required');
    await form.getByRole('textbox', { name: 'Vendor', exact: true }).fill('ACME GmbH');
    const iban = form.getByRole('textbox', { name: 'Vendor IBAN' });
    await iban.fill('DE89 3704 0044 0532 0130 01');
    await iban.blur();
    await expect(form.locator('[data-field="iban"]')).toContainText('The check digits do not match');
    await iban.fill('DE89 3704 0044 0532 0130 00');
    await expect(form.locator('[data-field="iban"]')).toContainText('Checksum valid · DE');
    await form.getByRole('textbox', { name: 'Amount', exact: true }).fill('1250.00');
    await form.getByRole('button', { name: 'Complete task' }).click();
    await expect(page.getByText('Capture the invoice completed.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Queues', level: 1 })).toBeVisible();
  });

  await test.step('the clerk opens the approval and is refused: the initiator never approves', async () => {
    const { page } = clerk;
    await go(page, 'a', 'Approvals');
    await page
      .getByRole('table', { name: 'Approvals' })
      .getByRole('row', { name: new RegExp(INVOICE) })
      .click(SLOW);
    await expect(page.getByRole('heading', { name: `Approve the invoice · ${INVOICE}`, level: 1 })).toBeVisible();
    const decision = page.getByRole('region', { name: 'Your decision' });
    await expect(decision.getByRole('alert').filter({ hasText: 'Segregation of duties applies' })).toContainText(/initiator/);
    await decision.getByRole('button', { name: 'Approve' }).click();
    await expect(decision.getByRole('alert').filter({ hasText: 'Your decision was refused' })).toContainText(/initiator/);
    await expect(decision.getByRole('alert').filter({ hasText: 'Your decision was refused' })).toContainText('segregation_of_duties');
  });

  const lead = await desk(browser, server, APPROVER1);
  await test.step('the team lead sees the data (IBAN masked) and approves level 1', async () => {
    const { page } = lead;
    await go(page, 'a', 'Approvals');
    const row = page.getByRole('table', { name: 'Approvals' }).getByRole('row', { name: new RegExp(INVOICE) });
    await expect(row).toContainText('Team lead');
    await row.click();
    const data = page.getByRole('table', { name: 'What is approved' });
    await expect(data.locator('[data-path="invoice.captured.vendor"]')).toContainText('ACME GmbH');
    await expect(data.locator('[data-path="invoice.captured.amount"]')).toContainText('1250.00 EUR');
    await expect(data.locator('[data-path="invoice.captured.iban"]')).toContainText('DE•• •••• 3000');
    await expect(data.getByRole('button', { name: /Unmask/ })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Documents' })).toBeVisible();
    const levels = page.getByRole('list', { name: 'Approval levels' });
    await expect(levels.locator('[data-level="Team lead"]')).toHaveAttribute('data-state', 'current');
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByText(new RegExp(`Approved: ${INVOICE}`))).toBeVisible();
  });

  await test.step('level 2 reaches the team lead’s list too, but the core refuses one person on two levels', async () => {
    const { page } = lead;
    const row = page.getByRole('table', { name: 'Approvals' }).getByRole('row', { name: new RegExp(`${INVOICE}.*Finance`) });
    await row.click(SLOW);
    await expect(page.getByRole('list', { name: 'Approval levels' }).locator('[data-level="Team lead"]')).toHaveAttribute('data-state', 'done');
    await expect(page.getByRole('list', { name: 'Decisions' })).toContainText(APPROVER1.username);
    const decision = page.getByRole('region', { name: 'Your decision' });
    await expect(decision.getByRole('alert').filter({ hasText: 'Segregation of duties applies' })).toContainText(/at most one level/);
    await decision.getByRole('button', { name: 'Approve' }).click();
    await expect(decision.getByRole('alert').filter({ hasText: 'Your decision was refused' })).toContainText(/at most one level/);
  });

  const finance = await desk(browser, server, APPROVER2);
  await test.step('Finance approves level 2', async () => {
    const { page } = finance;
    await go(page, 'a', 'Approvals');
    await page
      .getByRole('table', { name: 'Approvals' })
      .getByRole('row', { name: new RegExp(`${INVOICE}.*Finance`) })
      .click(SLOW);
    const decision = page.getByRole('region', { name: 'Your decision' });
    await expect(decision.getByRole('alert')).toHaveCount(0);
    await decision.getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByText(new RegExp(`Approved: ${INVOICE}`))).toBeVisible();
  });

  await test.step('the second Finance approver the level needs decides through the API; the instance completes', async () => {
    const second = await apiSession(server, APPROVER3.username, APPROVER3.password);
    const waiting = await second.call<{ items: { id: string; businessKey: string; level: string }[] }>('tasks.list', { scope: 'available', kind: 'approval' });
    const task = waiting.items.find((t) => t.businessKey === INVOICE);
    expect(task?.level).toMatch(/^Finance/);
    const detail = await second.call<{ approval: { dataHash: string } }>('tasks.get', { taskId: task?.id });
    await second.call('approvals.decide', { taskId: task?.id, decision: 'approve', dataHash: detail.approval.dataHash });

    const { page } = clerk;
    await page.goto(`/#${instancePath}`);
    await expect(page.getByRole('heading', { name: `invoice-approval · ${INVOICE}`, level: 1 })).toBeVisible();
    await expect(page.locator('[data-status="completed"]').first()).toBeVisible(SLOW);
  });

  await test.step('the audit trail holds every step and both refused attempts', async () => {
    const trail = await auditTrail(admin);
    const by = (action: string, username: string) => trail.filter((e) => e.action === action && e.actor.username === username);
    expect(by('task.claimed', CLERK.username)).toHaveLength(1);
    expect(by('task.document.attached', CLERK.username)).toHaveLength(1);
    expect(by('task.completed', CLERK.username)).toHaveLength(1);
    expect(by('approval.approved', APPROVER1.username)).toHaveLength(1);
    expect(by('approval.approved', APPROVER2.username)).toHaveLength(1);
    expect(by('approval.approved', APPROVER3.username)).toHaveLength(1);
    const refused = trail.filter((e) => e.outcome === 'refused' && e.payload.code === 'segregation_of_duties');
    expect(refused.map((e) => e.actor.username)).toEqual([CLERK.username, APPROVER1.username]);
    expect(refused.map((e) => e.action)).toEqual(['access.refused', 'access.refused']);
    expect(String(refused[0]?.payload.reason)).toMatch(/initiator/);
    expect(String(refused[1]?.payload.reason)).toMatch(/at most one level/);
    const order = ['task.claimed', 'task.completed', 'approval.approved', 'instance.completed'].map((action) => trail.findIndex((e) => e.action === action));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  for (const person of [clerk, lead, finance]) await person.context.close();
});

/**
 * A masked account number shown in clear by someone whose role may see it: compliance finds
 * the approval among all tasks in Queues, unmasks the IBAN, and the viewing is an audit event.
 * An approver of the same site only ever sees the mask (asserted in the journey above).
 */
test('compliance unmasks an IBAN under approval; the viewing is in the audit trail', async ({ browser, server }) => {
  test.setTimeout(120_000);
  const admin = await provisionInvoiceSite(server, [CLERK, COMPLIANCE]);
  const number = 'INV-2026-0077';
  await capturedInvoice(server, number, { vendor: 'Globex SA', iban: 'DE89 3704 0044 0532 0130 00', amount: { amount: '980.00', currency: 'EUR' } });

  const { page, context } = await desk(browser, server, COMPLIANCE);
  await go(page, 'q', 'Queues');
  const filters = page.getByRole('search', { name: 'Queue filters' });
  await filters.getByText('All', { exact: true }).click();
  await filters.getByLabel('Search').fill(number);
  const row = page.getByRole('table', { name: 'Tasks' }).getByRole('row', { name: new RegExp(`Approve the invoice.*${number}`) });
  await row.getByRole('link', { name: 'Approve the invoice' }).click(SLOW);
  await expect(page.getByRole('heading', { name: `Approve the invoice · ${number}`, level: 1 })).toBeVisible();
  const iban = page.getByRole('table', { name: 'What is approved' }).locator('[data-path="invoice.captured.iban"]');
  await expect(iban).toContainText('DE•• •••• 3000');
  await iban.getByRole('button', { name: 'Unmask invoice.captured.iban' }).click();
  await expect(iban).toContainText(/DE89 ?3704 ?0044 ?0532 ?0130 ?00/);
  await expect(iban).toContainText('recorded in the audit trail');

  const trail = await auditTrail(admin);
  const viewed = trail.filter((e) => e.action === 'data.unmasked');
  expect(viewed.map((e) => [e.actor.username, e.payload.path])).toEqual([[COMPLIANCE.username, 'invoice.captured.iban']]);
  await context.close();
});

/**
 * The other two decisions, as the people take them: Finance sends an invoice back with a
 * comment (without one the form says it is required); the clerk reads the comment in the
 * rework, corrects the amount and sends it back; the approval starts again, and the team
 * lead rejects the corrected invoice with a reason, which ends the approval as rejected.
 */
test('Finance sends an invoice back with a comment; the clerk corrects it; the team lead rejects it with a reason', async ({ browser, server }) => {
  test.setTimeout(240_000);
  const admin = await provisionInvoiceSite(server, [CLERK, APPROVER1, APPROVER2]);
  const number = 'INV-2026-0099';
  const started = await capturedInvoice(server, number, {
    vendor: 'Initech AG',
    iban: 'DE89 3704 0044 0532 0130 00',
    amount: { amount: '1000.00', currency: 'EUR' },
  });
  const lead1 = await apiSession(server, APPROVER1.username, APPROVER1.password);
  const level1 = await invoiceTask(lead1, number, 'approval');
  const firstHash = (await lead1.call<{ approval: { dataHash: string } }>('tasks.get', { taskId: level1 })).approval.dataHash;
  await lead1.call('approvals.decide', { taskId: level1, decision: 'approve', dataHash: firstHash });

  const finance = await desk(browser, server, APPROVER2);
  await test.step('Finance asks for changes: first without a comment, which the form refuses, then with one', async () => {
    const { page } = finance;
    await go(page, 'a', 'Approvals');
    await page
      .getByRole('table', { name: 'Approvals' })
      .getByRole('row', { name: new RegExp(`${number}.*Finance`) })
      .click(SLOW);
    const decision = page.getByRole('region', { name: 'Your decision' });
    await decision.getByRole('button', { name: 'Request changes' }).click();
    await expect(decision.getByText('A rejection or a request for changes needs a comment')).toBeVisible();
    await decision.getByLabel('Comment').fill('The amount must include 19 % VAT.');
    await decision.getByRole('button', { name: 'Request changes' }).click();
    await expect(page.getByText(new RegExp(`Sent back for changes: ${number}`))).toBeVisible();
  });

  const clerk = await desk(browser, server, CLERK);
  await test.step('the clerk reads what Finance asked, corrects the amount and sends it back', async () => {
    const { page } = clerk;
    await go(page, 'q', 'Queues');
    const row = page.getByRole('table', { name: 'Tasks' }).getByRole('row', { name: new RegExp(`Changes requested.*${number}`) });
    await row.getByRole('link', { name: /Changes requested/ }).click(SLOW);
    await expect(page.getByRole('heading', { name: 'Changes requested: Approve the invoice', level: 1 })).toBeVisible();
    const request = page.getByRole('alert').filter({ hasText: 'Changes requested by' });
    await expect(request).toContainText(`Changes requested by ${APPROVER2.username} (Finance`);
    await expect(request).toContainText('The amount must include 19 % VAT.');
    await page.getByRole('button', { name: 'Claim' }).click();
    const form = page.getByRole('form', { name: 'Rework' });
    const amount = form.getByRole('textbox', { name: 'invoice.captured.amount', exact: true });
    await expect(amount).toHaveValue('1000.00');
    await amount.fill('1190.00');
    await form.getByRole('button', { name: 'Send back for approval' }).click();
    await expect(page.getByText('Changes requested: Approve the invoice completed.')).toBeVisible();
  });

  const lead = await desk(browser, server, APPROVER1);
  await test.step('the approval starts again; the team lead rejects the corrected invoice, with a reason', async () => {
    const { page } = lead;
    await go(page, 'a', 'Approvals');
    await page
      .getByRole('table', { name: 'Approvals' })
      .getByRole('row', { name: new RegExp(`${number}.*Team lead`) })
      .click(SLOW);
    await expect(page.getByRole('table', { name: 'What is approved' }).locator('[data-path="invoice.captured.amount"]')).toContainText('1190.00 EUR');
    await expect(page.getByRole('list', { name: 'Decisions' })).toContainText(APPROVER2.username);
    const decision = page.getByRole('region', { name: 'Your decision' });
    await decision.getByRole('button', { name: 'Reject' }).click();
    await expect(decision.getByText('A rejection or a request for changes needs a comment')).toBeVisible();
    await decision.getByLabel('Comment').fill('Vendor is on the sanctions watch list.');
    await decision.getByRole('button', { name: 'Reject' }).click();
    await expect(page.getByText(new RegExp(`Rejected: ${number}`))).toBeVisible();
  });

  await test.step('the instance carries the rejection, and the trail both decisions with their comments', async () => {
    await expect
      .poll(async () => {
        const detail = await admin.call<{ variables: { decision?: { decision: string; comment: string; by: string } } }>('instances.get', {
          instanceId: started.instanceId,
        });
        return detail.variables.decision;
      }, SLOW)
      .toMatchObject({ decision: 'rejected', comment: 'Vendor is on the sanctions watch list.', by: APPROVER1.username });
    const trail = await auditTrail(admin);
    const decided = trail.filter((e) => e.action === 'approval.changes-requested' || e.action === 'approval.rejected');
    expect(decided.map((e) => [e.action, e.actor.username])).toEqual([
      ['approval.changes-requested', APPROVER2.username],
      ['approval.rejected', APPROVER1.username],
    ]);
  });

  for (const person of [finance, clerk, lead]) await person.context.close();
});
