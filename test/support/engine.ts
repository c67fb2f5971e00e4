import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DeployResult, InstanceDetail } from '@shared/contract/engine';
import type { TestCore } from './core';
import type { Credential } from '../../src-main/core/auth/authenticator';

export const WORKFLOWS = resolve(import.meta.dirname, '../fixtures/workflows');

export async function deployFixture(core: TestCore, name: string): Promise<DeployResult> {
  return deployText(core, name, readFileSync(resolve(WORKFLOWS, name), 'utf8'));
}

export async function deployText(core: TestCore, file: string, text: string): Promise<DeployResult> {
  const result = await core.ok<DeployResult>('workflows.deploy', { file, text }, core.admin);
  if (result.outcome === 'invalid') throw new Error(`${file} is invalid:\n${result.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n')}`);
  return result;
}

export async function configureEcho(core: TestCore, name = 'echo', delayMs = 0): Promise<void> {
  await core.ok('connectors.save', { name, type: 'echo', config: { delayMs } }, core.admin);
}

/** Polls until the instance satisfies `done` (the engine works asynchronously), or fails after `timeoutMs`. */
export async function waitForInstance(core: TestCore, instanceId: string, done: (d: InstanceDetail) => boolean, timeoutMs = 10_000): Promise<InstanceDetail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const detail = await core.ok<InstanceDetail>('instances.get', { instanceId }, core.admin);
    if (done(detail)) return detail;
    if (Date.now() > deadline)
      throw new Error(
        `instance ${instanceId} did not get there in ${timeoutMs} ms: ${JSON.stringify({ status: detail.instance.status, steps: detail.steps, incidents: detail.incidents }, null, 1)}`,
      );
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const hasStatus =
  (...statuses: string[]) =>
  (d: InstanceDetail) =>
    statuses.includes(d.instance.status);

const clerks = new WeakMap<TestCore, Promise<Credential>>();

/** Starts an instance as a clerk (admins configure; clerks start work). */
export async function start(core: TestCore, workflow: string, input: Record<string, unknown>, version?: number): Promise<string> {
  if (!clerks.has(core))
    clerks.set(
      core,
      core.userWith(['clerk'], 'starter').then((u) => u.credential),
    );
  const credential = await clerks.get(core);
  const started = await core.ok<{ instanceId: string }>('instances.start', { workflow, input, ...(version ? { version } : {}) }, credential);
  return started.instanceId;
}

/** The instance's audit events (its timeline), oldest first. */
export async function timeline(core: TestCore, instanceId: string): Promise<{ action: string; payload: Record<string, unknown> }[]> {
  const page = await core.ok<{ items: { action: string; payload: Record<string, unknown> }[] }>(
    'audit.search',
    { subjectType: 'instance', subjectId: instanceId, limit: 500 },
    core.admin,
  );
  return page.items.reverse();
}
