import { join } from 'node:path';
import { systemClock } from '../src-main/core/clock/clocks';
import { CoreApp } from '../src-main/core/app/core-app';
import { initSite } from '../src-main/core/maintenance/init-site';
import { openSite } from '../src-main/core/site/open-site';
import { sitePaths } from '../src-main/core/site/data-dir';
import type { Credential } from '../src-main/core/auth/authenticator';
import type { KeyProviderContext } from '../src-main/core/keys/key-provider';
import type { DispatchResult } from '../src-main/core/dispatch/dispatcher';
import type { TaskRow } from '../src-main/core/store/work-repositories';
import { newUuidV7 } from '@shared/domain/ids';

/**
 * A site full of open work for the queue benchmarks: one real instance of a capture workflow
 * run by the engine, then copies of its instance and task rows written straight through the
 * repositories (units of 1000), with varied kinds, workflows, due dates (a tenth overdue),
 * priorities and assignees, so filters and sorts have something to do.
 */

export const CLERK = { username: 'queue.clerk', password: 'Lighthouse-Quarry-7731' };
const ADMIN = { username: 'bench', temporary: 'Temporary-Root-Pass-1', password: 'Harbor-Granite-5518' };
const ORIGIN = { host: 'cli' as const, detail: 'bench' };
export const KEY_CONTEXT: KeyProviderContext = { env: process.env, passphrase: async () => '', revealKey: () => {} };
export const WORKFLOWS = ['invoice-approval', 'vendor-change', 'payment-release'] as const;

const WORKFLOW = `workflow: invoice-approval
name: Invoice approval
businessKey: invoice.number
steps:
  - id: capture
    kind: task.human
    title: Capture the invoice
    candidates: { roles: [clerk] }
    form:
      - { name: vendor, label: Vendor, type: text, required: true }
      - { name: iban, label: Vendor IBAN, type: iban, required: true, sensitive: true }
      - { name: amount, label: Amount, type: money, required: true, currencies: [EUR] }
    sla: { within: P2D }
    result: invoice.captured
`;

export interface TaskSite {
  dataDir: string;
  keyFile: string;
  clerkId: string;
}

async function ok<T>(app: CoreApp, op: string, input: unknown, credential?: Credential): Promise<T & DispatchResult> {
  const result = await app.dispatch({ op, input, credential, origin: ORIGIN });
  if (!result.ok) throw new Error(`${op}: ${result.error.message}`);
  return result as T & DispatchResult;
}

async function signIn(app: CoreApp, username: string, password: string): Promise<Credential> {
  const result = await ok<{ session: { set: { token: string } } }>(app, 'session.signIn', { username, password });
  return { kind: 'session', token: result.session.set.token };
}

/** The site, its admin and clerk, and one instance the engine ran up to its capture task. */
async function prepare(dir: string): Promise<TaskSite & { instanceId: string }> {
  const paths = sitePaths(join(dir, 'site'));
  const keyFile = join(dir, 'data.key');
  await initSite({ paths, siteName: 'Queue benchmark', provider: { kind: 'keyfile', path: keyFile }, ctx: KEY_CONTEXT, clock: systemClock });
  const app = await CoreApp.start({
    site: await openSite(paths, KEY_CONTEXT, systemClock),
    clock: systemClock,
    ownership: { ttlMs: 60_000, heartbeatMs: 10_000 },
    log: () => {},
  });
  try {
    await ok(app, 'setup.createFirstAdmin', {
      setupToken: await app.services.setup.issueToken(),
      username: ADMIN.username,
      displayName: 'Bench Admin',
      password: ADMIN.temporary,
    });
    const admin = await signIn(app, ADMIN.username, ADMIN.temporary);
    await ok(app, 'session.changePassword', { currentPassword: ADMIN.temporary, newPassword: ADMIN.password }, admin);
    const deployed = await ok<{ value: { outcome: string; problems: unknown[] } }>(app, 'workflows.deploy', { file: 'invoice.yaml', text: WORKFLOW }, admin);
    if (deployed.value.outcome !== 'deployed') throw new Error(`deploy: ${JSON.stringify(deployed.value)}`);
    const created = await ok<{ value: { user: { id: string } } }>(
      app,
      'users.create',
      { username: CLERK.username, displayName: 'Queue Clerk', roles: ['clerk'], temporaryPassword: 'Temporary-Pass-123' },
      admin,
    );
    const clerk = await signIn(app, CLERK.username, 'Temporary-Pass-123');
    await ok(app, 'session.changePassword', { currentPassword: 'Temporary-Pass-123', newPassword: CLERK.password }, clerk);
    const started = await ok<{ value: { instanceId: string } }>(
      app,
      'instances.start',
      { workflow: 'invoice-approval', input: { invoice: { number: 'TEMPLATE' } } },
      clerk,
    );
    const deadline = Date.now() + 30_000;
    for (;;) {
      const page = await ok<{ value: { items: { instanceId: string }[] } }>(app, 'tasks.list', { scope: 'available' }, clerk);
      if (page.value.items.some((t) => t.instanceId === started.value.instanceId)) break;
      if (Date.now() > deadline) throw new Error('the engine did not open the capture task in time');
      await new Promise((r) => setTimeout(r, 50));
    }
    return { dataDir: paths.dataDir, keyFile, clerkId: created.value.user.id, instanceId: started.value.instanceId };
  } finally {
    await app.close();
  }
}

