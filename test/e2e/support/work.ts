import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { ConsoleServer } from './console';
import { apiSession, deploy, type ApiSession } from './engine';
import { ADMIN, provisionAdmin, signIn } from './people';

/**
 * What the human-work journeys need: the invoice workflow deployed by the site's single
 * admin (so a deployment needs no second admin), and the people who capture and approve
 * invoices, each with their own password already chosen.
 */

export interface Person {
  username: string;
  displayName: string;
  roles: string[];
  temporaryPassword: string;
  password: string;
}

/** Captures invoices, and as an approver of other people's work could approve — but never their own. */
export const CLERK: Person = {
  username: 'clerk.kim',
  displayName: 'Kim Tanaka',
  roles: ['clerk', 'approver'],
  temporaryPassword: 'Maple-Corridor-3816',
  password: 'Indigo-Pebble-5092',
};
/** Team lead: decides level 1. */
export const APPROVER1: Person = {
  username: 'approver.lee',
  displayName: 'Lee Moreau',
  roles: ['approver'],
  temporaryPassword: 'Cobalt-Orchard-7245',
  password: 'Amber-Glacier-1638',
};
/** Finance: one of the two approvers level 2 needs. */
export const APPROVER2: Person = {
  username: 'approver.noor',
  displayName: 'Noor Haddad',
  roles: ['approver'],
  temporaryPassword: 'Russet-Harbor-4907',
  password: 'Silver-Thicket-2583',
};
/** Finance's second approver (the fixture's level 2 needs two); decides through the API. */
export const APPROVER3: Person = {
  username: 'approver.ravi',
  displayName: 'Ravi Okafor',
  roles: ['approver'],
  temporaryPassword: 'Juniper-Ledger-6154',
  password: 'Scarlet-Meadow-9427',
};

/** A second clerk of the same team: takes work from the shared queue at the same time. */
export const CLERK2: Person = {
  username: 'clerk.sam',
  displayName: 'Sam Ortiz',
  roles: ['clerk'],
  temporaryPassword: 'Hazel-Beacon-3470',
  password: 'Tundra-Marble-8152',
};
/** Compliance: may see masked values in clear (each viewing audited). */
export const COMPLIANCE: Person = {
  username: 'compliance.ines',
  displayName: 'Ines Varga',
  roles: ['compliance'],
  temporaryPassword: 'Willow-Sextant-6021',
  password: 'Garnet-Prairie-4375',
};

const WORKFLOWS = resolve(import.meta.dirname, '../../fixtures/workflows');

/** Admin (API) sets up the site: the echo connector, invoice-approval.yaml, and the people. Returns the admin's API session. */
export async function provisionInvoiceSite(server: ConsoleServer, people: readonly Person[]): Promise<ApiSession> {
  await provisionAdmin(server);
  const admin = await apiSession(server, ADMIN.username, ADMIN.password);
  await admin.call('connectors.save', { name: 'echo', type: 'echo', config: {} });
  await deploy(admin, 'invoice-approval.yaml', readFileSync(resolve(WORKFLOWS, 'invoice-approval.yaml'), 'utf8'));
  for (const person of people) {
    const created = await admin.call<{ status: string }>('users.create', {
      username: person.username,
      displayName: person.displayName,
      roles: person.roles,
      temporaryPassword: person.temporaryPassword,
    });
    // A single-admin site applies role grants at once (four-eyes is waived and audited as such).
    expect(created.status).toBe('applied');
    const own = await apiSession(server, person.username, person.temporaryPassword);
    await own.call('session.changePassword', { currentPassword: person.temporaryPassword, newPassword: person.password });
  }
  return admin;
}

/** The engine hands out work in the background: generous for a busy machine, still bounded. */
const ENGINE_WAIT = { timeout: 30_000 };

/** The task of this invoice the person may take or decide, once the engine has made it. */
export async function invoiceTask(session: ApiSession, number: string, kind?: 'approval'): Promise<string> {
  let id: string | undefined;
  await expect
    .poll(async () => {
      const page = await session.call<{ items: { id: string; businessKey: string }[] }>('tasks.list', { scope: 'available', ...(kind ? { kind } : {}) });
      id = page.items.find((t) => t.businessKey === number)?.id;
      return id !== undefined;
    }, ENGINE_WAIT)
    .toBe(true);
  return id as string;
}

/** The clerk starts an invoice and captures it through the API: the set-up of journeys about its approval. */
export async function capturedInvoice(
  server: ConsoleServer,
  number: string,
  values: { vendor: string; iban: string; amount: { amount: string; currency: string } },
): Promise<{ instanceId: string }> {
  const clerk = await apiSession(server, CLERK.username, CLERK.password);
  const started = await clerk.call<{ instanceId: string }>('instances.start', { workflow: 'invoice-approval', input: { invoice: { number } } });
  const capture = await invoiceTask(clerk, number);
  await clerk.call('tasks.claim', { taskIds: [capture] });
  await clerk.call('tasks.complete', { taskId: capture, values });
  return started;
}

/** A person at their own desk: a separate browser context (own cookies), signed in. */
export async function desk(browser: Browser, server: ConsoleServer, person: Person): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: server.url, colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto('/');
  await signIn(page, person.username, person.password);
  return { context, page };
}

/** Goes to a view with the console's `g` shortcut and waits for its heading. */
export async function go(page: Page, letter: string, heading: string): Promise<void> {
  // Keys typed into a field are the field's: leave whatever has focus first.
  const focused = page.locator(':focus');
  if ((await focused.count()) > 0) await focused.blur();
  await page.keyboard.press('g');
  await page.keyboard.press(letter);
  await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
}

/** A one-page invoice PDF, made on the spot (no file shipped): the document the clerk attaches. */
export async function invoicePdf(number: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  page.drawText(`Invoice ${number}`, { x: 60, y: 760, size: 28, font });
  page.drawText('ACME GmbH · 1,250.00 EUR', { x: 60, y: 720, size: 14, font });
  return Buffer.from(await pdf.save());
}

/** The little of a canvas the check below needs (this file compiles without the DOM library). */
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

/** Whether a canvas has any dark pixel: pdf.js really drew the page. */
export async function canvasHasInk(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((element) => {
    const canvas = element as unknown as CanvasLike;
    const context = canvas.getContext('2d');
    if (!context || canvas.width === 0) return false;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 200 && (data[i + 3] ?? 0) > 0) return true;
    return false;
  });
}
