import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsoleServer } from './console';
import { ADMIN, provisionAdmin } from './people';

/**
 * What the engine journeys need besides a console: people with the right roles, connectors,
 * a stand-in for the bank's API on loopback, and workflow files on disk to import.
 */

/** An admin who also holds the clerk role: deploys and operates, and may start work. */
export const OPERATOR = {
  username: 'ops.morgan',
  displayName: 'Morgan Reyes',
  temporaryPassword: 'Granite-Harbor-8142',
  password: 'Saffron-Lantern-6273',
};

export interface ApiSession {
  call<T = unknown>(op: string, input: unknown): Promise<T>;
}

/** Signs in through the HTTP API as the page would (cookie + CSRF header) and returns a caller. */
export async function apiSession(server: ConsoleServer, username: string, password: string): Promise<ApiSession> {
  let session: { cookie: string; csrf: string } | null = null;
  const call = async <T>(op: string, input: unknown): Promise<T> => {
    const response = await fetch(new URL(`api/${op}`, server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-clearline-csrf': session?.csrf ?? '1', ...(session ? { cookie: session.cookie } : {}) },
      body: JSON.stringify(input),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${op} failed with ${response.status}: ${text}`);
    if (op === 'session.signIn' || op === 'session.changePassword') {
      const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
      const csrf = response.headers.get('x-clearline-csrf-token');
      if (cookie && csrf) session = { cookie, csrf };
    }
    return (text ? JSON.parse(text) : null) as T;
  };
  await call('session.signIn', { username, password });
  return { call };
}

/**
 * A fresh site's first admin (as people.ts provisions them) adds the operator with the roles
 * admin and clerk; the operator replaces the temporary password. Returns both API sessions
 * (the first admin approves what needs four eyes).
 */
export async function provisionOperator(server: ConsoleServer): Promise<{ operator: ApiSession; admin: ApiSession }> {
  await provisionAdmin(server);
  const admin = await apiSession(server, ADMIN.username, ADMIN.password);
  await admin.call('users.create', {
    username: OPERATOR.username,
    displayName: OPERATOR.displayName,
    roles: ['admin', 'clerk'],
    temporaryPassword: OPERATOR.temporaryPassword,
  });
  const operator = await apiSession(server, OPERATOR.username, OPERATOR.temporaryPassword);
  await operator.call('session.changePassword', { currentPassword: OPERATOR.temporaryPassword, newPassword: OPERATOR.password });
  return { operator, admin };
}

/** The bank's API on 127.0.0.1: it fails with 500 until `recover()`, then accepts every transfer. */
export interface FakeBank {
  url: string;
  host: string;
  /** Requests received so far. */
  requests(): number;
  recover(): void;
  close(): Promise<void>;
}

export async function startFakeBank(): Promise<FakeBank> {
  let healthy = false;
  let requests = 0;
  const server: Server = createServer((request, response) => {
    requests += 1;
    request.resume();
    request.on('end', () => {
      const body = healthy ? { status: 'accepted', bankReference: `BK-${requests}` } : { error: 'core banking unavailable' };
      response.writeHead(healthy ? 200 : 500, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the fake bank has no port');
  const host = `127.0.0.1:${address.port}`;
  return {
    url: `http://${host}/`,
    host,
    requests: () => requests,
    recover: () => {
      healthy = true;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** `echo` (diagnostic) and `bank` (HTTP, pointing at the fake bank), saved through the API. */
export async function configureConnectors(session: ApiSession, bank: FakeBank): Promise<void> {
  await session.call('connectors.save', { name: 'echo', type: 'echo', config: {} });
  await session.call('connectors.save', {
    name: 'bank',
    type: 'http',
    config: { baseUrl: bank.url, allowedHosts: [bank.host], timeoutMs: 5_000 },
  });
}

/**
 * Deploys through the API. Where deployments need four eyes (a site with two admins), the
 * `approver` — another admin — approves the pending change.
 */
export async function deploy(session: ApiSession, file: string, text: string, approver?: ApiSession): Promise<void> {
  const result = await session.call<{ outcome: string; problems: unknown[]; changeId?: string | null }>('workflows.deploy', { file, text });
  if (result.outcome === 'invalid') throw new Error(`${file} did not deploy: ${JSON.stringify(result.problems)}`);
  if (result.outcome === 'pending-approval') {
    if (!approver || !result.changeId) throw new Error(`${file} waits for a second admin's approval (change ${result.changeId ?? '?'})`);
    await approver.call('changes.approve', { changeId: result.changeId });
  }
}

/** A temporary folder for files the test "chooses" in the browser; `remove` deletes it. */
export function scratchFolder(): { write(name: string, text: string): string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'clearline-e2e-files-'));
  return {
    write: (name, text) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Processing fee by amount: the decision the payment check evaluates. */
export const FEES_TABLE = `id: fees
name: Processing fee by amount
hitPolicy: UNIQUE
inputs:
  - id: amount
    expression: amount
    type: number
outputs:
  - name: fee
    type: number
rules:
  - when: ['< 1000']
    then: ['5']
  - when: ['[1000..100000]']
    then: ['25']
  - when: ['> 100000']
    then: ['100']
`;

/**
 * A payment check: amounts, a fee from the decision table, a branch on the total, a parallel
 * screening of large payments, and a record step. `defaultStep` lets the test write it with a
 * typo (an unknown step) first.
 */
export function paymentCheck(defaultStep = 'record'): string {
  return `workflow: payment-check
name: Payment check
businessKey: payment.reference
steps:
  - id: amounts
    kind: set
    set:
      total: payment.amount + payment.charges
  - id: fee
    kind: decision
    table: fees
    input:
      amount: total
    result: fee
  - id: route
    kind: branch
    branches:
      - when: total > 1000
        next: screen
    default: ${defaultStep}
  - id: screen
    kind: parallel
    join: all
    branches:
      - name: sanctions
        steps:
          - id: sanctions
            kind: task
            connector: echo
            action: echo
            input:
              name: payment.beneficiary
            result: sanctions
      - name: limits
        steps:
          - id: limits
            kind: task
            connector: echo
            action: echo
            input:
              total: total
            result: limits
  - id: record
    kind: task
    connector: echo
    action: echo
    input:
      reference: payment.reference
      fee: fee.fee
    result: recorded
`;
}

/** The line and column of the typo in paymentCheck('recrod'): the value of \`default\`. */
export const TYPO_AT = { line: 20, column: 14 };

/** A transfer sent to the bank, retried twice one second apart before it becomes an incident. */
export const BANK_TRANSFER = `workflow: bank-transfer
name: Bank transfer
businessKey: transfer.reference
steps:
  - id: prepare
    kind: set
    set:
      amount: transfer.amount
  - id: submit
    kind: task
    connector: bank
    action: post
    input:
      path: '"/transfers"'
      body:
        reference: transfer.reference
        amount: amount
    retry:
      attempts: 2
      backoff:
        initial: PT1S
    result: receipt
  - id: confirm
    kind: set
    set:
      accepted: receipt.status = 200
`;