/** Creates a site in `dir` with `count` open tasks (plus the template's own). */
export async function seedTaskSite(dir: string, count: number): Promise<TaskSite> {
  const site = await prepare(dir);
  const opened = await openSite(sitePaths(site.dataDir), KEY_CONTEXT, systemClock);
  try {
    const template = await opened.store.read(async (tx) => {
      const instance = await tx.instances.get(site.instanceId);
      const nobody = { userId: '', username: '', roles: [], standsInFor: [] };
      const [task] = await tx.tasks.list({ scope: 'all', status: 'active', sort: 'due', limit: 1 }, nobody, new Date().toISOString());
      return instance && task ? { instance, task } : null;
    });
    if (!template) throw new Error('no template instance and task to copy');
    const now = Date.now();
    for (let done = 0; done < count; done += 1000) {
      await opened.store.unit(async (tx) => {
        for (let i = done; i < Math.min(done + 1000, count); i++) {
          const at = now - (count - i) * 1000;
          const instanceId = newUuidV7(at);
          const number = `INV-${String(i + 1).padStart(6, '0')}`;
          await tx.instances.insert({
            ...template.instance,
            id: instanceId,
            businessKey: number,
            variables: { invoice: { number } },
            startedAt: new Date(at).toISOString(),
            updatedAt: new Date(at).toISOString(),
            needsWork: false,
          });
          const approval = i % 7 === 0;
          const task: TaskRow = {
            ...template.task,
            id: `${instanceId}.capture`,
            requestId: `${instanceId}.capture`,
            activationId: `${instanceId}.a1`,
            instanceId,
            kind: approval ? 'approval' : 'task',
            title: approval ? 'Approve the invoice' : 'Capture the invoice',
            levelLabel: approval ? 'Team lead — level 1 of 2 (1 approver)' : null,
            candidateRoles: approval ? ['approver'] : ['clerk'],
            workflowKey: WORKFLOWS[i % WORKFLOWS.length] as string,
            businessKey: number,
            status: i % 5 === 0 ? 'claimed' : 'open',
            assigneeId: i % 5 === 0 ? site.clerkId : null,
            priority: 20 + ((i * 37) % 61),
            createdAt: new Date(at).toISOString(),
            // A tenth is overdue; the rest fall due over the next five days.
            dueAt: new Date(i % 10 === 0 ? now - ((i % 97) + 1) * 3_600_000 : now + ((i * 7919) % (5 * 86_400)) * 1000).toISOString(),
            escalationLevel: i % 10 === 0 ? 1 : 0,
          };
          await tx.tasks.insert(task);
        }
      });
    }
  } finally {
    await opened.close();
  }
  return { dataDir: site.dataDir, keyFile: site.keyFile, clerkId: site.clerkId };
}
