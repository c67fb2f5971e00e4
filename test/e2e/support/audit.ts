import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { ConsoleServer } from './console';
import { BANK_TRANSFER, FEES_TABLE, apiSession, configureConnectors, deploy, paymentCheck, type ApiSession, type FakeBank } from './engine';
import { ADMIN, provisionAdmin } from './people';

/**
 * What the auditor's journey needs: a site where work has happened. A payment check ran to
 * its end (input, a decision table, a branch, connector calls, final state); an invoice
 * waits for its capture task in Queues; a bank transfer the bank refused waits in
 * Exceptions; a user's roles were changed (an event with a before and an after); and a
 * checkpoint was signed over all of it. Everything is set up through the API as the admin
 * and a clerk would; the auditor then only reads, in the browser.
 */

export const AUDITOR = {
  username: 'auditor.ines',
  displayName: 'Ines Varga',
  temporaryPassword: 'Walnut-Compass-6219',
  password: 'Heather-Quarry-8034',
};

/** Starts work; first a clerk only, then also an approver (the role change the auditor looks at). */
export const STARTER = {
  username: 'clerk.omar',
  displayName: 'Omar Lindqvist',
  temporaryPassword: 'Pewter-Island-4378',
  password: 'Tangerine-Vault-1592',
};

export const PAYMENT = { reference: 'PAY-7001', amount: 1200, charges: 15, beneficiary: 'ACME GmbH' };
export const INVOICE = 'INV-7001';
export const TRANSFER = 'TRF-7001';

export interface AuditSite {
  admin: ApiSession;
  /** The clerk whose roles the admin changed. */
  starterId: string;
  paymentId: string;
  transferId: string;
}

const INVOICE_APPROVAL = readFileSync(resolve(import.meta.dirname, '../../fixtures/workflows/invoice-approval.yaml'), 'utf8');
const SETTLE_MS = 30_000;

/** The admin adds a person with their roles; the person replaces the temporary password. */
async function addPerson(server: ConsoleServer, admin: ApiSession, person: typeof AUDITOR, roles: string[]): Promise<string> {
  const created = await admin.call<{ user: { id: string }; status: string }>('users.create', {
    username: person.username,
    displayName: person.displayName,
    roles,
    temporaryPassword: person.temporaryPassword,
  });
  // A single-admin site applies role grants at once (four-eyes is waived and audited as such).
  expect(created.status).toBe('applied');
  const own = await apiSession(server, person.username, person.temporaryPassword);
  await own.call('session.changePassword', { currentPassword: person.temporaryPassword, newPassword: person.password });
  return created.user.id;
}

async function statusOf(session: ApiSession, instanceId: string): Promise<string> {
  return (await session.call<{ instance: { status: string } }>('instances.get', { instanceId })).instance.status;
}

/** `bank` is the transfer's bank, which refuses every call (the caller closes it). */
export async function provisionAuditSite(server: ConsoleServer, bank: FakeBank): Promise<AuditSite> {
  await provisionAdmin(server);
  const admin = await apiSession(server, ADMIN.username, ADMIN.password);
  await configureConnectors(admin, bank);
  await deploy(admin, 'fees.yaml', FEES_TABLE);
  await deploy(admin, 'payment-check.yaml', paymentCheck());
  await deploy(admin, 'bank-transfer.yaml', BANK_TRANSFER);
  await deploy(admin, 'invoice-approval.yaml', INVOICE_APPROVAL);
  await addPerson(server, admin, AUDITOR, ['auditor']);
  const starterId = await addPerson(server, admin, STARTER, ['clerk']);
  const roles = await admin.call<{ status: string }>('users.setRoles', { userId: starterId, roles: ['clerk', 'approver'] });
  expect(roles.status).toBe('applied');

  const clerk = await apiSession(server, STARTER.username, STARTER.password);
  const start = async (workflow: string, input: unknown) => (await clerk.call<{ instanceId: string }>('instances.start', { workflow, input })).instanceId;
  const paymentId = await start('payment-check', { payment: PAYMENT });
  await start('invoice-approval', { invoice: { number: INVOICE } });
  const transferId = await start('bank-transfer', { transfer: { reference: TRANSFER, amount: 250 } });
  await expect.poll(() => statusOf(clerk, paymentId), { timeout: SETTLE_MS }).toBe('completed');
  // The bank refuses every call until it recovers (it never does here): two retries, then an incident.
  await expect.poll(() => statusOf(clerk, transferId), { timeout: SETTLE_MS }).toBe('incident');
  // A checkpoint over everything so far: every event the auditor opens has its inclusion proof.
  await admin.call('checkpoints.create', {});
  return { admin, starterId, paymentId, transferId };
}

/**
 * Buttons that would change something, by the words the console's operator, work and
 * approval actions use. The auditor must see none of them enabled.
 */
const ACTING =
  /^(Suspend|Resume|Cancel|Retry|Skip|Reconcile|Resolve|Hand to role|Claim|Release|Reassign|Start instance|Complete|Approve|Reject|Request changes|Break glass|Deploy|Import)\b/;

/** The names of the enabled acting buttons in the page's main content. */
export async function enabledActingButtons(page: Page): Promise<string[]> {
  const names: string[] = [];
  for (const button of await page.getByRole('main').getByRole('button').all()) {
    const name = ((await button.getAttribute('aria-label')) ?? (await button.innerText())).trim();
    if (ACTING.test(name) && (await button.isEnabled())) names.push(name);
  }
  return names;
}

/**
 * An operation called straight from the page, as its own client does (session cookie and
 * CSRF token), bypassing the console's buttons: what the core answers.
 */
export async function callFromPage(page: Page, op: string, input: unknown): Promise<{ status: number; code: string | null }> {
  return page.evaluate(
    async ({ op, input }) => {
      const csrf = ((await (await fetch('/api/csrf', { credentials: 'same-origin' })).json()) as { csrfToken: string | null }).csrfToken ?? '1';
      const response = await fetch(`/api/${op}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-clearline-csrf': csrf },
        body: JSON.stringify(input),
      });
      const body = (await response.json().catch(() => null)) as { code?: string } | null;
      return { status: response.status, code: body?.code ?? null };
    },
    { op, input },
  );
}
